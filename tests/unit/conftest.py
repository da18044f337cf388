"""Fixtures of the unit tests: no network, no server, no real sleeping."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from owui_unit_support import INPUTS_TRIED, FakeServer, Harness

import owui_chats_client._base as client_module


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every retry wait, in seconds; nothing really sleeps."""
    recorded: list[float] = []

    def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(client_module, "time_sleep", fake_sleep)
    monkeypatch.setattr(client_module, "asyncio_sleep", fake_async_sleep)
    return recorded


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENWEBUI_BASE_URL", "OPENWEBUI_API_KEY", "OPENWEBUI_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def restore_package_logger() -> Iterator[None]:
    logger = logging.getLogger("owui_chats_client")
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
    logger.propagate = propagate


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


@pytest.fixture
def fake_server() -> type[FakeServer]:
    return FakeServer


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many inputs each property test tried."""
    if INPUTS_TRIED:
        terminalreporter.write_sep("=", "property inputs tried")
        for name, count in sorted(INPUTS_TRIED.items()):
            terminalreporter.write_line(f"{count:6d}  {name}")
