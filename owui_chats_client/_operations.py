"""The generated endpoint modules, by operationId; only the facade imports them.

Each module is imported on first use, so a program pays only for the operations it calls.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what type checkers see; at run time, __getattr__ below
    from ._generated.api.chats import (
        add_tag as add_tag,
    )
    from ._generated.api.chats import (
        archive as archive,
    )
    from ._generated.api.chats import (
        archive_all as archive_all,
    )
    from ._generated.api.chats import (
        chat_action as chat_action,
    )
    from ._generated.api.chats import (
        chat_completed as chat_completed,
    )
    from ._generated.api.chats import (
        chat_completion as chat_completion,
    )
    from ._generated.api.chats import (
        chat_completion_api as chat_completion_api,
    )
    from ._generated.api.chats import (
        clone as clone,
    )
    from ._generated.api.chats import (
        clone_shared as clone_shared,
    )
    from ._generated.api.chats import (
        compact as compact,
    )
    from ._generated.api.chats import (
        create_new as create_new,
    )
    from ._generated.api.chats import (
        delete as delete,
    )
    from ._generated.api.chats import (
        delete_all as delete_all,
    )
    from ._generated.api.chats import (
        delete_message as delete_message,
    )
    from ._generated.api.chats import (
        delete_shared as delete_shared,
    )
    from ._generated.api.chats import (
        delete_tag as delete_tag,
    )
    from ._generated.api.chats import (
        export_chat_stats as export_chat_stats,
    )
    from ._generated.api.chats import (
        export_single_chat_stats as export_single_chat_stats,
    )
    from ._generated.api.chats import (
        fork as fork,
    )
    from ._generated.api.chats import (
        get as get,
    )
    from ._generated.api.chats import (
        get_all as get_all,
    )
    from ._generated.api.chats import (
        get_all_archived as get_all_archived,
    )
    from ._generated.api.chats import (
        get_all_db as get_all_db,
    )
    from ._generated.api.chats import (
        get_all_tags as get_all_tags,
    )
    from ._generated.api.chats import (
        get_archived_count as get_archived_count,
    )
    from ._generated.api.chats import (
        get_archived_list as get_archived_list,
    )
    from ._generated.api.chats import (
        get_by_folder_id as get_by_folder_id,
    )
    from ._generated.api.chats import (
        get_by_tags as get_by_tags,
    )
    from ._generated.api.chats import (
        get_chat_usage_stats as get_chat_usage_stats,
    )
    from ._generated.api.chats import (
        get_config as get_config,
    )
    from ._generated.api.chats import (
        get_list as get_list,
    )
    from ._generated.api.chats import (
        get_list_by_folder_id as get_list_by_folder_id,
    )
    from ._generated.api.chats import (
        get_pinned as get_pinned,
    )
    from ._generated.api.chats import (
        get_pinned_status as get_pinned_status,
    )
    from ._generated.api.chats import (
        get_shared as get_shared,
    )
    from ._generated.api.chats import (
        get_shared_chat_access as get_shared_chat_access,
    )
    from ._generated.api.chats import (
        get_shared_list as get_shared_list,
    )
    from ._generated.api.chats import (
        get_tags as get_tags,
    )
    from ._generated.api.chats import (
        get_user_list as get_user_list,
    )
    from ._generated.api.chats import (
        import_chats as import_chats,
    )
    from ._generated.api.chats import (
        list_chats as list_chats,
    )
    from ._generated.api.chats import (
        list_tasks as list_tasks,
    )
    from ._generated.api.chats import (
        mark_all_read as mark_all_read,
    )
    from ._generated.api.chats import (
        mark_unread as mark_unread,
    )
    from ._generated.api.chats import (
        pin as pin,
    )
    from ._generated.api.chats import (
        resolve_tool_call as resolve_tool_call,
    )
    from ._generated.api.chats import (
        search as search,
    )
    from ._generated.api.chats import (
        send_message_event as send_message_event,
    )
    from ._generated.api.chats import (
        set_config as set_config,
    )
    from ._generated.api.chats import (
        share as share,
    )
    from ._generated.api.chats import (
        stop_tasks as stop_tasks,
    )
    from ._generated.api.chats import (
        unarchive_all as unarchive_all,
    )
    from ._generated.api.chats import (
        unshare_all as unshare_all,
    )
    from ._generated.api.chats import (
        update as update,
    )
    from ._generated.api.chats import (
        update_folder as update_folder,
    )
    from ._generated.api.chats import (
        update_message as update_message,
    )
    from ._generated.api.chats import (
        update_params as update_params,
    )
    from ._generated.api.chats import (
        update_shared_chat_access as update_shared_chat_access,
    )


def __getattr__(name: str) -> ModuleType:
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        module = importlib.import_module(f"._generated.api.chats.{name}", __package__)
    except ModuleNotFoundError:
        raise AttributeError(f"no operation {name!r}") from None
    globals()[name] = module
    return module
