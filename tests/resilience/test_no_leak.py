"""After 1,000 mixed calls (successes, errors, abandoned streams) the pool holds no more open
connections than its keep-alive limit, and none is left checked out."""

from __future__ import annotations

import gc
from typing import Any

import httpx
import pytest

from owui_chats_client import AsyncChatsClient, AuthenticationError, ChatsClient

KEEPALIVE = 5
CALLS = 1000


def _pool_state(http: httpx.Client | httpx.AsyncClient) -> tuple[int, int]:
    pool = http._transport._pool  # type: ignore[union-attr]
    connections = list(pool.connections)
    open_ = [c for c in connections if not c.is_closed()]
    busy = [c for c in open_ if not c.is_idle()]
    return len(open_), len(busy)


def _limits() -> httpx.Limits:
    return httpx.Limits(max_connections=20, max_keepalive_connections=KEEPALIVE)


def _echo(seed: Any, stream: bool) -> dict[str, Any]:
    return {
        "model": seed.echo_model,
        "stream": stream,
        "messages": [{"role": "user", "content": "a b c"}],
    }


def test_sync_pool_does_not_leak(seed: Any) -> None:
    http = httpx.Client(limits=_limits())
    client = ChatsClient(seed.base_url, seed.api_key, http_client=http, max_retries=0)
    chat = client.create_new({"chat": {"title": "leak probe", "messages": []}})
    assert chat is not None
    calls = 0
    try:
        while calls < CALLS:
            kind = calls % 10
            if kind < 6:
                assert client.get(chat.id) is not None
            elif kind < 8:
                with pytest.raises(AuthenticationError):
                    client.get("no-such-chat")
            elif kind == 8:
                stream = client.chat_completion(_echo(seed, True), stream=True)
                next(iter(stream))  # read one chunk, then drop the stream without closing it
                del stream
            else:
                lines = client.iter_all()
                next(lines)
                del lines
            calls += 1
        gc.collect()
        open_, busy = _pool_state(http)
        print(f"\nsync: {calls} calls, {open_} open connections, {busy} checked out")
        assert busy == 0
        assert open_ <= KEEPALIVE
    finally:
        client.delete(chat.id)
        client.close()
        http.close()


async def test_async_pool_does_not_leak(seed: Any) -> None:
    http = httpx.AsyncClient(limits=_limits())
    client = AsyncChatsClient(seed.base_url, seed.api_key, http_client=http, max_retries=0)
    chat = await client.create_new({"chat": {"title": "leak probe", "messages": []}})
    assert chat is not None
    calls = 0
    try:
        while calls < CALLS:
            kind = calls % 10
            if kind < 6:
                assert await client.get(chat.id) is not None
            elif kind < 8:
                with pytest.raises(AuthenticationError):
                    await client.get("no-such-chat")
            elif kind == 8:
                stream = await client.chat_completion(_echo(seed, True), stream=True)
                await stream.__anext__()
                # An async generator cannot be finalised synchronously: dropping it without
                # aclose() would leave the connection to the event loop's shutdown hook.
                await stream.aclose()
            else:
                lines = await client.iter_all()
                async with lines:
                    await lines.__anext__()
            calls += 1
        open_, busy = _pool_state(http)
        print(f"\nasync: {calls} calls, {open_} open connections, {busy} checked out")
        assert busy == 0
        assert open_ <= KEEPALIVE
    finally:
        await client.delete(chat.id)
        await client.aclose()
        await http.aclose()
