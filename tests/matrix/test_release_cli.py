"""``owui-chats`` between the session server's release and the reference release (a second
local server): export from each, import into each, migrate up and back. Every chat arrives
once with its messages, times, pin, folder and archived state; what the destination's release
cannot import is reported, not dropped in silence."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from live.livekit import Run, chat_body, unique_word

from owui_chats_client import ChatsClient


@pytest.fixture(scope="module")
def reference() -> Iterator[Any]:
    """A server of the reference release (the newest stored), beside the session's one."""
    import localserver

    with localserver.LocalServer(version=localserver.REFERENCE_VERSION) as server:
        yield server


@dataclass
class Account:
    """A user made for one test on one server."""

    base_url: str
    key: str
    client: ChatsClient

    def args(self, prefix: str = "") -> list[str]:
        return [f"--{prefix}base-url", self.base_url, f"--{prefix}api-key", self.key]

    def chats(self) -> dict[str, dict[str, Any]]:
        """Every chat of the user, by title."""
        with self.client.iter_all() as stream:
            rows = [json.loads(line) for line in stream.response.iter_lines() if line.strip()]
        by_title = {row["title"]: row for row in rows}
        assert len(by_title) == len(rows), "a title twice: a chat was copied twice"
        return by_title


@pytest.fixture
def account() -> Iterator[Callable[[Any], Account]]:
    made: list[Account] = []

    def make(seed: Any) -> Account:
        import localserver

        user = localserver.add_user(seed.base_url, seed.admin_token)
        client = ChatsClient(seed.base_url, user["api_key"], timeout=120)
        made.append(Account(seed.base_url, user["api_key"], client))
        return made[-1]

    yield make
    for each in made:
        each.client.close()


def fill(account: Account, word: str) -> dict[str, str]:
    """Four chats with what a migration must keep; their ids by title."""
    now = int(time.time())
    chats = []
    for n, name in enumerate(("plain", "pinned", "tagged", "archived")):
        body, _, _ = chat_body(f"{name} {word}", title=f"{name} {word}")
        if name == "tagged":
            body["tags"] = [f"t{word}"]
        chats.append(
            {
                "chat": body,
                "pinned": name == "pinned",
                "meta": {"tags": [f"t{word}"]} if name == "tagged" else {},
                "created_at": now - 10_000 - n,
                "updated_at": now - 5_000 - n,
            }
        )
    made = {chat.title: chat.id for chat in account.client.import_chats({"chats": chats})}
    account.client.archive(made[f"archived {word}"])  # POST /{id}/archive: on every release
    return made


def assert_same(copies: dict[str, Any], originals: dict[str, Any], *, archived: bool) -> None:
    assert set(copies) == set(originals)
    for title, original in originals.items():
        copy = copies[title]
        assert copy["chat"]["history"]["messages"].keys() == (
            original["chat"]["history"]["messages"].keys()
        ), title
        assert copy["chat"]["history"]["currentId"] == original["chat"]["history"]["currentId"]
        for field in ("created_at", "updated_at", "pinned"):
            assert copy[field] == original[field], (title, field)
        assert copy["archived"] is (original["archived"] and archived), title


def test_export_from_this_release(
    cli: Callable[..., Run], account: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    source = account(seed)
    word = unique_word()
    made = fill(source, word)
    target = tmp_path / "export.ndjson"
    run = cli("export", "-o", str(target), *source.args())
    assert run.code == 0, run.err
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert {row["id"] for row in lines} == set(made.values())
    assert {row["title"]: row["archived"] for row in lines}[f"archived {word}"] is True


def test_migrate_up_and_back(
    cli: Callable[..., Run],
    account: Callable[[Any], Account],
    seed: Any,
    reference: Any,
) -> None:
    source = account(seed)
    word = unique_word()
    fill(source, word)
    originals = source.chats()

    up = account(reference.seed)
    run = cli("migrate", *source.args(), *up.args("to-"))
    assert run.code == 0, run.err
    assert "copied 4 chats" in run.err
    assert_same(up.chats(), originals, archived=True)  # the reference release imports it all
    again = cli("migrate", *source.args(), *up.args("to-"))
    assert again.code == 0 and "copied 0 chats" in again.err and "4 already there" in again.err

    back = account(seed)
    run = cli("migrate", *up.args(), *back.args("to-"))
    assert run.code == 0, run.err
    keeps_archived = back.client.server_supports("import_chats", "chats[].archived")
    assert_same(back.chats(), originals, archived=keeps_archived)
    if keeps_archived:
        assert "not stored" not in run.err
    else:  # said, not silently dropped
        assert "not stored: the archived of 1 chat" in run.err
        assert f"Open WebUI {back.client.server_version()}" in run.err


def test_an_export_of_the_reference_release_imports_here(
    cli: Callable[..., Run],
    account: Callable[[Any], Account],
    seed: Any,
    reference: Any,
    tmp_path: Path,
) -> None:
    newer = account(reference.seed)
    word = unique_word()
    fill(newer, word)
    target = tmp_path / "newer.ndjson"
    assert cli("export", "-o", str(target), *newer.args()).code == 0
    here = account(seed)
    run = cli("import", str(target), *here.args())
    assert run.code == 0, run.err
    assert_same(
        here.chats(),
        newer.chats(),
        archived=here.client.server_supports("import_chats", "chats[].archived"),
    )
