"""``owui-chats export``: the caller's chats as NDJSON, byte for byte as the server sends them;
with ``--all-users``, every user's chats (an admin's whole-server backup)."""

from __future__ import annotations

import json
from typing import IO

from owui_chats_client import ChatsClient

from ._common import Console, Progress, atomic_output, check_stream_type, human_bytes


def stream_all(
    client: ChatsClient, base_url: str, out: IO[bytes], progress: Progress, *, count: bool = True
) -> int:
    """Copy ``GET /api/v1/chats/all`` into ``out``; returns the number of chats (lines), or 0
    when ``count`` is false and no progress is shown (nobody reads the count then)."""
    chats = size = 0
    ends_with_newline = True
    count = count or progress.enabled
    with client.iter_all() as stream:
        # The body is copied as it arrives: no line is parsed or re-serialised. The stream's
        # response is read directly, so its item parser never runs.
        response = stream.response
        check_stream_type(response, base_url)
        for chunk in response.iter_bytes():
            if not chunk:
                continue
            out.write(chunk)
            ends_with_newline = chunk.endswith(b"\n")
            if count:
                chats += chunk.count(b"\n")
                size += len(chunk)
                progress.update(chats, size)
    if not ends_with_newline:  # one chat a line, the last one too
        out.write(b"\n")
        chats += 1
    progress.update(chats, size, force=True)
    return chats


def stream_all_users(
    client: ChatsClient, base_url: str, out: IO[bytes], progress: Progress
) -> tuple[int, int]:
    """Write every user's chats (``GET /api/v1/chats/all/db``, a JSON array read item by item,
    so memory holds one chat at a time) one a line, each with its ``user_id``; returns the
    number of chats and of users."""
    chats = size = 0
    users: set[str] = set()
    with client.iter_all_db() as stream:
        check_stream_type(stream.response, base_url)
        for _ in stream:
            line = json.dumps(stream.raw, ensure_ascii=False, separators=(",", ":")).encode()
            out.write(line + b"\n")
            chats += 1
            size += len(line) + 1
            owner = stream.raw.get("user_id") if isinstance(stream.raw, dict) else None
            if isinstance(owner, str):
                users.add(owner)
            progress.update(chats, size)
    progress.update(chats, size, force=True)
    return chats, len(users)


def run_export(
    client: ChatsClient, base_url: str, output: str, console: Console, *, all_users: bool = False
) -> int:
    progress = Progress(console, "exported")
    users = None
    with atomic_output(output) as out:
        try:
            if all_users:
                chats, users = stream_all_users(client, base_url, out, progress)
            else:
                chats = stream_all(client, base_url, out, progress, count=not console.quiet)
        finally:
            progress.done()
        size = out.tell() if output != "-" else None
    where = "stdout" if output == "-" else output
    written = f", {human_bytes(size)}" if size is not None else ""
    whose = f" of {users:,} user{'' if users == 1 else 's'}" if users is not None else ""
    console.say(f"exported {chats:,} chats{whose}{written} to {where} in {progress.elapsed:.1f}s")
    return 0
