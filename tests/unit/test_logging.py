"""``OPENWEBUI_LOG``, what is logged, and the plain-http warning."""

from __future__ import annotations

import logging
import re

import httpx
import pytest
from owui_unit_support import API_KEY, CHAT, FakeServer, Harness, error, ok

from owui_chats_client import AsyncChatsClient, ChatsClient
from owui_chats_client._base import setup_logging

LOGGER = logging.getLogger("owui_chats_client")


def _own_handlers() -> list[logging.Handler]:
    return [h for h in LOGGER.handlers if getattr(h, "_owui", False)]


async def test_debug_logs_requests_and_retries_without_the_key(
    harness: Harness,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    sleeps: list[float],
) -> None:
    monkeypatch.setenv("OPENWEBUI_LOG", "debug")
    setup_logging()
    assert LOGGER.level == logging.DEBUG
    assert len(_own_handlers()) == 1

    server = FakeServer(error(429, "slow", {"Retry-After": "1"}), error(503, "busy"), ok(CHAT))
    client = harness.client(server)
    await harness.call(client.get, "x")

    err = capsys.readouterr().err
    assert "retrying GET /api/v1/chats/x in 1.00s" in err
    assert "after HTTP 429" in err
    match = re.search(r"retrying GET /api/v1/chats/x in (\d+\.\d+)s \(attempt 3 of 3\)", err)
    assert match, err
    assert float(match.group(1)) == pytest.approx(sleeps[1], abs=0.005)
    assert "GET /api/v1/chats/x -> 429 (attempt 1)" in err
    assert "GET /api/v1/chats/x -> 200 (attempt 3)" in err
    assert API_KEY not in err
    assert API_KEY not in caplog.text


async def test_connection_retries_are_logged_with_their_delay(
    harness: Harness,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sleeps: list[float],
) -> None:
    monkeypatch.setenv("OPENWEBUI_LOG", "debug")
    setup_logging()
    server = FakeServer(httpx.ConnectError, ok(CHAT))
    await harness.call(harness.client(server).get, "x")
    err = capsys.readouterr().err
    assert f"retrying GET /api/v1/chats/x in {sleeps[0]:.2f}s" in err
    assert "after ConnectError" in err
    assert API_KEY not in err


def test_setup_logging_twice_adds_one_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENWEBUI_LOG", "DEBUG")
    setup_logging()
    setup_logging()
    assert len(_own_handlers()) == 1


async def test_info_level_logs_retries_but_not_each_request(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENWEBUI_LOG", "info")
    setup_logging()
    assert LOGGER.level == logging.INFO
    server = FakeServer(error(503, "busy"), ok(CHAT))
    await harness.call(harness.client(server).get, "x")
    err = capsys.readouterr().err
    assert "retrying GET /api/v1/chats/x in" in err
    assert "-> 200" not in err


@pytest.mark.parametrize("value", ["", "verbose", "0"])
def test_other_values_attach_nothing(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OPENWEBUI_LOG", value)
    before = list(LOGGER.handlers)
    setup_logging()
    assert LOGGER.handlers == before


def test_unset_attaches_nothing() -> None:
    before = list(LOGGER.handlers)
    setup_logging()
    assert LOGGER.handlers == before


# -- plain http warning ---------------------------------------------------------------------------


def _make(cls: type, base_url: str, api_key: str | None) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    http = httpx.AsyncClient if cls is AsyncChatsClient else httpx.Client
    cls(base_url, api_key, http_client=http(transport=transport))


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "owui_chats_client" and r.levelno == logging.WARNING
    ]


@pytest.mark.parametrize("cls", [ChatsClient, AsyncChatsClient])
@pytest.mark.parametrize("base_url", ["http://h:8080", "http://192.168.1.10:8080/api"])
def test_key_over_plain_http_warns(
    caplog: pytest.LogCaptureFixture, cls: type, base_url: str
) -> None:
    caplog.set_level(logging.DEBUG)
    _make(cls, base_url, API_KEY)
    warnings = _warnings(caplog)
    assert len(warnings) == 1
    assert "plain http://" in warnings[0]
    assert API_KEY not in caplog.text


@pytest.mark.parametrize("cls", [ChatsClient, AsyncChatsClient])
@pytest.mark.parametrize(
    ("base_url", "api_key"),
    [
        ("http://127.0.0.1:8080", API_KEY),
        ("http://localhost:8080", API_KEY),
        ("http://[::1]:8080", API_KEY),
        ("http://127.0.0.2:8080", API_KEY),
        ("http://app.localhost", API_KEY),
        ("https://h:8080", API_KEY),
        ("http://h:8080", None),
    ],
)
def test_no_warning_for_loopback_https_or_no_key(
    caplog: pytest.LogCaptureFixture, cls: type, base_url: str, api_key: str | None
) -> None:
    caplog.set_level(logging.DEBUG)
    _make(cls, base_url, api_key)
    assert _warnings(caplog) == []
