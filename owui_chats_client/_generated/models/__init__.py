"""Contains all the data models used in inputs/outputs"""

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
