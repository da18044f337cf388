"""Every operation as a `Call`: the request to send and how to read its answer.

This is the one place that builds requests (from the generated ``_get_kwargs()`` of each
operation) and checks caller input; `ChatsClient` and `AsyncChatsClient` only send the calls,
each in its own way. Nothing here does I/O.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import attrs

from . import _operations as ops
from . import _parsing as p
from ._constants import LOCAL_CHAT_ID_PREFIX
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

T = TypeVar("T")
Form = Mapping[str, Any]
Completion = ChatCompletionResponse | ChatCompletionTaskResponse


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request, ready to send.

    Attributes:
        spec: the generated ``_get_kwargs()``: method, url, params, json, headers.
        parse: turns the decoded answer into the result (or raises APIResponseValidationError).
        idempotent: whether a retry is safe; ``None`` means "decide by the HTTP method".
    """

    spec: dict[str, Any]
    parse: p.Parser[T]
    idempotent: bool | None = None


# Parsers of the results, named after what they return.
_chat = p.model(ChatResponse)
_chat_or_none = p.optional(_chat)
_chats = p.list_of(_chat)
_titles = p.list_of(p.model(ChatTitleIdResponse))
_tags = p.list_of(p.model(TagModel))
_completion = p.one_of(p.model(ChatCompletionResponse), p.model(ChatCompletionTaskResponse))
chunk = p.model(ChatCompletionChunk)


def with_local_chat_id(form: ChatCompletionForm) -> ChatCompletionForm:
    """A copy of ``form`` with the synthetic ``local:api-<uuid4>`` chat id when it has none."""
    if isinstance(form.chat_id, str) and form.chat_id:
        return form
    copy = attrs.evolve(form, chat_id=f"{LOCAL_CHAT_ID_PREFIX}{uuid.uuid4()}")
    copy.additional_properties = dict(form.additional_properties)
    return copy


def _titles_call(
    get_kwargs: Callable[..., dict[str, Any]],
    page: int | None,
    include_pinned: bool,
    include_folders: bool,
    sort_by: str | None,
    sort_dir: str | None,
) -> Call[list[ChatTitleIdResponse]]:
    spec = get_kwargs(
        page=page,
        include_pinned=include_pinned,
        include_folders=include_folders,
        sort_by=p.or_unset(sort_by),
        sort_dir=p.or_unset(sort_dir),
    )
    return Call(spec, _titles)


def get_list(
    page: int | None = None,
    include_pinned: bool = False,
    include_folders: bool = False,
    *,
    sort_by: str | None = None,
    sort_dir: str | None = None,
) -> Call[list[ChatTitleIdResponse]]:
    return _titles_call(
        ops.get_list._get_kwargs, page, include_pinned, include_folders, sort_by, sort_dir
    )


def list_chats(
    page: int | None = None,
    include_pinned: bool = False,
    include_folders: bool = False,
    *,
    sort_by: str | None = None,
    sort_dir: str | None = None,
) -> Call[list[ChatTitleIdResponse]]:
    return _titles_call(
        ops.list_chats._get_kwargs, page, include_pinned, include_folders, sort_by, sort_dir
    )


def get_chat_usage_stats(
    items_per_page: int = 50, page: int = 1
) -> Call[ChatUsageStatsListResponse]:
    spec = ops.get_chat_usage_stats._get_kwargs(items_per_page=items_per_page, page=page)
    return Call(spec, p.model(ChatUsageStatsListResponse))


def export_chat_stats(updated_at: int | None = None, page: int = 1) -> Call[ChatStatsExportList]:
    spec = ops.export_chat_stats._get_kwargs(updated_at=updated_at, page=page)
    return Call(spec, p.model(ChatStatsExportList))


def iter_chat_stats_export(updated_at: int | None = None) -> Call[ChatStatsExport]:
    spec = ops.export_chat_stats._get_kwargs(updated_at=updated_at, stream=True)
    return Call(spec, p.model(ChatStatsExport), idempotent=True)


def export_single_chat_stats(chat_id: str) -> Call[ChatStatsExport | None]:
    spec = ops.export_single_chat_stats._get_kwargs(p.path_param(chat_id, "chat_id"))
    return Call(spec, p.optional(p.model(ChatStatsExport)))


def delete_all() -> Call[bool]:
    return Call(ops.delete_all._get_kwargs(), p.boolean)


def mark_all_read() -> Call[ChatsReadResponse]:
    return Call(ops.mark_all_read._get_kwargs(), p.model(ChatsReadResponse))


def get_user_list(
    user_id: str,
    page: int | None = None,
    query: str | None = None,
    order_by: str | None = None,
    direction: str | None = None,
) -> Call[list[ChatTitleIdResponse]]:
    spec = ops.get_user_list._get_kwargs(
        p.path_param(user_id, "user_id"),
        page=page,
        query=query,
        order_by=order_by,
        direction=direction,
    )
    return Call(spec, _titles)


def create_new(form_data: ChatForm | Form) -> Call[ChatResponse | None]:
    spec = ops.create_new._get_kwargs(body=p.coerce_form(form_data, ChatForm))
    return Call(spec, _chat_or_none)


def import_chats(form_data: ChatsImportForm | Form) -> Call[list[ChatResponse]]:
    spec = ops.import_chats._get_kwargs(body=p.coerce_form(form_data, ChatsImportForm))
    return Call(spec, _chats)


def get_config() -> Call[ChatConfigForm]:
    return Call(ops.get_config._get_kwargs(), p.model(ChatConfigForm))


def set_config(form_data: ChatConfigForm | Form) -> Call[ChatConfigForm]:
    spec = ops.set_config._get_kwargs(body=p.coerce_form(form_data, ChatConfigForm))
    return Call(spec, p.model(ChatConfigForm))


def search(text: str, page: int | None = None) -> Call[list[ChatTitleIdResponse]]:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return Call(ops.search._get_kwargs(text=text, page=page), _titles)


def get_by_folder_id(folder_id: str) -> Call[list[ChatResponse]]:
    spec = ops.get_by_folder_id._get_kwargs(p.path_param(folder_id, "folder_id"))
    return Call(spec, _chats)


def get_list_by_folder_id(
    folder_id: str,
    page: int = 1,
    *,
    sort_by: str | None = None,
    sort_dir: str | None = None,
) -> Call[list[ChatTitleIdResponse]]:
    spec = ops.get_list_by_folder_id._get_kwargs(
        p.path_param(folder_id, "folder_id"),
        page=page,
        sort_by=p.or_unset(sort_by),
        sort_dir=p.or_unset(sort_dir),
    )
    return Call(spec, _titles)


def get_pinned() -> Call[list[ChatTitleIdResponse]]:
    return Call(ops.get_pinned._get_kwargs(), _titles)


def iter_all() -> Call[ChatResponse]:
    return Call(ops.get_all._get_kwargs(), _chat, idempotent=True)


def get_all_archived() -> Call[list[ChatResponse]]:
    return Call(ops.get_all_archived._get_kwargs(), _chats)


def get_all_tags() -> Call[list[TagModel]]:
    return Call(ops.get_all_tags._get_kwargs(), _tags)


def get_all_db() -> Call[list[ChatResponse]]:
    return Call(ops.get_all_db._get_kwargs(), _chats)


def get_archived_list(
    page: int | None = None,
    query: str | None = None,
    order_by: str | None = None,
    direction: str | None = None,
) -> Call[list[ChatTitleIdResponse]]:
    spec = ops.get_archived_list._get_kwargs(
        page=page, query=query, order_by=order_by, direction=direction
    )
    return Call(spec, _titles)


def archive_all() -> Call[bool]:
    return Call(ops.archive_all._get_kwargs(), p.boolean)


def unarchive_all() -> Call[bool]:
    return Call(ops.unarchive_all._get_kwargs(), p.boolean)


def get_archived_count() -> Call[int]:
    return Call(ops.get_archived_count._get_kwargs(), p.integer)


def get_shared_list(
    page: int | None = None,
    query: str | None = None,
    order_by: str | None = None,
    direction: str | None = None,
) -> Call[list[SharedChatResponse]]:
    spec = ops.get_shared_list._get_kwargs(
        page=page, query=query, order_by=order_by, direction=direction
    )
    return Call(spec, p.list_of(p.model(SharedChatResponse)))


def get_shared(share_id: str) -> Call[ChatResponse | None]:
    spec = ops.get_shared._get_kwargs(p.path_param(share_id, "share_id"))
    return Call(spec, _chat_or_none)


def get_by_tags(form_data: TagFilterForm | Form) -> Call[list[ChatTitleIdResponse]]:
    spec = ops.get_by_tags._get_kwargs(body=p.coerce_form(form_data, TagFilterForm))
    return Call(spec, _titles, idempotent=True)


def get(id: str) -> Call[ChatResponse | None]:
    return Call(ops.get._get_kwargs(p.path_param(id, "id")), _chat_or_none)


def update(id: str, form_data: ChatForm | Form) -> Call[ChatResponse | None]:
    spec = ops.update._get_kwargs(p.path_param(id, "id"), body=p.coerce_form(form_data, ChatForm))
    return Call(spec, _chat_or_none)


def update_params(id: str, params: Mapping[str, Any]) -> Call[dict[str, Any]]:
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a dict, got {type(params).__name__}")
    spec = ops.update_params._get_kwargs(p.path_param(id, "id"), body=dict(params))
    return Call(spec, p.json_object)


def update_message(
    id: str, message_id: str, form_data: MessageForm | Form
) -> Call[ChatResponse | None]:
    spec = ops.update_message._get_kwargs(
        p.path_param(id, "id"),
        p.path_param(message_id, "message_id"),
        body=p.coerce_form(form_data, MessageForm),
    )
    return Call(spec, _chat_or_none)


def delete_message(id: str, message_id: str) -> Call[ChatResponse | None]:
    spec = ops.delete_message._get_kwargs(
        p.path_param(id, "id"), p.path_param(message_id, "message_id")
    )
    return Call(spec, _chat_or_none)


def send_message_event(id: str, message_id: str, form_data: EventForm | Form) -> Call[bool | None]:
    spec = ops.send_message_event._get_kwargs(
        p.path_param(id, "id"),
        p.path_param(message_id, "message_id"),
        body=p.coerce_form(form_data, EventForm),
    )
    return Call(spec, p.optional_boolean)


def resolve_tool_call(
    id: str, message_id: str, form_data: ResolveToolCallForm | Form
) -> Call[ResolveToolCallResponse]:
    spec = ops.resolve_tool_call._get_kwargs(
        p.path_param(id, "id"),
        p.path_param(message_id, "message_id"),
        body=p.coerce_form(form_data, ResolveToolCallForm),
    )
    return Call(spec, p.model(ResolveToolCallResponse))


def delete(id: str) -> Call[bool]:
    return Call(ops.delete._get_kwargs(p.path_param(id, "id")), p.boolean)


def get_pinned_status(id: str) -> Call[bool | None]:
    return Call(ops.get_pinned_status._get_kwargs(p.path_param(id, "id")), p.optional_boolean)


def pin(id: str) -> Call[ChatResponse | None]:
    return Call(ops.pin._get_kwargs(p.path_param(id, "id")), _chat_or_none)


def fork(id: str, form_data: ForkForm | Form | None = None) -> Call[ChatResponse | None]:
    body = None if form_data is None else p.coerce_form(form_data, ForkForm)
    return Call(ops.fork._get_kwargs(p.path_param(id, "id"), body=body), _chat_or_none)


def clone(id: str, form_data: CloneForm | Form) -> Call[ChatResponse | None]:
    spec = ops.clone._get_kwargs(p.path_param(id, "id"), body=p.coerce_form(form_data, CloneForm))
    return Call(spec, _chat_or_none)


def clone_shared(id: str) -> Call[ChatResponse | None]:
    return Call(ops.clone_shared._get_kwargs(p.path_param(id, "id")), _chat_or_none)


def compact(id: str, form_data: CompactChatForm | Form | None = None) -> Call[CompactChatResponse]:
    body = None if form_data is None else p.coerce_form(form_data, CompactChatForm)
    spec = ops.compact._get_kwargs(p.path_param(id, "id"), body=body)
    return Call(spec, p.model(CompactChatResponse))


def archive(id: str) -> Call[ChatResponse | None]:
    return Call(ops.archive._get_kwargs(p.path_param(id, "id")), _chat_or_none)


def share(id: str, form_data: ShareChatForm | Form | None = None) -> Call[ChatResponse | None]:
    body = None if form_data is None else p.coerce_form(form_data, ShareChatForm)
    return Call(ops.share._get_kwargs(p.path_param(id, "id"), body=body), _chat_or_none)


def delete_shared(id: str) -> Call[bool | None]:
    return Call(ops.delete_shared._get_kwargs(p.path_param(id, "id")), p.optional_boolean)


def unshare_all() -> Call[bool]:
    return Call(ops.unshare_all._get_kwargs(), p.boolean)


def update_shared_chat_access(
    id: str, form_data: ChatAccessGrantsForm | Form
) -> Call[ChatResponse | None]:
    spec = ops.update_shared_chat_access._get_kwargs(
        p.path_param(id, "id"), body=p.coerce_form(form_data, ChatAccessGrantsForm)
    )
    return Call(spec, _chat_or_none)


def get_shared_chat_access(id: str) -> Call[list[AccessGrant]]:
    spec = ops.get_shared_chat_access._get_kwargs(p.path_param(id, "id"))
    return Call(spec, p.list_of(p.model(AccessGrant)))


def mark_unread(id: str) -> Call[ChatUnreadResponse]:
    return Call(ops.mark_unread._get_kwargs(p.path_param(id, "id")), p.model(ChatUnreadResponse))


def update_folder(id: str, form_data: ChatFolderIdForm | Form) -> Call[ChatResponse | None]:
    spec = ops.update_folder._get_kwargs(
        p.path_param(id, "id"), body=p.coerce_form(form_data, ChatFolderIdForm)
    )
    return Call(spec, _chat_or_none)


def get_tags(id: str) -> Call[list[TagModel]]:
    return Call(ops.get_tags._get_kwargs(p.path_param(id, "id")), _tags)


def add_tag(id: str, form_data: TagForm | Form) -> Call[list[TagModel]]:
    spec = ops.add_tag._get_kwargs(p.path_param(id, "id"), body=p.coerce_form(form_data, TagForm))
    return Call(spec, _tags)


def delete_tag(id: str, form_data: TagForm | Form) -> Call[list[TagModel]]:
    spec = ops.delete_tag._get_kwargs(
        p.path_param(id, "id"), body=p.coerce_form(form_data, TagForm)
    )
    return Call(spec, _tags)


def list_tasks(chat_id: str) -> Call[ChatTaskList]:
    return Call(ops.list_tasks._get_kwargs(p.path_param(chat_id, "chat_id")), p.model(ChatTaskList))


def stop_tasks(chat_id: str) -> Call[StopTasksResponse]:
    spec = ops.stop_tasks._get_kwargs(p.path_param(chat_id, "chat_id"))
    return Call(spec, p.model(StopTasksResponse))


def chat_completion(form_data: ChatCompletionForm | Form) -> Call[Completion]:
    form = with_local_chat_id(p.coerce_form(form_data, ChatCompletionForm))
    return Call(ops.chat_completion._get_kwargs(body=form), _completion, idempotent=False)


def chat_completion_api(form_data: ChatCompletionForm | Form) -> Call[Completion]:
    form = with_local_chat_id(p.coerce_form(form_data, ChatCompletionForm))
    return Call(ops.chat_completion_api._get_kwargs(body=form), _completion, idempotent=False)


def chat_completed(form_data: ChatCompletedForm | Form) -> Call[ChatCompletedResponse]:
    spec = ops.chat_completed._get_kwargs(body=p.coerce_form(form_data, ChatCompletedForm))
    return Call(spec, p.model(ChatCompletedResponse))


def chat_action(action_id: str, form_data: ChatActionForm | Form) -> Call[Any]:
    spec = ops.chat_action._get_kwargs(
        p.path_param(action_id, "action_id"), body=p.coerce_form(form_data, ChatActionForm)
    )
    return Call(spec, p.any_json)
