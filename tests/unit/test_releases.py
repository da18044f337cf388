"""The client knows its server's release: it asks once, refuses what that release lacks before
sending it, leaves out defaults it does not know, and sends everything to a newer server."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from owui_unit_support import CHAT, TITLE, FakeServer, Harness, Reply, body_of, error, ok

from owui_chats_client import OpenWebUIError, UnsupportedByServerError
from owui_chats_client._generated.api import chats as ops
from owui_chats_client._releases import NEWEST, OLDEST, parse_version


class Server:
    """Answers ``GET /api/version`` with ``version`` and every other route with ``reply``."""

    def __init__(self, version: Any, reply: Reply) -> None:
        self.version = version
        self.reply = reply
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/api/version":
            if isinstance(self.version, Reply):
                return self.version.build(request)
            return ok({"version": self.version, "deployment_id": "d"}).build(request)
        return self.reply.build(request)

    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]


def client(harness: Harness, server: Server, **kwargs: Any) -> Any:
    kwargs.setdefault("server_version", None)  # the harness states one by default
    return harness.client(server, **kwargs)


async def test_the_release_is_asked_once_per_client_and_shared_by_its_copies(
    harness: Harness,
) -> None:
    server = Server("0.10.2", ok(TITLE))
    c = client(harness, server)
    assert server.requests == []  # making a client sends nothing
    assert await harness.call(c.server_version) == "0.10.2"
    copy = c.with_options(timeout=5)
    assert await harness.call(copy.server_version) == "0.10.2"
    assert await harness.call(c.with_raw_response.server_version) == "0.10.2"
    assert server.paths() == ["GET /api/version"]


async def test_an_operation_the_release_lacks_is_refused_before_sending(harness: Harness) -> None:
    server = Server("0.10.2", ok({"chat_id": "c1"}))
    c = client(harness, server)
    with pytest.raises(UnsupportedByServerError) as caught:
        await harness.call(c.mark_unread, "c1")
    error = caught.value
    assert isinstance(error, OpenWebUIError)
    assert (error.method, error.part, error.server_version) == ("mark_unread", None, "0.10.2")
    assert error.since == ops.mark_unread.SINCE
    assert parse_version(error.since) > (0, 10, 2)  # type: ignore[operator]
    assert str(error) == (
        f"mark_unread() (POST /api/v1/chats/{{id}}/unread) needs Open WebUI {error.since} or "
        "newer; the server runs 0.10.2"
    )
    assert server.paths() == ["GET /api/version"]  # nothing reached the route


async def test_an_operation_the_release_has_is_sent(harness: Harness) -> None:
    server = Server("0.12.4", ok({"chat_id": "c1", "folder_unread_counts": {}}))
    c = client(harness, server)
    result = await harness.call(c.mark_unread, "c1")
    assert result.chat_id == "c1"
    assert server.paths() == ["GET /api/version", "POST /api/v1/chats/c1/unread"]


async def test_an_operation_every_release_has_needs_no_version(harness: Harness) -> None:
    server = Server(error(404).build, ok(CHAT))
    assert ops.get.SINCE == OLDEST
    c = client(harness, server)
    chat = await harness.call(c.get, "c1")
    assert chat.id == "c1"
    assert server.paths() == ["GET /api/v1/chats/c1"]


async def test_a_later_parameter_is_refused_and_its_default_left_out(harness: Harness) -> None:
    since = {part.path[0]: part.since for part in ops.get_list.LATER}
    assert set(since) == {"sort_by", "sort_dir"}
    older = ".".join(str(n) for n in _before(since["sort_by"]))
    server = Server(older, ok([TITLE]))
    c = client(harness, server)
    with pytest.raises(UnsupportedByServerError) as caught:
        await harness.call(c.get_list, sort_by="title")
    assert caught.value.part == "query parameter sort_by"
    assert "get_list(): the query parameter sort_by needs Open WebUI" in str(caught.value)
    assert server.paths() == ["GET /api/version"]

    items = await harness.call(c.get_list, page=2)  # the signature's defaults: not sent
    assert [item.id for item in items] == ["c1"]
    assert dict(server.requests[-1].url.params) == {
        "page": "2",
        "include_pinned": "false",
        "include_folders": "false",
    }


async def test_the_same_defaults_are_sent_to_a_release_that_has_them(harness: Harness) -> None:
    server = Server(NEWEST, ok([TITLE]))
    c = client(harness, server)
    await harness.call(c.get_list)
    params = dict(server.requests[-1].url.params)
    assert params["sort_by"] == "updated_at" and params["sort_dir"] == "desc"


async def test_a_later_body_field_is_refused_and_its_default_left_out(harness: Harness) -> None:
    archived = next(p for p in ops.import_chats.LATER if p.path[-1] == "archived")
    older = ".".join(str(n) for n in _before(archived.since))
    server = Server(older, ok([CHAT]))
    c = client(harness, server)
    chats = [{"chat": {"title": "a"}, "archived": True}, {"chat": {"title": "b"}}]
    with pytest.raises(UnsupportedByServerError) as caught:
        await harness.call(c.import_chats, {"chats": chats})
    assert caught.value.part == "field chats[].archived"
    assert server.paths() == ["GET /api/version"]

    await harness.call(c.import_chats, {"chats": [{"chat": {"title": "a"}, "archived": False}]})
    sent = body_of(server.requests[-1])
    assert sent == {"chats": [{"chat": {"title": "a"}}]}


async def test_a_stated_release_is_not_asked(harness: Harness) -> None:
    server = Server("0.12.4", ok({"chat_id": "c1"}))
    c = client(harness, server, server_version="0.10.2")
    with pytest.raises(UnsupportedByServerError):
        await harness.call(c.mark_unread, "c1")
    assert await harness.call(c.server_version) == "0.10.2"
    assert server.requests == []


async def test_the_check_can_be_turned_off(harness: Harness) -> None:
    server = Server("0.10.2", ok({"chat_id": "c1"}))
    c = client(harness, server, check_server_version=False)
    await harness.call(c.mark_unread, "c1")
    server.reply = ok([TITLE])
    await harness.call(c.get_list, sort_by="title")
    assert server.paths() == ["POST /api/v1/chats/c1/unread", "GET /api/v1/chats/list"]
    assert server.requests[-1].url.params["sort_by"] == "title"


@pytest.mark.parametrize("version", ["0.13.0", "1.2.3-rc1", "main", "dev-abc123"])
async def test_a_newer_or_unknown_release_gets_everything_and_unknown_fields_parse(
    harness: Harness, version: str, caplog: pytest.LogCaptureFixture
) -> None:
    answer = {**TITLE, "pinned_at": 5, "labels": ["new"]}
    server = Server(version, ok([answer]))
    c = client(harness, server)
    with caplog.at_level(logging.WARNING, logger="owui_chats_client"):
        items = await harness.call(c.get_list, sort_by="title")
    assert server.requests[-1].url.params["sort_by"] == "title"
    assert items[0].id == "c1"
    assert items[0].additional_properties == {"pinned_at": 5, "labels": ["new"]}
    assert items[0]["labels"] == ["new"]
    assert await harness.call(c.server_version) == version
    if parse_version(version) is None:
        assert "is not a release number" in caplog.text


async def test_an_older_release_than_any_known_is_named_in_a_warning(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    server = Server("0.8.12", ok(CHAT))
    c = client(harness, server)
    with caplog.at_level(logging.WARNING, logger="owui_chats_client"):
        assert await harness.call(c.server_version) == "0.8.12"
    assert f"older than {OLDEST}" in caplog.text
    with pytest.raises(UnsupportedByServerError):
        await harness.call(c.mark_unread, "c1")


@pytest.mark.parametrize(
    "answer",
    [
        error(404, "Not Found"),
        Reply(200, content=b"<!doctype html><html></html>", headers={"content-type": "text/html"}),
        ok({"name": "Open WebUI"}),
    ],
    ids=["404", "html", "no-version"],
)
async def test_a_server_that_hides_its_release_gets_a_clear_error(
    harness: Harness, answer: Reply
) -> None:
    server = Server(answer, ok({"chat_id": "c1"}))
    c = client(harness, server, max_retries=0)
    with pytest.raises(OpenWebUIError) as caught:
        await harness.call(c.mark_unread, "c1")
    message = str(caught.value)
    assert "could not learn the server's Open WebUI release from GET /api/version" in message
    assert "server_version='X.Y.Z'" in message and "check_server_version=False" in message
    assert server.paths() == ["GET /api/version"]


async def test_what_a_release_has_can_be_asked(harness: Harness) -> None:
    server = Server("0.10.2", ok(CHAT))
    c = client(harness, server)
    assert await harness.call(c.server_supports, "get") is True
    assert await harness.call(c.server_supports, "mark_unread") is False
    assert await harness.call(c.server_supports, "get_list", "sort_by") is False
    assert await harness.call(c.server_supports, "get_list", "query parameter sort_by") is False
    assert await harness.call(c.server_supports, "import_chats", "chats[].archived") is False
    assert await harness.call(c.server_supports, "import_chats", "chats[].pinned") is True
    assert server.paths() == ["GET /api/version"]
    newer = client(harness, Server("0.12.4", ok(CHAT)))
    assert await harness.call(newer.server_supports, "import_chats", "chats[].archived") is True
    unchecked = client(harness, Server("0.10.2", ok(CHAT)), check_server_version=False)
    assert await harness.call(unchecked.server_supports, "mark_unread") is True
    with pytest.raises(ValueError, match="no operation 'mark_unred'"):
        await harness.call(c.server_supports, "mark_unred")


@pytest.mark.parametrize("bad", ["", "  ", 12])
def test_a_stated_release_must_be_text(harness: Harness, bad: Any) -> None:
    with pytest.raises(ValueError, match="server_version must be a release"):
        harness.client(FakeServer(ok(CHAT)), server_version=bad)


def test_every_operation_knows_its_first_release() -> None:
    for name in ops.OPERATIONS:
        module = getattr(ops, name)
        assert module.SINCE in ops.RELEASES, name
        for part in module.LATER:
            assert parse_version(part.since) > parse_version(module.SINCE), (name, part)  # type: ignore[operator]


def _before(version: str) -> tuple[int, ...]:
    """The stored release just before ``version``."""
    older = [r for r in ops.RELEASES if parse_version(r) < parse_version(version)]  # type: ignore[operator]
    assert older, version
    return tuple(int(n) for n in older[-1].split("."))
