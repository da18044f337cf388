"""Behaviours that the spec cannot state, each with its reason.

- `with_local_chat_id`: a completion sent without a chat id gets ``local:api-<uuid4>``, which
  Open WebUI treats as a temporary chat (not stored); without any id the server's background
  bookkeeping fails. The spec marks the operations with ``x-local-chat-id``.
- ``get_all`` (in `_async_client`): ``GET /api/v1/chats/all`` answers NDJSON; ``get_all`` reads the
  generated ``iter_all`` stream into a list, as owui-client's ``get_all`` returned one.
- ``delete_all_tags`` (in `_async_client`): 0.12.4 removed ``DELETE /api/v1/chats/{id}/tags/all``;
  the method removes the tags one by one.
- ``chat_completed_api`` (in `_async_client`): owui-client's name for ``chat_completed``.

The conversation methods (``start_chat``, ``send_message``...) span several routes each and live
apart, in ``lib/``, built on the public methods only.
"""

from __future__ import annotations

import uuid
from typing import Any

from ._constants import LOCAL_CHAT_ID_PREFIX


def with_local_chat_id(body: dict[str, Any]) -> None:
    """Give a completion body the synthetic ``local:api-<uuid4>`` chat id when it has none."""
    if not (isinstance(body.get("chat_id"), str) and body["chat_id"]):
        body["chat_id"] = f"{LOCAL_CHAT_ID_PREFIX}{uuid.uuid4()}"
