"""Contains all the data models used in inputs/outputs; each is imported on first use"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access_grant import AccessGrant
    from .aggregate_chat_stats import AggregateChatStats
    from .aggregate_chat_stats_history_models import AggregateChatStatsHistoryModels
    from .aggregate_chat_stats_models import AggregateChatStatsModels
    from .chat_access_grants_form import ChatAccessGrantsForm
    from .chat_action_form import ChatActionForm
    from .chat_body import ChatBody
    from .chat_completed_form import ChatCompletedForm
    from .chat_completed_response import ChatCompletedResponse
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_chunk import ChatCompletionChunk
    from .chat_completion_chunk_choice import ChatCompletionChunkChoice
    from .chat_completion_delta import ChatCompletionDelta
    from .chat_completion_form import ChatCompletionForm
    from .chat_completion_message import ChatCompletionMessage
    from .chat_completion_response import ChatCompletionResponse
    from .chat_completion_response_message import ChatCompletionResponseMessage
    from .chat_completion_task_response import ChatCompletionTaskResponse
    from .chat_config_form import ChatConfigForm
    from .chat_folder_id_form import ChatFolderIdForm
    from .chat_form import ChatForm
    from .chat_history_stats import ChatHistoryStats
    from .chat_history_stats_messages import ChatHistoryStatsMessages
    from .chat_import_form import ChatImportForm
    from .chat_response import ChatResponse
    from .chat_stats_export import ChatStatsExport
    from .chat_stats_export_list import ChatStatsExportList
    from .chat_task_list import ChatTaskList
    from .chat_title_id_response import ChatTitleIdResponse
    from .chat_unread_response import ChatUnreadResponse
    from .chat_usage_stats_list_response import ChatUsageStatsListResponse
    from .chat_usage_stats_response import ChatUsageStatsResponse
    from .chats_import_form import ChatsImportForm
    from .chats_read_response import ChatsReadResponse
    from .clone_form import CloneForm
    from .compact_chat_form import CompactChatForm
    from .compact_chat_response import CompactChatResponse
    from .error_response import ErrorResponse
    from .event_form import EventForm
    from .folder_chat_title_id_response import FolderChatTitleIdResponse
    from .fork_form import ForkForm
    from .http_validation_error import HTTPValidationError
    from .message_form import MessageForm
    from .message_stats import MessageStats
    from .resolve_tool_call_form import ResolveToolCallForm
    from .resolve_tool_call_form_action import ResolveToolCallFormAction
    from .resolve_tool_call_response import ResolveToolCallResponse
    from .share_chat_form import ShareChatForm
    from .shared_chat_response import SharedChatResponse
    from .stop_tasks_response import StopTasksResponse
    from .tag_filter_form import TagFilterForm
    from .tag_form import TagForm
    from .tag_model import TagModel
    from .validation_error import ValidationError
    from .validation_error_context import ValidationErrorContext

_MODULES = {
    "AccessGrant": ".access_grant",
    "AggregateChatStats": ".aggregate_chat_stats",
    "AggregateChatStatsHistoryModels": ".aggregate_chat_stats_history_models",
    "AggregateChatStatsModels": ".aggregate_chat_stats_models",
    "ChatAccessGrantsForm": ".chat_access_grants_form",
    "ChatActionForm": ".chat_action_form",
    "ChatBody": ".chat_body",
    "ChatCompletedForm": ".chat_completed_form",
    "ChatCompletedResponse": ".chat_completed_response",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionDelta": ".chat_completion_delta",
    "ChatCompletionForm": ".chat_completion_form",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionResponse": ".chat_completion_response",
    "ChatCompletionResponseMessage": ".chat_completion_response_message",
    "ChatCompletionTaskResponse": ".chat_completion_task_response",
    "ChatConfigForm": ".chat_config_form",
    "ChatFolderIdForm": ".chat_folder_id_form",
    "ChatForm": ".chat_form",
    "ChatHistoryStats": ".chat_history_stats",
    "ChatHistoryStatsMessages": ".chat_history_stats_messages",
    "ChatImportForm": ".chat_import_form",
    "ChatResponse": ".chat_response",
    "ChatStatsExport": ".chat_stats_export",
    "ChatStatsExportList": ".chat_stats_export_list",
    "ChatTaskList": ".chat_task_list",
    "ChatTitleIdResponse": ".chat_title_id_response",
    "ChatUnreadResponse": ".chat_unread_response",
    "ChatUsageStatsListResponse": ".chat_usage_stats_list_response",
    "ChatUsageStatsResponse": ".chat_usage_stats_response",
    "ChatsImportForm": ".chats_import_form",
    "ChatsReadResponse": ".chats_read_response",
    "CloneForm": ".clone_form",
    "CompactChatForm": ".compact_chat_form",
    "CompactChatResponse": ".compact_chat_response",
    "ErrorResponse": ".error_response",
    "EventForm": ".event_form",
    "FolderChatTitleIdResponse": ".folder_chat_title_id_response",
    "ForkForm": ".fork_form",
    "HTTPValidationError": ".http_validation_error",
    "MessageForm": ".message_form",
    "MessageStats": ".message_stats",
    "ResolveToolCallForm": ".resolve_tool_call_form",
    "ResolveToolCallFormAction": ".resolve_tool_call_form_action",
    "ResolveToolCallResponse": ".resolve_tool_call_response",
    "ShareChatForm": ".share_chat_form",
    "SharedChatResponse": ".shared_chat_response",
    "StopTasksResponse": ".stop_tasks_response",
    "TagFilterForm": ".tag_filter_form",
    "TagForm": ".tag_form",
    "TagModel": ".tag_model",
    "ValidationError": ".validation_error",
    "ValidationErrorContext": ".validation_error_context",
}

__all__ = (
    "AccessGrant",
    "AggregateChatStats",
    "AggregateChatStatsHistoryModels",
    "AggregateChatStatsModels",
    "ChatAccessGrantsForm",
    "ChatActionForm",
    "ChatBody",
    "ChatCompletedForm",
    "ChatCompletedResponse",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionDelta",
    "ChatCompletionForm",
    "ChatCompletionMessage",
    "ChatCompletionResponse",
    "ChatCompletionResponseMessage",
    "ChatCompletionTaskResponse",
    "ChatConfigForm",
    "ChatFolderIdForm",
    "ChatForm",
    "ChatHistoryStats",
    "ChatHistoryStatsMessages",
    "ChatImportForm",
    "ChatResponse",
    "ChatStatsExport",
    "ChatStatsExportList",
    "ChatTaskList",
    "ChatTitleIdResponse",
    "ChatUnreadResponse",
    "ChatUsageStatsListResponse",
    "ChatUsageStatsResponse",
    "ChatsImportForm",
    "ChatsReadResponse",
    "CloneForm",
    "CompactChatForm",
    "CompactChatResponse",
    "ErrorResponse",
    "EventForm",
    "FolderChatTitleIdResponse",
    "ForkForm",
    "HTTPValidationError",
    "MessageForm",
    "MessageStats",
    "ResolveToolCallForm",
    "ResolveToolCallFormAction",
    "ResolveToolCallResponse",
    "ShareChatForm",
    "SharedChatResponse",
    "StopTasksResponse",
    "TagFilterForm",
    "TagForm",
    "TagModel",
    "ValidationError",
    "ValidationErrorContext",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
