"""Reading a server's chats: ``GET /api/v1/chats/all``, one NDJSON line at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from owui_chats_client import ChatsClient

from ._common import JSON_ERRORS, SERVER, check_stream_type, fail, loads


def iter_chats(client: ChatsClient, base_url: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(line, chat)`` for every chat of the caller, as the server streams them.

    The lines are read from the stream's response directly (the raw text is what ``export``
    and ``prune --export-to`` write); memory holds one chat at a time.
    """
    with client.iter_all() as stream:
        response = stream.response
        check_stream_type(response, base_url)
        for number, line in enumerate(response.iter_lines(), 1):
            if not line.strip():
                continue
            try:
                chat = loads(line)
            except JSON_ERRORS:
                fail(
                    f"{base_url}: line {number} of GET /api/v1/chats/all is not JSON "
                    f"({line[:80]!r}); is this Open WebUI?",
                    SERVER,
                )
            if not isinstance(chat, dict) or not isinstance(chat.get("id"), str):
                fail(
                    f"{base_url}: line {number} of GET /api/v1/chats/all is not a chat; "
                    "is this Open WebUI?",
                    SERVER,
                )
            yield line, chat
