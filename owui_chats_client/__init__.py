"""Sync and async Python client for the chats API of Open WebUI.

from owui_chats_client import ChatsClient

with ChatsClient("http://localhost:8080", api_key="sk-...") as client:
    chat = client.create_new({"chat": {"title": "Hello"}})
"""

from ._base import APIResponse
from ._client import AsyncChatsClient, ChatsClient
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
)
from ._logging import setup_logging
from ._streaming import AsyncJSONLinesStream, AsyncStream, JSONLinesStream, Stream
from ._version import __version__

__all__ = [
    "__version__",
    "ChatsClient",
    "AsyncChatsClient",
    "APIResponse",
    "Stream",
    "AsyncStream",
    "JSONLinesStream",
    "AsyncJSONLinesStream",
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
]

setup_logging()
