"""Fixtures of the cross-release suite: clients that record every request they send.

The suite runs against the session's server (``tests/conftest.py``), whatever its release:
``OWUI_SERVER_VERSION=0.10.2 pytest tests/matrix`` starts that release. It asserts what must
hold on every supported release, and that what a release lacks is refused before it is sent.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from live.livekit import Api, User, add_user

from owui_chats_client import AsyncChatsClient, ChatsClient
from owui_chats_client._generated.api import chats as ops
from owui_chats_client._releases import parse_version


@dataclass
class Sent:
    """The requests that a test's clients sent, in order."""

    requests: list[httpx.Request] = field(default_factory=list)

    def routes(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]

    def to(self, op: Any) -> list[httpx.Request]:
        """The requests sent to the route of the generated operation module ``op``."""
        return [r for r in self.requests if operation_of(r) == op.OPERATION]

    def reached(self, op: Any) -> bool:
        return bool(self.to(op))


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)))


_ROUTES = [
    (module.METHOD, _pattern(module.PATH), module.PATH.count("{"), name)
    for name in ops.OPERATIONS
    for module in [getattr(ops, name)]
]


def operation_of(request: httpx.Request) -> str | None:
    """The operation whose route a request went to: of the routes it fits, the one with the
    fewest parameters (``POST /api/v1/chats/new`` is not ``POST /api/v1/chats/{id}``)."""
    fits = [
        (params, name)
        for method, pattern, params, name in _ROUTES
        if method == request.method and pattern.fullmatch(request.url.path)
    ]
    return min(fits)[1] if fits else None


@dataclass
class Release:
    """The session server's release and the seed."""

    version: str
    seed: Any

    def has(self, since: str) -> bool:
        number, wanted = parse_version(self.version), parse_version(since)
        assert number is not None and wanted is not None
        return number >= wanted


@pytest.fixture(scope="session")
def release(seed: Any) -> Release:
    stated = httpx.get(f"{seed.base_url}/api/version", timeout=30).json()["version"]
    return Release(stated, seed)


@pytest.fixture
def sent() -> Sent:
    return Sent()


@pytest.fixture
async def client_for(mode: str, seed: Any, sent: Sent) -> AsyncIterator[Callable[[str], Api]]:
    """``client_for(key)``: a client of the test's mode that records what it sends in ``sent``."""
    made: list[tuple[Any, Any]] = []

    def factory(credential: str) -> Api:
        if mode == "async":

            async def record_async(request: httpx.Request) -> None:
                sent.requests.append(request)

            http: Any = httpx.AsyncClient(event_hooks={"request": [record_async]})
            client: Any = AsyncChatsClient(
                seed.base_url, api_key=credential, timeout=60, http_client=http
            )
        else:
            http = httpx.Client(event_hooks={"request": [sent.requests.append]})
            client = ChatsClient(seed.base_url, api_key=credential, timeout=60, http_client=http)
        made.append((client, http))
        return Api(client)

    yield factory
    for client, http in made:
        if mode == "async":
            await client.aclose()
            await http.aclose()
        else:
            client.close()
            http.close()


@pytest.fixture
def rapi(client_for: Callable[[str], Api], seed: Any) -> Api:
    """The admin's recording client."""
    return client_for(seed.api_key)


@pytest.fixture
def ruser(seed: Any) -> User:
    return add_user(seed)


@pytest.fixture
def rfresh(client_for: Callable[[str], Api], ruser: User) -> Api:
    """A recording client of a user made for this test only."""
    return client_for(ruser.api_key)


@dataclass
class Context:
    """What a scenario works with: the admin's recording client, the release, what was sent,
    and a user of the test's own, made only when a scenario asks for it."""

    api: Api
    release: Release
    sent: Sent
    request: pytest.FixtureRequest

    @property
    def seed(self) -> Any:
        return self.release.seed

    @property
    def fresh(self) -> Api:
        """A recording client of a user made for this test only."""
        fresh: Api = self.request.getfixturevalue("rfresh")
        return fresh

    @property
    def user(self) -> User:
        user: User = self.request.getfixturevalue("ruser")
        return user
