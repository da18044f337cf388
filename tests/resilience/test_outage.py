"""The real server goes away while clients are in use, then comes back on the same port and data.

Both clients report the outage as `APIConnectionError`, then work again without being rebuilt,
and no chat is lost or duplicated.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from localserver import LocalServer

from owui_chats_client import APIConnectionError, AsyncChatsClient, ChatsClient


@pytest.fixture(scope="module")
def own_server() -> Iterator[LocalServer]:
    # Its own server: stopping the session's shared one would break the other tests.
    with LocalServer() as server:
        yield server


def test_outage_then_recovery(own_server: LocalServer) -> None:
    seed = own_server.seed
    assert seed is not None
    sync = ChatsClient(seed.base_url, seed.api_key, max_retries=1, timeout=10)
    aclient = AsyncChatsClient(seed.base_url, seed.api_key, max_retries=1, timeout=10)
    loop = asyncio.new_event_loop()
    try:
        first = sync.create_new({"chat": {"title": "before the outage (sync)", "messages": []}})
        second = loop.run_until_complete(
            aclient.create_new({"chat": {"title": "before the outage (async)", "messages": []}})
        )
        assert first is not None and second is not None
        before = sorted(c.id for c in sync.get_list())

        own_server.stop()
        with pytest.raises(APIConnectionError) as sync_error:
            sync.get_list()
        assert sync_error.value.attempts == 2  # GET: retried once, then reported
        with pytest.raises(APIConnectionError):
            # A POST is sent once: nothing is retried blindly while the server is away.
            sync.create_new({"chat": {"title": "during the outage", "messages": []}})
        with pytest.raises(APIConnectionError):
            loop.run_until_complete(aclient.get(second.id))

        own_server.start()
        after_sync = sorted(c.id for c in sync.get_list())
        after_async = sorted(c.id for c in loop.run_until_complete(aclient.get_list()))
        assert after_sync == before == after_async
        titles = [c.title for c in sync.get_list()]
        assert titles.count("before the outage (sync)") == 1
        assert "during the outage" not in titles
        chat = loop.run_until_complete(aclient.get(first.id))
        assert chat is not None and chat.title == "before the outage (sync)"
    finally:
        sync.close()
        loop.run_until_complete(aclient.aclose())
        loop.close()
