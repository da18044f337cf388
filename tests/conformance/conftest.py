"""Fixtures of the conformance run: a local server and a dedicated, disposable user.

The server comes from a ``live_server`` fixture when the suite provides one; otherwise one
``LocalServer`` is started for the whole session (and shared with ``tests/test_spec_drift.py``
through ``config``). The conformance user owns nothing but what the run creates, so the run may
delete, archive and unshare freely.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

CONFORMANCE_EMAIL = "conformance@example.com"
CONFORMANCE_PASSWORD = "owui-Conformance-Passw0rd!"


@dataclass
class Stats:
    """Figures of the run, printed at the end of the session."""

    operations: set[str] = field(default_factory=set)
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    known_bugs: list[str] = field(default_factory=list)
    statuses: dict[str, set[int]] = field(default_factory=dict)

    def figure_line(self) -> str:
        return (
            f"conformance: {len(self.operations)} operations exercised, {self.requests} requests "
            f"sent, {len(self.failures)} conformance failures, "
            f"{len(self.known_bugs)} known server bug responses excluded"
        )


_STATS_KEY = pytest.StashKey[Stats]()


def shared_local_server(request: pytest.FixtureRequest) -> tuple[str, str]:
    """(base_url, admin_token) of the suite's server, starting one per session if needed."""
    try:
        provided = request.getfixturevalue("live_server")
    except pytest.FixtureLookupError:
        provided = None
    if provided is not None:
        seed = getattr(provided, "seed", None) or provided
        return str(seed.base_url), str(seed.admin_token)
    config = request.config
    server = getattr(config, "_owui_shared_local_server", None)
    if server is None:
        from localserver import LocalServer

        server = LocalServer()
        server.__enter__()
        config._owui_shared_local_server = server  # type: ignore[attr-defined]
        config.add_cleanup(server.cleanup)
    assert server.seed is not None
    return server.seed.base_url, server.seed.admin_token


@dataclass
class ConformanceUser:
    base_url: str
    token: str
    user_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture(scope="session")
def conformance_user(request: pytest.FixtureRequest) -> ConformanceUser:
    base_url, admin_token = shared_local_server(request)
    form = {
        "name": "Conformance",
        "email": CONFORMANCE_EMAIL,
        "password": CONFORMANCE_PASSWORD,
        "role": "user",
    }
    with httpx.Client(base_url=base_url, timeout=60) as http:
        added = http.post(
            "/api/v1/auths/add", json=form, headers={"Authorization": f"Bearer {admin_token}"}
        )
        if added.status_code >= 400:  # already there: the server is shared with an earlier run
            added = http.post(
                "/api/v1/auths/signin",
                json={"email": CONFORMANCE_EMAIL, "password": CONFORMANCE_PASSWORD},
            )
        added.raise_for_status()
        body: dict[str, Any] = added.json()
    return ConformanceUser(base_url=base_url, token=body["token"], user_id=body["id"])


class Fixtures:
    """Real objects of the conformance user, so that generated cases also reach the 200 paths."""

    def __init__(self, user: ConformanceUser, folder_id: str) -> None:
        self.user = user
        self.folder_id = folder_id
        self.http = httpx.Client(base_url=user.base_url, headers=user.headers, timeout=60)
        self.chat_id = ""
        self.message_id = ""
        self.share_id = ""

    def ensure_chat(self) -> None:
        """Make sure the fixture chat exists, is not archived and is shared."""
        if self.chat_id:
            found = self.http.get(f"/api/v1/chats/{self.chat_id}")
            if found.status_code == 200 and not (found.json() or {}).get("archived"):
                if self.share_id:
                    return
                self._share()
                return
        user_id, assistant_id = str(uuid.uuid4()), str(uuid.uuid4())
        now = 1_700_000_000
        messages = {
            user_id: {
                "id": user_id,
                "parentId": None,
                "childrenIds": [assistant_id],
                "role": "user",
                "content": "hello",
                "timestamp": now,
            },
            assistant_id: {
                "id": assistant_id,
                "parentId": user_id,
                "childrenIds": [],
                "role": "assistant",
                "content": "echo: hello",
                "model": "echo",
                "timestamp": now + 1,
            },
        }
        chat = {
            "title": "Conformance fixture",
            "models": ["echo"],
            "history": {"currentId": assistant_id, "messages": messages},
            "messages": list(messages.values()),
        }
        created = self.http.post("/api/v1/chats/new", json={"chat": chat})
        created.raise_for_status()
        self.chat_id = created.json()["id"]
        self.message_id = assistant_id
        self.share_id = ""
        self._share()

    def _share(self) -> None:
        shared = self.http.post(f"/api/v1/chats/{self.chat_id}/share")
        self.share_id = (shared.json() or {}).get("share_id") or "" if shared.is_success else ""

    def real_path_parameters(self, names: set[str]) -> dict[str, str]:
        self.ensure_chat()
        values = {
            "id": self.chat_id,
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "share_id": self.share_id,
            "folder_id": self.folder_id,
            "user_id": self.user.user_id,
            "action_id": "echoaction",
        }
        return {name: values[name] for name in names if values.get(name)}

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="session")
def conformance_fixtures(conformance_user: ConformanceUser) -> Iterator[Fixtures]:
    with httpx.Client(
        base_url=conformance_user.base_url, headers=conformance_user.headers, timeout=60
    ) as http:
        folder = http.post("/api/v1/folders/", json={"name": f"Conformance {uuid.uuid4().hex[:6]}"})
        folder.raise_for_status()
        folder_id = folder.json()["id"]
    fixtures = Fixtures(conformance_user, folder_id)
    yield fixtures
    fixtures.close()


@pytest.fixture(scope="session")
def conformance_stats(request: pytest.FixtureRequest) -> Stats:
    stats = request.config.stash.get(_STATS_KEY, None)
    if stats is None:
        stats = Stats()
        request.config.stash[_STATS_KEY] = stats
    return stats


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    stats = config.stash.get(_STATS_KEY, None)
    if stats is None:
        return
    terminalreporter.write_line(stats.figure_line())
    if config.option.verbose > 0:
        for key in sorted(stats.statuses):
            codes = ", ".join(str(code) for code in sorted(stats.statuses[key]))
            terminalreporter.write_line(f"  {key}: {codes}")
    for failure in stats.failures[:20]:
        terminalreporter.write_line(f"  failure: {failure}")
