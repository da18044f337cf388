"""`ChatsClient`: the generated methods plus a connection pool.

Every operation of openapi.json is a generated method (``_generated/client.py``). What is written
here is the client's life cycle and the few behaviours the spec cannot state (see `_specials`).
"""
# Written by scripts/unasync.py from _async_client.py; edit that file instead.

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._base import raw_method
from ._generated.client import ChatsMethods, ChatsMethodsWithRawResponse
from .lib._conversations import ConversationsMixin

if TYPE_CHECKING:
    from ._generated.models import ChatCompletedForm, ChatCompletedResponse, ChatResponse


class ChatsClient(ChatsMethods, ConversationsMixin):
    """Synchronous client for the chats API of an Open WebUI server.

    Args:
        base_url: the server root, such as ``http://localhost:8080`` (a trailing ``/api`` is
            accepted); defaults to ``$OPENWEBUI_BASE_URL``.
        api_key: an ``sk-...`` API key or a JWT; defaults to ``$OPENWEBUI_API_KEY``. A callable
            that returns the current one is called for each request (a service that refreshes
            a JWT before it expires).
        timeout: seconds, or an ``httpx.Timeout``; for streams, the read timeout is the longest
            gap allowed between two chunks.
        max_retries: retries of requests that are safe to repeat.
        http_client: your own httpx client (proxies, TLS, transports); closing this client does
            not close it. Timeouts, retries and error mapping apply to it just the same.
        default_headers: headers sent with every request.
        server_version: the server's Open WebUI release (``"0.10.2"``), for a proxy that hides
            ``GET /api/version``; by default the client asks the server, once, when a call
            depends on it.
        check_server_version: False sends every call as it is, without refusing what the
            server's release lacks (`UnsupportedByServerError`).
        verify: TLS verification of the client's own pool: a CA file (a server whose
            certificate comes from a private CA), an ``ssl.SSLContext``, or False; by default
            the usual CAs (``$SSL_CERT_FILE`` when set).
    """

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

    # -- special behaviours (see _specials) ----------------------------------------------------

    def get_all(self) -> list[ChatResponse]:
        """Every chat of the caller, read from the NDJSON stream of `iter_all` into a list.

        ``GET /api/v1/chats/all``
        """
        with self.iter_all() as chats:
            items = [chat for chat in chats]
        return self._wrap(chats.response, items)

    def delete_all_tags(self, id: str) -> bool:
        """Remove every tag of a chat, one ``DELETE /api/v1/chats/{id}/tags`` each.

        Open WebUI 0.12.4 no longer has ``DELETE /api/v1/chats/{id}/tags/all``.
        """
        plain = self.with_options()
        plain._raw = False
        for tag in plain.get_tags(id):
            plain.delete_tag(id, {"name": tag.name})
        return True

    def chat_completed_api(
        self, form_data: ChatCompletedForm | Mapping[str, Any]
    ) -> ChatCompletedResponse:
        """Same as `chat_completed` (owui-client's name for it).

        ``POST /api/chat/completed``
        """
        return self.chat_completed(form_data)


class ChatsClientWithRawResponse(ChatsMethodsWithRawResponse):
    """`ChatsClient.with_raw_response`: each method with a JSON answer returns an
    `APIResponse` (status code, headers and the parsed value); streams, iterators and the
    conversations are the client's own. Other attributes are reached through ``__getattr__``."""

    def __init__(self, client: ChatsClient) -> None:
        super().__init__(client)
        self._client = client
        self.get_all = raw_method(client.get_all)
        self.chat_completed_api = raw_method(client.chat_completed_api)
        # These read plain answers for themselves: the same on a raw client.
        self.delete_all_tags = client.delete_all_tags
        self.start_chat = client.start_chat
        self.send_message = client.send_message
        self.wait_for_tasks = client.wait_for_tasks
        self.stream_chat = client.stream_chat
        self.stream_message = client.stream_message
        self.server_version = client.server_version
        self.server_supports = client.server_supports

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)
