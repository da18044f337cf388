"""``owui-chats export``: the caller's chats as NDJSON, byte for byte as the server sends them."""

from __future__ import annotations

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


def run_export(client: ChatsClient, base_url: str, output: str, console: Console) -> int:
    progress = Progress(console, "exported")
    with atomic_output(output) as out:
        try:
            chats = stream_all(client, base_url, out, progress, count=not console.quiet)
        finally:
            progress.done()
        size = out.tell() if output != "-" else None
    where = "stdout" if output == "-" else output
    written = f", {human_bytes(size)}" if size is not None else ""
    console.say(f"exported {chats:,} chats{written} to {where} in {progress.elapsed:.1f}s")
    return 0
