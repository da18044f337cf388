"""Tunables, in one place."""

from __future__ import annotations

import httpx

#: Total time for one request, and for connecting; for a stream, ``read`` is the longest gap
#: allowed between two chunks.
DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: A ``Retry-After`` longer than this is not waited for; the error is raised instead.
MAX_RETRY_AFTER = 60.0
RETRY_STATUS_CODES = frozenset({408, 429, 500, 502, 503, 504})

#: Prefix of the synthetic chat id given to completions sent without one (temporary chats).
LOCAL_CHAT_ID_PREFIX = "local:api-"

BASE_URL_ENV = "OPENWEBUI_BASE_URL"
API_KEY_ENV = "OPENWEBUI_API_KEY"
LOG_ENV = "OPENWEBUI_LOG"

#: Seconds ``start_chat``, ``send_message`` and ``wait_for_tasks`` wait for an answer by default.
DEFAULT_ANSWER_TIMEOUT = 600.0
