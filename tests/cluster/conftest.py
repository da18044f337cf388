"""Fixtures of the deployment suite: the production-shaped Open WebUI of
``scripts/deployment.py`` (PostgreSQL, Redis, two instances, nginx with TLS), and the same
deployment without Redis, whose instances share no tasks (the negative control).

Each is started once for the session, the first time a test asks for it. Clients reach it over
``https://`` with the CA the deployment made (``verify=``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from live.livekit import Api

from owui_chats_client import AsyncChatsClient, ChatsClient


def _deployment(redis: bool) -> Iterator[Any]:
    import deployment

    with deployment.Deployment(redis=redis) as running:
        yield running


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """Two instances sharing PostgreSQL and Redis behind nginx (TLS, round-robin)."""
    yield from _deployment(redis=True)


@pytest.fixture(scope="session")
def unshared() -> Iterator[Any]:
    """The same without Redis: each instance lists and stops only its own tasks."""
    yield from _deployment(redis=False)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "cluster" in names or "unshared" in names:
            item.add_marker(pytest.mark.cluster)


@pytest.fixture
async def client_of(mode: str) -> AsyncIterator[Callable[..., Api]]:
    """``client_of(deployment, credential=None)``: a client of the test's mode over https,
    verifying with the deployment's CA (the admin's API key by default)."""
    made: list[Any] = []

    def make(running: Any, credential: str | None = None) -> Api:
        cls = AsyncChatsClient if mode == "async" else ChatsClient
        client = cls(
            running.base_url,
            api_key=credential or running.seed.api_key,
            timeout=120,
            verify=str(running.ca_file),
        )
        made.append(client)
        return Api(client)

    yield make
    for client in made:
        if isinstance(client, AsyncChatsClient):
            await client.aclose()
        else:
            client.close()
