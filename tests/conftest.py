"""Shared fixtures: one real Open WebUI for the whole session, and clients bound to it.

``live_server`` starts a single `LocalServer` the first time a test asks for it and stops it at the
end of the session; tests that never ask for it (the unit tests) never start a server. To reuse a
server that is already running (for instance ``python scripts/localserver.py run``), set
``OWUI_TEST_BASE_URL``: the suite then seeds it (signs the admin in, makes fresh keys) instead of
starting its own. Mind that a new API key replaces the user's previous one, and that Open WebUI
rate-limits sign-ins (429 after a burst of runs).

Live tests run in both modes through the ``api`` fixture: it wraps a `ChatsClient` or an
`AsyncChatsClient` so that ``await api.get(chat_id)`` works for either, and the same assertions
apply to both.

Determinism: after every test that talks to the server, the ``_server_idle`` fixture waits until
the server runs no background task (``GET /api/tasks`` is empty), so that no test's writes ever
overlap work left behind by an earlier one. When a run against the suite's own server has
failures, its data directory is kept and the tail of its log is printed at the end.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from live.livekit import Api, Run, User, add_user, wait_until_idle

from owui_chats_client import AsyncChatsClient, ChatsClient
from owui_chats_client.cli import main

MODES = ("sync", "async")
IDLE_DEADLINE = float(os.environ.get("OWUI_TEST_IDLE_DEADLINE", "60"))
LOG_TAIL_LINES = 80
_SERVER_KEY = pytest.StashKey[Any]()
_FAILED_KEY = pytest.StashKey[bool]()


@dataclass
class ExternalServer:
    """A server that was already running; the suite neither starts nor stops it."""

    base_url: str
    seed: Any


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The session's Open WebUI: an object with ``base_url`` and ``seed`` (a `localserver.Seed`)."""
    import localserver

    external = os.environ.get("OWUI_TEST_BASE_URL")
    if external:
        base_url = external.rstrip("/")
        yield ExternalServer(base_url=base_url, seed=localserver.seed(base_url))
        return
    with localserver.LocalServer() as server:
        request.config.stash[_SERVER_KEY] = server
        try:
            yield server
        finally:
            # keep the database and server.log of a failed run (printed at the end, see below)
            server.keep_data = request.session.testsfailed > 0 or bool(
                request.config.stash.get(_FAILED_KEY, False)
            )


@pytest.fixture(scope="session")
def seed(live_server: Any) -> Any:
    """What the tests need to reach the server: base_url, keys, tokens, ids (`localserver.Seed`)."""
    return live_server.seed


@pytest.fixture(autouse=True)
def _server_idle(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used the server: wait until the work it started there has finished."""
    names = request.fixturenames
    uses_server = "live_server" in names or "conformance_user" in names
    seed = request.getfixturevalue("seed") if uses_server else None
    yield
    if seed is not None:
        wait_until_idle(seed.base_url, seed.admin_token, IDLE_DEADLINE)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Remember failures of any phase (``session.testsfailed`` misses failed teardowns)."""
    report = yield
    if report.failed:
        item.config.stash[_FAILED_KEY] = True
    return report


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """On a failed run, show the end of the suite's server log and where the whole log is kept."""
    server = config.stash.get(_SERVER_KEY, None)
    failed = terminalreporter.stats.get("failed") or terminalreporter.stats.get("error")
    if server is None or not failed:
        return
    terminalreporter.section("Open WebUI server log (tail)")
    terminalreporter.write_line(server.log_tail(LOG_TAIL_LINES) or "(empty)")
    if server.keep_data:
        terminalreporter.write_line(
            f"server data kept in {server.data_dir} (log: {server.log_path}); "
            "set OWUI_SERVER_LOG_LEVEL=INFO or DEBUG for more detail"
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the live server carries the ``live`` marker (``-m "not live"``), one
    that uses the deployment the ``cluster`` marker (``-m "not cluster"``)."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "live_server" in names:
            item.add_marker(pytest.mark.live)
        if "cluster" in names:
            item.add_marker(pytest.mark.cluster)


# -- the production-shaped deployment ----------------------------------------------------------


@pytest.fixture(scope="session")
def cluster() -> Iterator[Any]:
    """`scripts/deployment.py` of the session's release: two instances sharing PostgreSQL and
    Redis behind nginx (TLS, round-robin), started the first time a test asks for it."""
    import deployment

    with deployment.Deployment() as running:
        yield running


@pytest.fixture
async def client_of(mode: str) -> AsyncIterator[Callable[..., Api]]:
    """``client_of(deployment, credential=None)``: a client of the test's mode over https,
    verifying with the deployment's CA (the admin's API key by default)."""
    made: list[Api] = []

    def make(running: Any, credential: str | None = None) -> Api:
        cls = AsyncChatsClient if mode == "async" else ChatsClient
        client = cls(
            running.base_url,
            api_key=credential or running.seed.api_key,
            timeout=120,
            verify=str(running.ca_file),
        )
        made.append(Api(client))
        return made[-1]

    yield make
    for wrapped in made:
        await wrapped.close()


# -- clients -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sync_client(seed: Any) -> Iterator[ChatsClient]:
    """A `ChatsClient` bound to the admin's API key."""
    with ChatsClient(seed.base_url, api_key=seed.api_key, timeout=60) as client:
        yield client


@pytest.fixture(scope="session")
async def async_client(seed: Any) -> AsyncIterator[AsyncChatsClient]:
    """An `AsyncChatsClient` bound to the admin's API key."""
    async with AsyncChatsClient(seed.base_url, api_key=seed.api_key, timeout=60) as client:
        yield client


def make_client(mode: str, base_url: str, api_key: str) -> ChatsClient | AsyncChatsClient:
    cls = AsyncChatsClient if mode == "async" else ChatsClient
    return cls(base_url, api_key=api_key, timeout=60)


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """``"sync"`` or ``"async"``: every test that uses it runs twice."""
    return str(request.param)


@pytest.fixture
def api(mode: str, sync_client: ChatsClient, async_client: AsyncChatsClient) -> Api:
    """The admin's client in the test's mode (see `Api`)."""
    return Api(async_client if mode == "async" else sync_client)


@pytest.fixture
async def api_for(mode: str, seed: Any) -> AsyncIterator[Callable[..., Api]]:
    """``api_for(key_or_token)``: a client in the test's mode with other credentials (and
    optionally another ``base_url=``)."""
    made: list[Api] = []

    def factory(credential: str, *, base_url: str | None = None) -> Api:
        wrapped = Api(make_client(mode, base_url or seed.base_url, credential))
        made.append(wrapped)
        return wrapped

    yield factory
    for wrapped in made:
        await wrapped.close()


# -- fresh users ---------------------------------------------------------------------------------


@pytest.fixture
def fresh_user(seed: Any) -> User:
    """A user created for this test only."""
    return add_user(seed)


@pytest.fixture
def fresh_api(fresh_user: User, api_for: Callable[..., Api]) -> Api:
    """A client in the test's mode for a user created for this test only (by its API key)."""
    return api_for(fresh_user.api_key)


# -- the owui-chats command ----------------------------------------------------------------------


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``cli("import", path, ...)``: run the command in this process; exit status and output."""

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
