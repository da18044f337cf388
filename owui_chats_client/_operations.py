"""The generated endpoint modules, by operationId; only the facade imports them.

Each module is imported on first use, so a program pays only for the operations it calls.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

OPERATIONS = frozenset(
    {
        "add_tag",
        "archive",
        "archive_all",
        "chat_action",
        "chat_completed",
        "chat_completion",
        "chat_completion_api",
        "clone",
        "clone_shared",
        "compact",
        "create_new",
        "delete",
        "delete_all",
        "delete_message",
        "delete_shared",
        "delete_tag",
        "export_chat_stats",
        "export_single_chat_stats",
        "fork",
        "get",
        "get_all",
        "get_all_archived",
        "get_all_db",
        "get_all_tags",
        "get_archived_count",
        "get_archived_list",
        "get_by_folder_id",
        "get_by_tags",
        "get_chat_usage_stats",
        "get_config",
        "get_list",
        "get_list_by_folder_id",
        "get_pinned",
        "get_pinned_status",
        "get_shared",
        "get_shared_chat_access",
        "get_shared_list",
        "get_tags",
        "get_user_list",
        "import_chats",
        "list_chats",
        "list_tasks",
        "mark_all_read",
        "mark_unread",
        "pin",
        "resolve_tool_call",
        "search",
        "send_message_event",
        "set_config",
        "share",
        "stop_tasks",
        "unarchive_all",
        "unshare_all",
        "update",
        "update_folder",
        "update_message",
        "update_params",
        "update_shared_chat_access",
    }
)


def __getattr__(name: str) -> ModuleType:
    if name not in OPERATIONS:
        raise AttributeError(f"no operation {name!r}")
    module = importlib.import_module(f"._generated.api.chats.{name}", __package__)
    globals()[name] = module
    return module
