"""`ChatsClient` and `AsyncChatsClient`: one method per chat operation of Open WebUI.

The two classes mirror each other line by line; everything that is not I/O lives in `_base`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, ParamSpec, TypeVar, cast

import httpx

from . import _calls as calls
from ._base import APIResponse, BaseClient, default_ssl_context
from ._calls import Call, Completion, Form
from ._constants import (
    DEFAULT_CONNECTION_LIMITS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
)
from ._generated.models import (
    AccessGrant,
    ChatAccessGrantsForm,
    ChatActionForm,
    ChatCompletedForm,
    ChatCompletedResponse,
    ChatCompletionChunk,
    ChatCompletionForm,
    ChatCompletionResponse,
    ChatCompletionTaskResponse,
    ChatConfigForm,
    ChatFolderIdForm,
    ChatForm,
    ChatResponse,
    ChatsImportForm,
    ChatsReadResponse,
    ChatStatsExport,
    ChatStatsExportList,
    ChatTaskList,
    ChatTitleIdResponse,
    ChatUnreadResponse,
    ChatUsageStatsListResponse,
    CloneForm,
    CompactChatForm,
    CompactChatResponse,
    EventForm,
    ForkForm,
    MessageForm,
    ResolveToolCallForm,
    ResolveToolCallResponse,
    ShareChatForm,
    SharedChatResponse,
    StopTasksResponse,
    TagFilterForm,
    TagForm,
    TagModel,
)
from ._streaming import AsyncJSONLinesStream, AsyncStream, JSONLinesStream, Stream
from .lib._conversations import AsyncConversationsMixin, ConversationsMixin

T = TypeVar("T")
P = ParamSpec("P")


async def _async_sleep(seconds: float) -> None:
    import asyncio  # here, so that programs using only ChatsClient never import asyncio

    await asyncio.sleep(seconds)


def _is_event_stream(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")
    return content_type.startswith("text/event-stream")


def _raw(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Type a method of a raw-mode client (``_raw = True``) as what it then returns."""
    return cast(Callable[P, APIResponse[T]], method)


def _araw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    """`_raw` for coroutine methods."""
    return cast(Callable[P, Awaitable[APIResponse[T]]], method)


class ChatsClient(BaseClient[httpx.Client], ConversationsMixin):
    """Synchronous client for the chats API of an Open WebUI server.

    Args:
        base_url: the server root, such as ``http://localhost:8080`` (a trailing ``/api`` is
            accepted); defaults to ``$OPENWEBUI_BASE_URL``.
        api_key: an ``sk-...`` API key or a JWT; defaults to ``$OPENWEBUI_API_KEY``.
        timeout: seconds, or an ``httpx.Timeout``; for streams, the read timeout is the longest
            gap allowed between two chunks.
        max_retries: retries of requests that are safe to repeat.
        http_client: your own ``httpx.Client`` (proxies, TLS, transports); it is not closed by
            `close()`. Timeouts, retries and error mapping apply to it just the same.
        default_headers: headers sent with every request.
    """

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url,
            api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(
                f"http_client must be an httpx.Client, got {type(http_client).__name__}"
            )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            limits=DEFAULT_CONNECTION_LIMITS,
            follow_redirects=True,
            timeout=self.timeout,
            verify=default_ssl_context(),
        )

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ChatsClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def with_raw_response(self) -> ChatsClientWithRawResponse:
        """The same methods, returning `APIResponse` (status, headers, parsed value)."""
        clone = self.with_options()
        clone._raw = True
        return ChatsClientWithRawResponse(clone)

    # -- transport -----------------------------------------------------------------------------

    def _send(
        self, request: httpx.Request, *, stream: bool, idempotent: bool | None
    ) -> httpx.Response:
        retries = self.max_retries if self._retry_allowed(request, idempotent) else 0
        attempt = 0
        while True:
            try:
                response = self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(attempt, None) if attempt < retries else None
                if delay is None:
                    raise self._connection_error(exc, request, attempt + 1) from exc
                self._log_retry(request, attempt, delay, type(exc).__name__)
                time.sleep(delay)
                attempt += 1
                continue
            self._log_response(response, attempt)
            if response.is_success:
                return response
            delay = None
            if attempt < retries and self._should_retry_status(response):
                delay = self._retry_delay(attempt, response)
            if delay is None:
                try:
                    response.read()
                except httpx.TransportError as exc:
                    raise self._connection_error(exc, request, attempt + 1) from exc
                finally:
                    response.close()
                raise self._status_error(response, attempt + 1)
            response.close()
            self._log_retry(request, attempt, delay, f"HTTP {response.status_code}")
            time.sleep(delay)
            attempt += 1

    def _call(self, call: Call[T]) -> T:
        response = self._send(
            self._build_request(call.spec), stream=False, idempotent=call.idempotent
        )
        return self._result(response, call.parse)

    def _stream_lines(self, call: Call[T]) -> JSONLinesStream[T]:
        response = self._send(self._build_request(call.spec), stream=True, idempotent=True)
        return JSONLinesStream(response, call.parse)

    def _complete(self, call: Call[Completion]) -> Completion | Stream[ChatCompletionChunk]:
        response = self._send(self._build_request(call.spec), stream=True, idempotent=False)
        if _is_event_stream(response):
            return Stream(response, calls.chunk)
        try:
            response.read()
        except httpx.TransportError as exc:
            raise self._connection_error(exc, response.request, 1) from exc
        finally:
            response.close()
        return self._result(response, call.parse)

    # -- chats -----------------------------------------------------------------------------------

    def get_list(
        self,
        page: int | None = None,
        include_pinned: bool = False,
        include_folders: bool = False,
        *,
        sort_by: str | None = None,
        sort_dir: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """List the caller's chats (titles and ids).

        ``GET /api/v1/chats/list``
        """
        return self._call(
            calls.get_list(
                page, include_pinned, include_folders, sort_by=sort_by, sort_dir=sort_dir
            )
        )

    def list_chats(
        self,
        page: int | None = None,
        include_pinned: bool = False,
        include_folders: bool = False,
        *,
        sort_by: str | None = None,
        sort_dir: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """Same as `get_list`, through the root route.

        ``GET /api/v1/chats/``
        """
        return self._call(
            calls.list_chats(
                page, include_pinned, include_folders, sort_by=sort_by, sort_dir=sort_dir
            )
        )

    def get_chat_usage_stats(
        self, items_per_page: int = 50, page: int = 1
    ) -> ChatUsageStatsListResponse:
        """Usage statistics of the caller's chats, a page at a time.

        ``GET /api/v1/chats/stats/usage``
        """
        return self._call(calls.get_chat_usage_stats(items_per_page, page))

    def export_chat_stats(
        self, updated_at: int | None = None, page: int = 1
    ) -> ChatStatsExportList:
        """A page of per-chat statistics.

        ``GET /api/v1/chats/stats/export``
        """
        return self._call(calls.export_chat_stats(updated_at, page))

    def iter_chat_stats_export(
        self, updated_at: int | None = None
    ) -> JSONLinesStream[ChatStatsExport]:
        """Every chat's statistics, streamed one at a time.

        ``GET /api/v1/chats/stats/export?stream=true``
        """
        return self._stream_lines(calls.iter_chat_stats_export(updated_at))

    def export_single_chat_stats(self, chat_id: str) -> ChatStatsExport | None:
        """Statistics of one chat.

        ``GET /api/v1/chats/stats/export/{chat_id}``
        """
        return self._call(calls.export_single_chat_stats(chat_id))

    def delete_all(self) -> bool:
        """Delete all of the caller's chats.

        ``DELETE /api/v1/chats/``
        """
        return self._call(calls.delete_all())

    def mark_all_read(self) -> ChatsReadResponse:
        """Mark all of the caller's chats as read.

        ``POST /api/v1/chats/read``
        """
        return self._call(calls.mark_all_read())

    def get_user_list(
        self,
        user_id: str,
        page: int | None = None,
        query: str | None = None,
        order_by: str | None = None,
        direction: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """Another user's chats (admin).

        ``GET /api/v1/chats/list/user/{user_id}``
        """
        return self._call(calls.get_user_list(user_id, page, query, order_by, direction))

    def create_new(self, form_data: ChatForm | Form) -> ChatResponse | None:
        """Create a chat.

        ``POST /api/v1/chats/new``
        """
        return self._call(calls.create_new(form_data))

    def import_chats(self, form_data: ChatsImportForm | Form) -> list[ChatResponse]:
        """Import chats, keeping their timestamps, pinned and archived state.

        ``POST /api/v1/chats/import``
        """
        return self._call(calls.import_chats(form_data))

    def get_config(self) -> ChatConfigForm:
        """The chats configuration (admin).

        ``GET /api/v1/chats/config``
        """
        return self._call(calls.get_config())

    def set_config(self, form_data: ChatConfigForm | Form) -> ChatConfigForm:
        """Set the chats configuration (admin).

        ``POST /api/v1/chats/config``
        """
        return self._call(calls.set_config(form_data))

    def search(self, text: str, page: int | None = None) -> list[ChatTitleIdResponse]:
        """Search the caller's chats by title and content.

        ``GET /api/v1/chats/search``
        """
        return self._call(calls.search(text, page))

    def get_by_folder_id(self, folder_id: str) -> list[ChatResponse]:
        """The chats in a folder, in full.

        ``GET /api/v1/chats/folder/{folder_id}``
        """
        return self._call(calls.get_by_folder_id(folder_id))

    def get_list_by_folder_id(
        self,
        folder_id: str,
        page: int = 1,
        *,
        sort_by: str | None = None,
        sort_dir: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """The chats in a folder (titles and ids).

        ``GET /api/v1/chats/folder/{folder_id}/list``
        """
        return self._call(
            calls.get_list_by_folder_id(folder_id, page, sort_by=sort_by, sort_dir=sort_dir)
        )

    def get_pinned(self) -> list[ChatTitleIdResponse]:
        """The caller's pinned chats.

        ``GET /api/v1/chats/pinned``
        """
        return self._call(calls.get_pinned())

    def iter_all(self) -> JSONLinesStream[ChatResponse]:
        """Every chat of the caller, streamed one at a time.

        ``GET /api/v1/chats/all``
        """
        return self._stream_lines(calls.iter_all())

    def get_all(self) -> list[ChatResponse]:
        """Every chat of the caller (read from the NDJSON stream).

        ``GET /api/v1/chats/all``
        """
        with self.iter_all() as chats:
            items = list(chats)
        return self._wrap(chats.response, items)

    def get_all_archived(self) -> list[ChatResponse]:
        """Every archived chat of the caller.

        ``GET /api/v1/chats/all/archived``
        """
        return self._call(calls.get_all_archived())

    def get_all_tags(self) -> list[TagModel]:
        """Every tag of the caller.

        ``GET /api/v1/chats/all/tags``
        """
        return self._call(calls.get_all_tags())

    def get_all_db(self) -> list[ChatResponse]:
        """Every chat in the database (admin).

        ``GET /api/v1/chats/all/db``
        """
        return self._call(calls.get_all_db())

    def get_archived_list(
        self,
        page: int | None = None,
        query: str | None = None,
        order_by: str | None = None,
        direction: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """The caller's archived chats (titles and ids).

        ``GET /api/v1/chats/archived``
        """
        return self._call(calls.get_archived_list(page, query, order_by, direction))

    def archive_all(self) -> bool:
        """Archive all of the caller's chats.

        ``POST /api/v1/chats/archive/all``
        """
        return self._call(calls.archive_all())

    def unarchive_all(self) -> bool:
        """Unarchive all of the caller's chats.

        ``POST /api/v1/chats/unarchive/all``
        """
        return self._call(calls.unarchive_all())

    def get_archived_count(self) -> int:
        """How many chats the caller has archived.

        ``GET /api/v1/chats/archived/count``
        """
        return self._call(calls.get_archived_count())

    def get_shared_list(
        self,
        page: int | None = None,
        query: str | None = None,
        order_by: str | None = None,
        direction: str | None = None,
    ) -> list[SharedChatResponse]:
        """The caller's shared chats.

        ``GET /api/v1/chats/shared``
        """
        return self._call(calls.get_shared_list(page, query, order_by, direction))

    def get_shared(self, share_id: str) -> ChatResponse | None:
        """A shared chat, by its share id.

        ``GET /api/v1/chats/share/{share_id}``
        """
        return self._call(calls.get_shared(share_id))

    def get_by_tags(self, form_data: TagFilterForm | Form) -> list[ChatTitleIdResponse]:
        """The caller's chats that carry a tag.

        ``POST /api/v1/chats/tags``
        """
        return self._call(calls.get_by_tags(form_data))

    # -- one chat --------------------------------------------------------------------------------

    def get(self, id: str) -> ChatResponse | None:
        """A chat by id.

        ``GET /api/v1/chats/{id}``
        """
        return self._call(calls.get(id))

    def update(self, id: str, form_data: ChatForm | Form) -> ChatResponse | None:
        """Update a chat; ``chat`` is merged into the stored payload.

        ``POST /api/v1/chats/{id}``
        """
        return self._call(calls.update(id, form_data))

    def update_params(self, id: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """Update a chat's model parameters.

        ``PATCH /api/v1/chats/{id}/params``
        """
        return self._call(calls.update_params(id, params))

    def update_message(
        self, id: str, message_id: str, form_data: MessageForm | Form
    ) -> ChatResponse | None:
        """Replace the content of a message.

        ``POST /api/v1/chats/{id}/messages/{message_id}``
        """
        return self._call(calls.update_message(id, message_id, form_data))

    def delete_message(self, id: str, message_id: str) -> ChatResponse | None:
        """Delete a message and its replies.

        ``DELETE /api/v1/chats/{id}/messages/{message_id}``
        """
        return self._call(calls.delete_message(id, message_id))

    def send_message_event(
        self, id: str, message_id: str, form_data: EventForm | Form
    ) -> bool | None:
        """Send an event (a status, a replacement...) to a message.

        ``POST /api/v1/chats/{id}/messages/{message_id}/event``
        """
        return self._call(calls.send_message_event(id, message_id, form_data))

    def resolve_tool_call(
        self, id: str, message_id: str, form_data: ResolveToolCallForm | Form
    ) -> ResolveToolCallResponse:
        """Approve, reject or answer a pending tool call.

        ``POST /api/v1/chats/{id}/messages/{message_id}/resolve``
        """
        return self._call(calls.resolve_tool_call(id, message_id, form_data))

    def delete(self, id: str) -> bool:
        """Delete a chat.

        ``DELETE /api/v1/chats/{id}``
        """
        return self._call(calls.delete(id))

    def get_pinned_status(self, id: str) -> bool | None:
        """Whether a chat is pinned.

        ``GET /api/v1/chats/{id}/pinned``
        """
        return self._call(calls.get_pinned_status(id))

    def pin(self, id: str) -> ChatResponse | None:
        """Toggle whether a chat is pinned.

        ``POST /api/v1/chats/{id}/pin``
        """
        return self._call(calls.pin(id))

    def fork(self, id: str, form_data: ForkForm | Form | None = None) -> ChatResponse | None:
        """Fork a chat, optionally at a message.

        ``POST /api/v1/chats/{id}/fork``
        """
        return self._call(calls.fork(id, form_data))

    def clone(self, id: str, form_data: CloneForm | Form) -> ChatResponse | None:
        """Copy a chat, optionally with a new title.

        ``POST /api/v1/chats/{id}/clone``
        """
        return self._call(calls.clone(id, form_data))

    def clone_shared(self, id: str) -> ChatResponse | None:
        """Copy a chat shared with the caller, by its share id.

        ``POST /api/v1/chats/{id}/clone/shared``
        """
        return self._call(calls.clone_shared(id))

    def compact(
        self, id: str, form_data: CompactChatForm | Form | None = None
    ) -> CompactChatResponse:
        """Summarise a chat's older messages to save context.

        ``POST /api/v1/chats/{id}/compact``
        """
        return self._call(calls.compact(id, form_data))

    def archive(self, id: str) -> ChatResponse | None:
        """Toggle whether a chat is archived.

        ``POST /api/v1/chats/{id}/archive``
        """
        return self._call(calls.archive(id))

    def share(self, id: str, form_data: ShareChatForm | Form | None = None) -> ChatResponse | None:
        """Share a chat; the result carries its ``share_id``.

        ``POST /api/v1/chats/{id}/share``
        """
        return self._call(calls.share(id, form_data))

    def delete_shared(self, id: str) -> bool | None:
        """Stop sharing a chat.

        ``DELETE /api/v1/chats/{id}/share``
        """
        return self._call(calls.delete_shared(id))

    def unshare_all(self) -> bool:
        """Stop sharing all of the caller's chats.

        ``DELETE /api/v1/chats/share/all``
        """
        return self._call(calls.unshare_all())

    def update_shared_chat_access(
        self, id: str, form_data: ChatAccessGrantsForm | Form
    ) -> ChatResponse | None:
        """Set who may open a shared chat.

        ``POST /api/v1/chats/shared/{id}/access/update``
        """
        return self._call(calls.update_shared_chat_access(id, form_data))

    def get_shared_chat_access(self, id: str) -> list[AccessGrant]:
        """Who may open a shared chat.

        ``GET /api/v1/chats/shared/{id}/access``
        """
        return self._call(calls.get_shared_chat_access(id))

    def mark_unread(self, id: str) -> ChatUnreadResponse:
        """Mark a chat as unread.

        ``POST /api/v1/chats/{id}/unread``
        """
        return self._call(calls.mark_unread(id))

    def update_folder(self, id: str, form_data: ChatFolderIdForm | Form) -> ChatResponse | None:
        """Move a chat into a folder (``folder_id``), or out of folders (``None``).

        ``POST /api/v1/chats/{id}/folder``
        """
        return self._call(calls.update_folder(id, form_data))

    def get_tags(self, id: str) -> list[TagModel]:
        """The tags of a chat.

        ``GET /api/v1/chats/{id}/tags``
        """
        return self._call(calls.get_tags(id))

    def add_tag(self, id: str, form_data: TagForm | Form) -> list[TagModel]:
        """Tag a chat; returns its tags.

        ``POST /api/v1/chats/{id}/tags``
        """
        return self._call(calls.add_tag(id, form_data))

    def delete_tag(self, id: str, form_data: TagForm | Form) -> list[TagModel]:
        """Remove a tag from a chat; returns its tags.

        ``DELETE /api/v1/chats/{id}/tags``
        """
        return self._call(calls.delete_tag(id, form_data))

    def delete_all_tags(self, id: str) -> bool:
        """Remove every tag of a chat, one ``DELETE /api/v1/chats/{id}/tags`` each.

        Open WebUI 0.12.4 no longer has ``DELETE /api/v1/chats/{id}/tags/all``.
        """
        plain = self.with_options()
        plain._raw = False
        for tag in plain.get_tags(id):
            plain.delete_tag(id, {"name": tag.name})
        return True

    # -- tasks -----------------------------------------------------------------------------------

    def list_tasks(self, chat_id: str) -> ChatTaskList:
        """Ids of a chat's running tasks.

        ``GET /api/tasks/chat/{chat_id}``
        """
        return self._call(calls.list_tasks(chat_id))

    def stop_tasks(self, chat_id: str) -> StopTasksResponse:
        """Stop a chat's running tasks.

        ``POST /api/tasks/chat/{chat_id}/stop``
        """
        return self._call(calls.stop_tasks(chat_id))

    # -- completions -----------------------------------------------------------------------------

    def chat_completion(
        self, form_data: ChatCompletionForm | Form
    ) -> ChatCompletionResponse | ChatCompletionTaskResponse | Stream[ChatCompletionChunk]:
        """Run a completion. ``POST /api/chat/completions``

        Without a ``chat_id`` the request gets ``local:api-<uuid4>`` (a temporary chat). With
        ``stream: True`` the result is a `Stream` of chunks; with ``session_id`` and a chat id the
        server answers at once with a `ChatCompletionTaskResponse`.
        """
        return self._complete(calls.chat_completion(form_data))

    def chat_completion_api(
        self, form_data: ChatCompletionForm | Form
    ) -> ChatCompletionResponse | ChatCompletionTaskResponse | Stream[ChatCompletionChunk]:
        """`chat_completion` through the OpenAI-compatible path.

        ``POST /api/v1/chat/completions``
        """
        return self._complete(calls.chat_completion_api(form_data))

    def chat_completed(self, form_data: ChatCompletedForm | Form) -> ChatCompletedResponse:
        """Run the outlet filters over a finished exchange.

        ``POST /api/chat/completed``
        """
        return self._call(calls.chat_completed(form_data))

    def chat_completed_api(self, form_data: ChatCompletedForm | Form) -> ChatCompletedResponse:
        """Same as `chat_completed` (kept for callers of the older client).

        ``POST /api/chat/completed``
        """
        return self.chat_completed(form_data)

    def chat_action(self, action_id: str, form_data: ChatActionForm | Form) -> Any:
        """Run an action function; returns what the action returns.

        ``POST /api/chat/actions/{action_id}``
        """
        return self._call(calls.chat_action(action_id, form_data))


class AsyncChatsClient(BaseClient[httpx.AsyncClient], AsyncConversationsMixin):
    """Asynchronous client for the chats API of an Open WebUI server; mirrors `ChatsClient`.

    Args:
        base_url: the server root, such as ``http://localhost:8080`` (a trailing ``/api`` is
            accepted); defaults to ``$OPENWEBUI_BASE_URL``.
        api_key: an ``sk-...`` API key or a JWT; defaults to ``$OPENWEBUI_API_KEY``.
        timeout: seconds, or an ``httpx.Timeout``; for streams, the read timeout is the longest
            gap allowed between two chunks.
        max_retries: retries of requests that are safe to repeat.
        http_client: your own ``httpx.AsyncClient`` (proxies, TLS, transports); it is not closed by
            `close()`. Timeouts, retries and error mapping apply to it just the same.
        default_headers: headers sent with every request.
    """

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url,
            api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                f"http_client must be an httpx.AsyncClient, got {type(http_client).__name__}"
            )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            limits=DEFAULT_CONNECTION_LIMITS,
            follow_redirects=True,
            timeout=self.timeout,
            verify=default_ssl_context(),
        )

    # -- lifecycle -----------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncChatsClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    @property
    def with_raw_response(self) -> AsyncChatsClientWithRawResponse:
        """The same methods, returning `APIResponse` (status, headers, parsed value)."""
        clone = self.with_options()
        clone._raw = True
        return AsyncChatsClientWithRawResponse(clone)

    # -- transport -----------------------------------------------------------------------------

    async def _send(
        self, request: httpx.Request, *, stream: bool, idempotent: bool | None
    ) -> httpx.Response:
        retries = self.max_retries if self._retry_allowed(request, idempotent) else 0
        attempt = 0
        while True:
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(attempt, None) if attempt < retries else None
                if delay is None:
                    raise self._connection_error(exc, request, attempt + 1) from exc
                self._log_retry(request, attempt, delay, type(exc).__name__)
                await _async_sleep(delay)
                attempt += 1
                continue
            self._log_response(response, attempt)
            if response.is_success:
                return response
            delay = None
            if attempt < retries and self._should_retry_status(response):
                delay = self._retry_delay(attempt, response)
            if delay is None:
                try:
                    await response.aread()
                except httpx.TransportError as exc:
                    raise self._connection_error(exc, request, attempt + 1) from exc
                finally:
                    await response.aclose()
                raise self._status_error(response, attempt + 1)
            await response.aclose()
            self._log_retry(request, attempt, delay, f"HTTP {response.status_code}")
            await _async_sleep(delay)
            attempt += 1

    async def _call(self, call: Call[T]) -> T:
        response = await self._send(
            self._build_request(call.spec), stream=False, idempotent=call.idempotent
        )
        return self._result(response, call.parse)

    async def _stream_lines(self, call: Call[T]) -> AsyncJSONLinesStream[T]:
        response = await self._send(self._build_request(call.spec), stream=True, idempotent=True)
        return AsyncJSONLinesStream(response, call.parse)

    async def _complete(
        self, call: Call[Completion]
    ) -> Completion | AsyncStream[ChatCompletionChunk]:
        response = await self._send(self._build_request(call.spec), stream=True, idempotent=False)
        if _is_event_stream(response):
            return AsyncStream(response, calls.chunk)
        try:
            await response.aread()
        except httpx.TransportError as exc:
            raise self._connection_error(exc, response.request, 1) from exc
        finally:
            await response.aclose()
        return self._result(response, call.parse)

    # -- chats -----------------------------------------------------------------------------------

    async def get_list(
        self,
        page: int | None = None,
        include_pinned: bool = False,
        include_folders: bool = False,
        *,
        sort_by: str | None = None,
        sort_dir: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """List the caller's chats (titles and ids).

        ``GET /api/v1/chats/list``
        """
        return await self._call(
            calls.get_list(
                page, include_pinned, include_folders, sort_by=sort_by, sort_dir=sort_dir
            )
        )

    async def list_chats(
        self,
        page: int | None = None,
        include_pinned: bool = False,
        include_folders: bool = False,
        *,
        sort_by: str | None = None,
        sort_dir: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """Same as `get_list`, through the root route.

        ``GET /api/v1/chats/``
        """
        return await self._call(
            calls.list_chats(
                page, include_pinned, include_folders, sort_by=sort_by, sort_dir=sort_dir
            )
        )

    async def get_chat_usage_stats(
        self, items_per_page: int = 50, page: int = 1
    ) -> ChatUsageStatsListResponse:
        """Usage statistics of the caller's chats, a page at a time.

        ``GET /api/v1/chats/stats/usage``
        """
        return await self._call(calls.get_chat_usage_stats(items_per_page, page))

    async def export_chat_stats(
        self, updated_at: int | None = None, page: int = 1
    ) -> ChatStatsExportList:
        """A page of per-chat statistics.

        ``GET /api/v1/chats/stats/export``
        """
        return await self._call(calls.export_chat_stats(updated_at, page))

    async def iter_chat_stats_export(
        self, updated_at: int | None = None
    ) -> AsyncJSONLinesStream[ChatStatsExport]:
        """Every chat's statistics, streamed one at a time.

        ``GET /api/v1/chats/stats/export?stream=true``
        """
        return await self._stream_lines(calls.iter_chat_stats_export(updated_at))

    async def export_single_chat_stats(self, chat_id: str) -> ChatStatsExport | None:
        """Statistics of one chat.

        ``GET /api/v1/chats/stats/export/{chat_id}``
        """
        return await self._call(calls.export_single_chat_stats(chat_id))

    async def delete_all(self) -> bool:
        """Delete all of the caller's chats.

        ``DELETE /api/v1/chats/``
        """
        return await self._call(calls.delete_all())

    async def mark_all_read(self) -> ChatsReadResponse:
        """Mark all of the caller's chats as read.

        ``POST /api/v1/chats/read``
        """
        return await self._call(calls.mark_all_read())

    async def get_user_list(
        self,
        user_id: str,
        page: int | None = None,
        query: str | None = None,
        order_by: str | None = None,
        direction: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """Another user's chats (admin).

        ``GET /api/v1/chats/list/user/{user_id}``
        """
        return await self._call(calls.get_user_list(user_id, page, query, order_by, direction))

    async def create_new(self, form_data: ChatForm | Form) -> ChatResponse | None:
        """Create a chat.

        ``POST /api/v1/chats/new``
        """
        return await self._call(calls.create_new(form_data))

    async def import_chats(self, form_data: ChatsImportForm | Form) -> list[ChatResponse]:
        """Import chats, keeping their timestamps, pinned and archived state.

        ``POST /api/v1/chats/import``
        """
        return await self._call(calls.import_chats(form_data))

    async def get_config(self) -> ChatConfigForm:
        """The chats configuration (admin).

        ``GET /api/v1/chats/config``
        """
        return await self._call(calls.get_config())

    async def set_config(self, form_data: ChatConfigForm | Form) -> ChatConfigForm:
        """Set the chats configuration (admin).

        ``POST /api/v1/chats/config``
        """
        return await self._call(calls.set_config(form_data))

    async def search(self, text: str, page: int | None = None) -> list[ChatTitleIdResponse]:
        """Search the caller's chats by title and content.

        ``GET /api/v1/chats/search``
        """
        return await self._call(calls.search(text, page))

    async def get_by_folder_id(self, folder_id: str) -> list[ChatResponse]:
        """The chats in a folder, in full.

        ``GET /api/v1/chats/folder/{folder_id}``
        """
        return await self._call(calls.get_by_folder_id(folder_id))

    async def get_list_by_folder_id(
        self,
        folder_id: str,
        page: int = 1,
        *,
        sort_by: str | None = None,
        sort_dir: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """The chats in a folder (titles and ids).

        ``GET /api/v1/chats/folder/{folder_id}/list``
        """
        return await self._call(
            calls.get_list_by_folder_id(folder_id, page, sort_by=sort_by, sort_dir=sort_dir)
        )

    async def get_pinned(self) -> list[ChatTitleIdResponse]:
        """The caller's pinned chats.

        ``GET /api/v1/chats/pinned``
        """
        return await self._call(calls.get_pinned())

    async def iter_all(self) -> AsyncJSONLinesStream[ChatResponse]:
        """Every chat of the caller, streamed one at a time.

        ``GET /api/v1/chats/all``
        """
        return await self._stream_lines(calls.iter_all())

    async def get_all(self) -> list[ChatResponse]:
        """Every chat of the caller (read from the NDJSON stream).

        ``GET /api/v1/chats/all``
        """
        async with await self.iter_all() as chats:
            items = [chat async for chat in chats]
        return self._wrap(chats.response, items)

    async def get_all_archived(self) -> list[ChatResponse]:
        """Every archived chat of the caller.

        ``GET /api/v1/chats/all/archived``
        """
        return await self._call(calls.get_all_archived())

    async def get_all_tags(self) -> list[TagModel]:
        """Every tag of the caller.

        ``GET /api/v1/chats/all/tags``
        """
        return await self._call(calls.get_all_tags())

    async def get_all_db(self) -> list[ChatResponse]:
        """Every chat in the database (admin).

        ``GET /api/v1/chats/all/db``
        """
        return await self._call(calls.get_all_db())

    async def get_archived_list(
        self,
        page: int | None = None,
        query: str | None = None,
        order_by: str | None = None,
        direction: str | None = None,
    ) -> list[ChatTitleIdResponse]:
        """The caller's archived chats (titles and ids).

        ``GET /api/v1/chats/archived``
        """
        return await self._call(calls.get_archived_list(page, query, order_by, direction))

    async def archive_all(self) -> bool:
        """Archive all of the caller's chats.

        ``POST /api/v1/chats/archive/all``
        """
        return await self._call(calls.archive_all())

    async def unarchive_all(self) -> bool:
        """Unarchive all of the caller's chats.

        ``POST /api/v1/chats/unarchive/all``
        """
        return await self._call(calls.unarchive_all())

    async def get_archived_count(self) -> int:
        """How many chats the caller has archived.

        ``GET /api/v1/chats/archived/count``
        """
        return await self._call(calls.get_archived_count())

    async def get_shared_list(
        self,
        page: int | None = None,
        query: str | None = None,
        order_by: str | None = None,
        direction: str | None = None,
    ) -> list[SharedChatResponse]:
        """The caller's shared chats.

        ``GET /api/v1/chats/shared``
        """
        return await self._call(calls.get_shared_list(page, query, order_by, direction))

    async def get_shared(self, share_id: str) -> ChatResponse | None:
        """A shared chat, by its share id.

        ``GET /api/v1/chats/share/{share_id}``
        """
        return await self._call(calls.get_shared(share_id))

    async def get_by_tags(self, form_data: TagFilterForm | Form) -> list[ChatTitleIdResponse]:
        """The caller's chats that carry a tag.

        ``POST /api/v1/chats/tags``
        """
        return await self._call(calls.get_by_tags(form_data))

    # -- one chat --------------------------------------------------------------------------------

    async def get(self, id: str) -> ChatResponse | None:
        """A chat by id.

        ``GET /api/v1/chats/{id}``
        """
        return await self._call(calls.get(id))

    async def update(self, id: str, form_data: ChatForm | Form) -> ChatResponse | None:
        """Update a chat; ``chat`` is merged into the stored payload.

        ``POST /api/v1/chats/{id}``
        """
        return await self._call(calls.update(id, form_data))

    async def update_params(self, id: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """Update a chat's model parameters.

        ``PATCH /api/v1/chats/{id}/params``
        """
        return await self._call(calls.update_params(id, params))

    async def update_message(
        self, id: str, message_id: str, form_data: MessageForm | Form
    ) -> ChatResponse | None:
        """Replace the content of a message.

        ``POST /api/v1/chats/{id}/messages/{message_id}``
        """
        return await self._call(calls.update_message(id, message_id, form_data))

    async def delete_message(self, id: str, message_id: str) -> ChatResponse | None:
        """Delete a message and its replies.

        ``DELETE /api/v1/chats/{id}/messages/{message_id}``
        """
        return await self._call(calls.delete_message(id, message_id))

    async def send_message_event(
        self, id: str, message_id: str, form_data: EventForm | Form
    ) -> bool | None:
        """Send an event (a status, a replacement...) to a message.

        ``POST /api/v1/chats/{id}/messages/{message_id}/event``
        """
        return await self._call(calls.send_message_event(id, message_id, form_data))

    async def resolve_tool_call(
        self, id: str, message_id: str, form_data: ResolveToolCallForm | Form
    ) -> ResolveToolCallResponse:
        """Approve, reject or answer a pending tool call.

        ``POST /api/v1/chats/{id}/messages/{message_id}/resolve``
        """
        return await self._call(calls.resolve_tool_call(id, message_id, form_data))

    async def delete(self, id: str) -> bool:
        """Delete a chat.

        ``DELETE /api/v1/chats/{id}``
        """
        return await self._call(calls.delete(id))

    async def get_pinned_status(self, id: str) -> bool | None:
        """Whether a chat is pinned.

        ``GET /api/v1/chats/{id}/pinned``
        """
        return await self._call(calls.get_pinned_status(id))

    async def pin(self, id: str) -> ChatResponse | None:
        """Toggle whether a chat is pinned.

        ``POST /api/v1/chats/{id}/pin``
        """
        return await self._call(calls.pin(id))

    async def fork(self, id: str, form_data: ForkForm | Form | None = None) -> ChatResponse | None:
        """Fork a chat, optionally at a message.

        ``POST /api/v1/chats/{id}/fork``
        """
        return await self._call(calls.fork(id, form_data))

    async def clone(self, id: str, form_data: CloneForm | Form) -> ChatResponse | None:
        """Copy a chat, optionally with a new title.

        ``POST /api/v1/chats/{id}/clone``
        """
        return await self._call(calls.clone(id, form_data))

    async def clone_shared(self, id: str) -> ChatResponse | None:
        """Copy a chat shared with the caller, by its share id.

        ``POST /api/v1/chats/{id}/clone/shared``
        """
        return await self._call(calls.clone_shared(id))

    async def compact(
        self, id: str, form_data: CompactChatForm | Form | None = None
    ) -> CompactChatResponse:
        """Summarise a chat's older messages to save context.

        ``POST /api/v1/chats/{id}/compact``
        """
        return await self._call(calls.compact(id, form_data))

    async def archive(self, id: str) -> ChatResponse | None:
        """Toggle whether a chat is archived.

        ``POST /api/v1/chats/{id}/archive``
        """
        return await self._call(calls.archive(id))

    async def share(
        self, id: str, form_data: ShareChatForm | Form | None = None
    ) -> ChatResponse | None:
        """Share a chat; the result carries its ``share_id``.

        ``POST /api/v1/chats/{id}/share``
        """
        return await self._call(calls.share(id, form_data))

    async def delete_shared(self, id: str) -> bool | None:
        """Stop sharing a chat.

        ``DELETE /api/v1/chats/{id}/share``
        """
        return await self._call(calls.delete_shared(id))

    async def unshare_all(self) -> bool:
        """Stop sharing all of the caller's chats.

        ``DELETE /api/v1/chats/share/all``
        """
        return await self._call(calls.unshare_all())

    async def update_shared_chat_access(
        self, id: str, form_data: ChatAccessGrantsForm | Form
    ) -> ChatResponse | None:
        """Set who may open a shared chat.

        ``POST /api/v1/chats/shared/{id}/access/update``
        """
        return await self._call(calls.update_shared_chat_access(id, form_data))

    async def get_shared_chat_access(self, id: str) -> list[AccessGrant]:
        """Who may open a shared chat.

        ``GET /api/v1/chats/shared/{id}/access``
        """
        return await self._call(calls.get_shared_chat_access(id))

    async def mark_unread(self, id: str) -> ChatUnreadResponse:
        """Mark a chat as unread.

        ``POST /api/v1/chats/{id}/unread``
        """
        return await self._call(calls.mark_unread(id))

    async def update_folder(
        self, id: str, form_data: ChatFolderIdForm | Form
    ) -> ChatResponse | None:
        """Move a chat into a folder (``folder_id``), or out of folders (``None``).

        ``POST /api/v1/chats/{id}/folder``
        """
        return await self._call(calls.update_folder(id, form_data))

    async def get_tags(self, id: str) -> list[TagModel]:
        """The tags of a chat.

        ``GET /api/v1/chats/{id}/tags``
        """
        return await self._call(calls.get_tags(id))

    async def add_tag(self, id: str, form_data: TagForm | Form) -> list[TagModel]:
        """Tag a chat; returns its tags.

        ``POST /api/v1/chats/{id}/tags``
        """
        return await self._call(calls.add_tag(id, form_data))

    async def delete_tag(self, id: str, form_data: TagForm | Form) -> list[TagModel]:
        """Remove a tag from a chat; returns its tags.

        ``DELETE /api/v1/chats/{id}/tags``
        """
        return await self._call(calls.delete_tag(id, form_data))

    async def delete_all_tags(self, id: str) -> bool:
        """Remove every tag of a chat, one ``DELETE /api/v1/chats/{id}/tags`` each.

        Open WebUI 0.12.4 no longer has ``DELETE /api/v1/chats/{id}/tags/all``.
        """
        plain = self.with_options()
        plain._raw = False
        for tag in await plain.get_tags(id):
            await plain.delete_tag(id, {"name": tag.name})
        return True

    # -- tasks -----------------------------------------------------------------------------------

    async def list_tasks(self, chat_id: str) -> ChatTaskList:
        """Ids of a chat's running tasks.

        ``GET /api/tasks/chat/{chat_id}``
        """
        return await self._call(calls.list_tasks(chat_id))

    async def stop_tasks(self, chat_id: str) -> StopTasksResponse:
        """Stop a chat's running tasks.

        ``POST /api/tasks/chat/{chat_id}/stop``
        """
        return await self._call(calls.stop_tasks(chat_id))

    # -- completions -----------------------------------------------------------------------------

    async def chat_completion(
        self, form_data: ChatCompletionForm | Form
    ) -> ChatCompletionResponse | ChatCompletionTaskResponse | AsyncStream[ChatCompletionChunk]:
        """Run a completion. ``POST /api/chat/completions``

        Without a ``chat_id`` the request gets ``local:api-<uuid4>`` (a temporary chat). With
        ``stream: True`` the result is an `AsyncStream` of chunks; with ``session_id`` and a
        chat id the server answers at once with a `ChatCompletionTaskResponse`.
        """
        return await self._complete(calls.chat_completion(form_data))

    async def chat_completion_api(
        self, form_data: ChatCompletionForm | Form
    ) -> ChatCompletionResponse | ChatCompletionTaskResponse | AsyncStream[ChatCompletionChunk]:
        """`chat_completion` through the OpenAI-compatible path.

        ``POST /api/v1/chat/completions``
        """
        return await self._complete(calls.chat_completion_api(form_data))

    async def chat_completed(self, form_data: ChatCompletedForm | Form) -> ChatCompletedResponse:
        """Run the outlet filters over a finished exchange.

        ``POST /api/chat/completed``
        """
        return await self._call(calls.chat_completed(form_data))

    async def chat_completed_api(
        self, form_data: ChatCompletedForm | Form
    ) -> ChatCompletedResponse:
        """Same as `chat_completed` (kept for callers of the older client).

        ``POST /api/chat/completed``
        """
        return await self.chat_completed(form_data)

    async def chat_action(self, action_id: str, form_data: ChatActionForm | Form) -> Any:
        """Run an action function; returns what the action returns.

        ``POST /api/chat/actions/{action_id}``
        """
        return await self._call(calls.chat_action(action_id, form_data))


class ChatsClientWithRawResponse:
    """`ChatsClient.with_raw_response`: the same methods, each returning an `APIResponse`
    (status code, headers and the parsed value).

    Calls that may stream (completions, ``iter_*``) and ``delete_all_tags`` are reached through
    ``__getattr__``: a JSON answer comes back as an `APIResponse`, a stream as a stream.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def __init__(self, client: ChatsClient) -> None:
        self._client = client
        self.get_list = _raw(client.get_list)
        self.list_chats = _raw(client.list_chats)
        self.get_chat_usage_stats = _raw(client.get_chat_usage_stats)
        self.export_chat_stats = _raw(client.export_chat_stats)
        self.export_single_chat_stats = _raw(client.export_single_chat_stats)
        self.delete_all = _raw(client.delete_all)
        self.mark_all_read = _raw(client.mark_all_read)
        self.get_user_list = _raw(client.get_user_list)
        self.create_new = _raw(client.create_new)
        self.import_chats = _raw(client.import_chats)
        self.get_config = _raw(client.get_config)
        self.set_config = _raw(client.set_config)
        self.search = _raw(client.search)
        self.get_by_folder_id = _raw(client.get_by_folder_id)
        self.get_list_by_folder_id = _raw(client.get_list_by_folder_id)
        self.get_pinned = _raw(client.get_pinned)
        self.get_all = _raw(client.get_all)
        self.get_all_archived = _raw(client.get_all_archived)
        self.get_all_tags = _raw(client.get_all_tags)
        self.get_all_db = _raw(client.get_all_db)
        self.get_archived_list = _raw(client.get_archived_list)
        self.archive_all = _raw(client.archive_all)
        self.unarchive_all = _raw(client.unarchive_all)
        self.get_archived_count = _raw(client.get_archived_count)
        self.get_shared_list = _raw(client.get_shared_list)
        self.get_shared = _raw(client.get_shared)
        self.get_by_tags = _raw(client.get_by_tags)
        self.get = _raw(client.get)
        self.update = _raw(client.update)
        self.update_params = _raw(client.update_params)
        self.update_message = _raw(client.update_message)
        self.delete_message = _raw(client.delete_message)
        self.send_message_event = _raw(client.send_message_event)
        self.resolve_tool_call = _raw(client.resolve_tool_call)
        self.delete = _raw(client.delete)
        self.get_pinned_status = _raw(client.get_pinned_status)
        self.pin = _raw(client.pin)
        self.fork = _raw(client.fork)
        self.clone = _raw(client.clone)
        self.clone_shared = _raw(client.clone_shared)
        self.compact = _raw(client.compact)
        self.archive = _raw(client.archive)
        self.share = _raw(client.share)
        self.delete_shared = _raw(client.delete_shared)
        self.unshare_all = _raw(client.unshare_all)
        self.update_shared_chat_access = _raw(client.update_shared_chat_access)
        self.get_shared_chat_access = _raw(client.get_shared_chat_access)
        self.mark_unread = _raw(client.mark_unread)
        self.update_folder = _raw(client.update_folder)
        self.get_tags = _raw(client.get_tags)
        self.add_tag = _raw(client.add_tag)
        self.delete_tag = _raw(client.delete_tag)
        self.list_tasks = _raw(client.list_tasks)
        self.stop_tasks = _raw(client.stop_tasks)
        self.chat_completed = _raw(client.chat_completed)
        self.chat_completed_api = _raw(client.chat_completed_api)
        self.chat_action = _raw(client.chat_action)


class AsyncChatsClientWithRawResponse:
    """`AsyncChatsClient.with_raw_response`: the same methods, each returning an `APIResponse`
    (status code, headers and the parsed value).

    Calls that may stream (completions, ``iter_*``) and ``delete_all_tags`` are reached through
    ``__getattr__``: a JSON answer comes back as an `APIResponse`, a stream as a stream.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def __init__(self, client: AsyncChatsClient) -> None:
        self._client = client
        self.get_list = _araw(client.get_list)
        self.list_chats = _araw(client.list_chats)
        self.get_chat_usage_stats = _araw(client.get_chat_usage_stats)
        self.export_chat_stats = _araw(client.export_chat_stats)
        self.export_single_chat_stats = _araw(client.export_single_chat_stats)
        self.delete_all = _araw(client.delete_all)
        self.mark_all_read = _araw(client.mark_all_read)
        self.get_user_list = _araw(client.get_user_list)
        self.create_new = _araw(client.create_new)
        self.import_chats = _araw(client.import_chats)
        self.get_config = _araw(client.get_config)
        self.set_config = _araw(client.set_config)
        self.search = _araw(client.search)
        self.get_by_folder_id = _araw(client.get_by_folder_id)
        self.get_list_by_folder_id = _araw(client.get_list_by_folder_id)
        self.get_pinned = _araw(client.get_pinned)
        self.get_all = _araw(client.get_all)
        self.get_all_archived = _araw(client.get_all_archived)
        self.get_all_tags = _araw(client.get_all_tags)
        self.get_all_db = _araw(client.get_all_db)
        self.get_archived_list = _araw(client.get_archived_list)
        self.archive_all = _araw(client.archive_all)
        self.unarchive_all = _araw(client.unarchive_all)
        self.get_archived_count = _araw(client.get_archived_count)
        self.get_shared_list = _araw(client.get_shared_list)
        self.get_shared = _araw(client.get_shared)
        self.get_by_tags = _araw(client.get_by_tags)
        self.get = _araw(client.get)
        self.update = _araw(client.update)
        self.update_params = _araw(client.update_params)
        self.update_message = _araw(client.update_message)
        self.delete_message = _araw(client.delete_message)
        self.send_message_event = _araw(client.send_message_event)
        self.resolve_tool_call = _araw(client.resolve_tool_call)
        self.delete = _araw(client.delete)
        self.get_pinned_status = _araw(client.get_pinned_status)
        self.pin = _araw(client.pin)
        self.fork = _araw(client.fork)
        self.clone = _araw(client.clone)
        self.clone_shared = _araw(client.clone_shared)
        self.compact = _araw(client.compact)
        self.archive = _araw(client.archive)
        self.share = _araw(client.share)
        self.delete_shared = _araw(client.delete_shared)
        self.unshare_all = _araw(client.unshare_all)
        self.update_shared_chat_access = _araw(client.update_shared_chat_access)
        self.get_shared_chat_access = _araw(client.get_shared_chat_access)
        self.mark_unread = _araw(client.mark_unread)
        self.update_folder = _araw(client.update_folder)
        self.get_tags = _araw(client.get_tags)
        self.add_tag = _araw(client.add_tag)
        self.delete_tag = _araw(client.delete_tag)
        self.list_tasks = _araw(client.list_tasks)
        self.stop_tasks = _araw(client.stop_tasks)
        self.chat_completed = _araw(client.chat_completed)
        self.chat_completed_api = _araw(client.chat_completed_api)
        self.chat_action = _araw(client.chat_action)
