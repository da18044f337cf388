"""The operations of the ``chats`` tag, one module each, imported on first use."""

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import add_tag as add_tag
    from . import archive as archive
    from . import archive_all as archive_all
    from . import chat_action as chat_action
    from . import chat_completed as chat_completed
    from . import chat_completion as chat_completion
    from . import chat_completion_api as chat_completion_api
    from . import clone as clone
    from . import clone_shared as clone_shared
    from . import compact as compact
    from . import create_new as create_new
    from . import delete as delete
    from . import delete_all as delete_all
    from . import delete_message as delete_message
    from . import delete_shared as delete_shared
    from . import delete_tag as delete_tag
    from . import export_chat_stats as export_chat_stats
    from . import export_single_chat_stats as export_single_chat_stats
    from . import fork as fork
    from . import get as get
    from . import get_all_archived as get_all_archived
    from . import get_all_db as get_all_db
    from . import get_all_tags as get_all_tags
    from . import get_archived_count as get_archived_count
    from . import get_archived_list as get_archived_list
    from . import get_by_folder_id as get_by_folder_id
    from . import get_by_tags as get_by_tags
    from . import get_chat_usage_stats as get_chat_usage_stats
    from . import get_config as get_config
    from . import get_list as get_list
    from . import get_list_by_folder_id as get_list_by_folder_id
    from . import get_pinned as get_pinned
    from . import get_pinned_status as get_pinned_status
    from . import get_shared as get_shared
    from . import get_shared_chat_access as get_shared_chat_access
    from . import get_shared_list as get_shared_list
    from . import get_tags as get_tags
    from . import get_user_list as get_user_list
    from . import import_chats as import_chats
    from . import iter_all as iter_all
    from . import list_chats as list_chats
    from . import list_tasks as list_tasks
    from . import mark_all_read as mark_all_read
    from . import mark_unread as mark_unread
    from . import pin as pin
    from . import resolve_tool_call as resolve_tool_call
    from . import search as search
    from . import send_message_event as send_message_event
    from . import set_config as set_config
    from . import share as share
    from . import stop_tasks as stop_tasks
    from . import unarchive_all as unarchive_all
    from . import unshare_all as unshare_all
    from . import update as update
    from . import update_folder as update_folder
    from . import update_message as update_message
    from . import update_params as update_params
    from . import update_shared_chat_access as update_shared_chat_access

#: The Open WebUI releases whose own documents the spec's x-since markers come from, oldest first.
RELEASES = (
    "0.9.6",
    "0.10.2",
    "0.11.4",
    "0.12.0",
    "0.12.3",
    "0.12.4",
)

OPERATIONS = (
    "get_list",
    "list_chats",
    "delete_all",
    "mark_all_read",
    "get_chat_usage_stats",
    "export_chat_stats",
    "export_single_chat_stats",
    "get_user_list",
    "create_new",
    "import_chats",
    "get_config",
    "set_config",
    "search",
    "get_by_folder_id",
    "get_list_by_folder_id",
    "get_pinned",
    "iter_all",
    "get_all_archived",
    "get_all_tags",
    "get_all_db",
    "get_archived_list",
    "get_archived_count",
    "archive_all",
    "unarchive_all",
    "unshare_all",
    "get_shared_list",
    "get_shared",
    "get_by_tags",
    "compact",
    "get",
    "update",
    "delete",
    "update_params",
    "update_message",
    "delete_message",
    "send_message_event",
    "get_pinned_status",
    "pin",
    "fork",
    "clone",
    "clone_shared",
    "archive",
    "share",
    "delete_shared",
    "update_shared_chat_access",
    "get_shared_chat_access",
    "mark_unread",
    "update_folder",
    "get_tags",
    "add_tag",
    "delete_tag",
    "chat_completion_api",
    "chat_completion",
    "resolve_tool_call",
    "chat_completed",
    "chat_action",
    "list_tasks",
    "stop_tasks",
)


def __getattr__(name: str) -> ModuleType:
    if name not in OPERATIONS:
        raise AttributeError(f"no operation {name!r}")
    module = importlib.import_module(f"{__name__}.{name}")
    globals()[name] = module
    return module
