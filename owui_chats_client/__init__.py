"""Sync and async Python client for the chats API of Open WebUI.

    from owui_chats_client import ChatsClient

    with ChatsClient("http://localhost:8080", api_key="sk-...") as client:
        chat = client.create_new({"chat": {"title": "Hello"}})

Names are imported on first use, so ``import owui_chats_client`` stays cheap for programs that
only need it on some paths.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._async_client import AsyncChatsClient
    from ._async_streaming import AsyncJSONArrayStream, AsyncJSONLinesStream, AsyncStream
    from ._base import APIResponse
    from ._client import ChatsClient
    from ._exceptions import (
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APIStreamError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        OpenWebUIError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
        UnsupportedByServerError,
    )
    from ._streaming import JSONArrayStream, JSONLinesStream, Stream
    from .lib._async_live_stream import AsyncMessageStream
    from .lib._live_stream import MessageStream
    from .lib._steps import ChatReply, ConversationError, TasksTimeoutError
    from .lib._tree import MessageTree

__all__ = [
    "__version__",
    "ChatsClient",
    "AsyncChatsClient",
    "APIResponse",
    "Stream",
    "AsyncStream",
    "JSONLinesStream",
    "AsyncJSONLinesStream",
    "JSONArrayStream",
    "AsyncJSONArrayStream",
    "OpenWebUIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIStreamError",
    "UnsupportedByServerError",
    "ChatReply",
    "MessageTree",
    "MessageStream",
    "AsyncMessageStream",
    "ConversationError",
    "TasksTimeoutError",
]

# Where each public name lives; the rest of __all__ comes from _exceptions.
_WHERE: dict[str, str] = {
    "ChatsClient": "._client",
    "AsyncChatsClient": "._async_client",
    "APIResponse": "._base",
    "Stream": "._streaming",
    "AsyncStream": "._async_streaming",
    "JSONLinesStream": "._streaming",
    "AsyncJSONLinesStream": "._async_streaming",
    "JSONArrayStream": "._streaming",
    "AsyncJSONArrayStream": "._async_streaming",
    "ChatReply": ".lib._steps",
    "ConversationError": ".lib._steps",
    "TasksTimeoutError": ".lib._steps",
    "MessageStream": ".lib._live_stream",
    "AsyncMessageStream": ".lib._async_live_stream",
    "MessageTree": ".lib._tree",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name, "._exceptions" if name in __all__ else None)
    if module is None or name == "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
