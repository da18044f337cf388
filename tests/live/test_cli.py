"""The ``owui-chats`` command against real servers: two local Open WebUIs at once.

Each test works on users created for it, so the counts it checks are its own. The command runs
in this process through ``main()`` (and, where a process has to be killed, as a subprocess).
"""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from live.livekit import Run, chat_body

from owui_chats_client import APIConnectionError, ChatsClient
from owui_chats_client.cli import main

ROOT = Path(__file__).resolve().parents[2]
CHATGPT_FIXTURE = ROOT / "tests" / "fixtures" / "chatgpt-conversations.json"
MARK = "imported_from"
DAY = 86400


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def second_server() -> Iterator[Any]:
    """A second Open WebUI, running beside the session's one (the destination of copies)."""
    import localserver

    with localserver.LocalServer() as server:
        yield server


@dataclass
class User:
    id: str
    token: str
    api_key: str


@dataclass
class Account:
    """A user created for one test on one server, with a client bound to its key."""

    base_url: str
    user: User
    client: ChatsClient

    @property
    def key(self) -> str:
        return self.user.api_key

    def args(self) -> list[str]:
        return ["--base-url", self.base_url, "--api-key", self.key]

    def chats(self) -> list[dict[str, Any]]:
        """Every chat of the user as the server streams it (``GET /api/v1/chats/all``)."""
        with self.client.iter_all() as stream:
            return [json.loads(line) for line in stream.response.iter_lines() if line.strip()]


@pytest.fixture
def accounts(seed: Any) -> Iterator[Callable[[Any], Account]]:
    """``accounts(seed)``: a fresh user on the server of that seed."""
    made: list[Account] = []

    def make(server_seed: Any) -> Account:
        import localserver

        made_user = localserver.add_user(server_seed.base_url, server_seed.admin_token)
        user = User(made_user["id"], made_user["token"], made_user["api_key"])
        client = ChatsClient(server_seed.base_url, user.api_key, timeout=120)
        account = Account(server_seed.base_url, user, client)
        made.append(account)
        return account

    yield make
    for account in made:
        account.client.close()


# -- data ----------------------------------------------------------------------------------------


def import_form(
    text: str,
    *,
    age_days: float = 0,
    pinned: bool = False,
    archived: bool = False,
    tags: list[str] | None = None,
    folder_id: str | None = None,
) -> dict[str, Any]:
    chat, _, _ = chat_body(text, title=f"Chat {text}")
    chat["tags"] = tags or []
    updated = int(time.time() - age_days * DAY)
    return {
        "chat": chat,
        "meta": {"tags": tags or []},
        "pinned": pinned,
        "archived": archived,
        "folder_id": folder_id,
        "created_at": updated - 3600,
        "updated_at": updated,
    }


def fill(account: Account, count: int = 12) -> list[dict[str, Any]]:
    """Chats of every kind: pinned, archived, tagged, in a folder, old, through import and
    through the ordinary routes (create, tag, pin, archive)."""
    folder = httpx.post(
        f"{account.base_url}/api/v1/folders/",
        json={"name": f"Folder {uuid.uuid4().hex[:6]}"},
        headers={"Authorization": f"Bearer {account.user.token}"},
        timeout=60,
    )
    folder.raise_for_status()
    folder_id = folder.json()["id"]
    forms = [
        import_form(
            f"item {n} {uuid.uuid4().hex[:6]}",
            age_days=n * 3,
            pinned=n % 4 == 1,
            archived=n % 5 == 2,
            tags=["work", f"t{n % 3}"] if n % 2 else [],
            folder_id=folder_id if n % 6 == 3 else None,
        )
        for n in range(count)
    ]
    account.client.import_chats({"chats": forms})
    made = account.client.create_new({"chat": chat_body("made by hand", title="By hand")[0]})
    assert made is not None
    account.client.add_tag(made.id, {"name": "manual"})
    account.client.pin(made.id)
    other = account.client.create_new({"chat": chat_body("to archive", title="Archived")[0]})
    assert other is not None
    account.client.archive(other.id)
    return account.chats()


def ndjson_lines(count: int, prefix: str = "bulk") -> list[str]:
    """Chats as ``export`` writes them (ids of a server that is not these ones)."""
    lines = []
    for n in range(count):
        form = import_form(f"{prefix} {n} {uuid.uuid4().hex[:6]}", age_days=n)
        lines.append(
            json.dumps(
                {
                    "id": str(uuid.uuid4()),
                    "user_id": "someone-else",
                    "title": form["chat"]["title"],
                    **form,
                }
            )
        )
    return lines


def strip_authors(chat: dict[str, Any]) -> dict[str, Any]:
    """The chat payload less what Open WebUI 0.12.4 rewrites on import (message authors)."""
    chat = json.loads(json.dumps(chat))
    messages = list(chat.get("history", {}).get("messages", {}).values())
    messages += chat.get("messages", [])
    for message in messages:
        message.pop("user_id", None)
        message.pop("user", None)
    return chat


def assert_copied(source: list[dict[str, Any]], destination: list[dict[str, Any]]) -> None:
    """Every source chat is on the destination exactly once, field by field."""
    marks = collections.Counter(chat["meta"].get(MARK) for chat in destination)
    assert len(destination) == len(source)
    assert all(count == 1 for count in marks.values()), marks
    by_mark = {chat["meta"][MARK]: chat for chat in destination}
    for original in source:
        copy = by_mark[original["meta"].get(MARK) or f"chat:{original['id']}"]
        assert copy["id"] != original["id"]
        assert copy["title"] == original["title"]
        assert strip_authors(copy["chat"]) == strip_authors(original["chat"])
        meta = {k: v for k, v in copy["meta"].items() if k != MARK}
        assert meta == {k: v for k, v in original["meta"].items() if k != MARK}
        for field in ("pinned", "archived", "created_at", "updated_at", "current_message_id"):
            assert copy[field] == original[field], field
        assert copy["variables"] == original["variables"]
        # The source's folders do not exist on the destination: the server clears the id.
        assert copy["folder_id"] is None
        assert copy["meta"].get("tags", []) == original["meta"].get("tags", [])


def cut_request() -> httpx.Request:
    return httpx.Request("POST", "http://127.0.0.1/api/v1/chats/import")


def marks_of(account: Account) -> collections.Counter[str]:
    return collections.Counter(chat["meta"].get(MARK) for chat in account.chats())


# -- export and import -------------------------------------------------------------------------


def test_export_then_import_into_a_second_server(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    second_server: Any,
    tmp_path: Path,
) -> None:
    source = accounts(seed)
    chats = fill(source)
    assert any(c["pinned"] for c in chats) and any(c["archived"] for c in chats)
    assert any(c["folder_id"] for c in chats) and any(c["meta"].get("tags") for c in chats)
    target = tmp_path / "chats.ndjson"

    run = cli("export", "-o", str(target), *source.args())
    assert run.code == 0, run.err
    assert f"exported {len(chats)} chats" in run.err
    assert source.key not in run.err + run.out
    assert [p.name for p in tmp_path.iterdir()] == ["chats.ndjson"]  # no temporary file left
    lines = target.read_text().splitlines()
    # One chat a line, exactly as the server stores and streams it.
    assert [json.loads(line) for line in lines] == chats
    assert source.key not in target.read_text()

    destination = accounts(second_server.seed)
    run = cli("import", str(target), *destination.args())
    assert run.code == 0, run.err
    assert f"imported {len(chats)} chats" in run.err
    copied = destination.chats()
    assert_copied(chats, copied)
    tags = {tag.name for tag in destination.client.get_all_tags()}
    assert {"work", "manual"} <= tags
    assert len(destination.client.get_pinned()) == sum(c["pinned"] for c in chats)
    assert destination.client.get_archived_count() == sum(c["archived"] for c in chats)

    # A second run finds everything there and imports nothing.
    run = cli("import", str(target), *destination.args())
    assert run.code == 0, run.err
    assert "imported 0 chats" in run.err and f"{len(chats)} already there" in run.err
    assert len(destination.chats()) == len(chats)


def test_export_to_stdout(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any
) -> None:
    account = accounts(seed)
    account.client.import_chats({"chats": [import_form("one"), import_form("two")]})
    run = cli("export", "-o", "-", "--quiet", *account.args())
    assert run.code == 0
    assert run.err == ""
    assert [json.loads(line) for line in run.out.splitlines()] == account.chats()


def test_import_of_the_web_page_export_array(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    """The JSON array of "Export All Chats" (the chats as the server returns them)."""
    source = accounts(seed)
    source.client.import_chats(
        {"chats": [import_form("web a", pinned=True), import_form("web b", tags=["x"])]}
    )
    chats = source.chats()
    path = tmp_path / "chat-export.json"
    path.write_text(json.dumps(chats, indent=2))
    destination = accounts(seed)
    run = cli("import", str(path), *destination.args())
    assert run.code == 0, run.err
    assert_copied(chats, destination.chats())


def test_dry_run_imports_nothing(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    path = tmp_path / "in.ndjson"
    path.write_text("\n".join(ndjson_lines(3)) + "\n")
    account = accounts(seed)
    run = cli("import", str(path), "--dry-run", *account.args())
    assert run.code == 0, run.err
    assert run.out.count("would import") == 3
    assert "dry run: 3 chats would be imported" in run.err
    assert account.chats() == []


# -- resuming ------------------------------------------------------------------------------------


def test_import_killed_midway_then_rerun_imports_each_chat_once(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    lines = ndjson_lines(60, "killed")
    path = tmp_path / "in.ndjson"
    path.write_text("\n".join(lines) + "\n")
    account = accounts(seed)
    env = {
        **os.environ,
        "OPENWEBUI_BASE_URL": account.base_url,
        "OPENWEBUI_API_KEY": account.key,
    }
    command = [sys.executable, "-m", "owui_chats_client.cli", "import", str(path)]
    child = subprocess.Popen(
        [*command, "--batch-size", "5", "--verbose"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert child.stderr is not None
    seen = []
    for line in child.stderr:  # kill it as soon as the third batch is confirmed
        seen.append(line)
        if line.startswith("batch 3:"):
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL, "".join(seen)
    partial = marks_of(account)
    assert 15 <= sum(partial.values()) < 60
    assert all(count == 1 for count in partial.values())

    run = cli("import", str(path), *account.args())
    assert run.code == 0, run.err
    marks = marks_of(account)
    expected = {f"chat:{json.loads(line)['id']}" for line in lines}
    assert set(marks) == expected
    assert all(count == 1 for count in marks.values())


@pytest.mark.parametrize("failure", ["interrupt", "connection"])
def test_interrupted_after_the_server_accepted_a_batch(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
) -> None:
    """The worst moment: the server has stored a batch, the command never learns it (Ctrl-C, or
    the connection drops before the answer). The rerun must not import that batch again."""
    lines = ndjson_lines(20, f"accepted-{failure}")
    path = tmp_path / "in.ndjson"
    path.write_text("\n".join(lines) + "\n")
    account = accounts(seed)
    real = ChatsClient.import_chats
    calls = 0

    def import_then_fail(self: ChatsClient, form_data: Any) -> Any:
        nonlocal calls
        calls += 1
        result = real(self, form_data)  # the server really stores the batch
        if calls == 2:
            if failure == "interrupt":
                raise KeyboardInterrupt
            raise APIConnectionError(
                "connection reset by peer (before the answer arrived)", request=cut_request()
            )
        return result

    monkeypatch.setattr(ChatsClient, "import_chats", import_then_fail)
    run = cli("import", str(path), "--batch-size", "5", *account.args())
    assert run.code == (130 if failure == "interrupt" else 4), run.err
    assert "run the same command again" in run.err or "cannot reach http://" in run.err
    assert sum(marks_of(account).values()) == 10  # two batches stored, the second unconfirmed
    monkeypatch.setattr(ChatsClient, "import_chats", real)

    run = cli("import", str(path), "--batch-size", "5", *account.args())
    assert run.code == 0, run.err
    assert "10 already there" in run.err
    marks = marks_of(account)
    assert len(marks) == 20 and all(count == 1 for count in marks.values())


# -- migrate -------------------------------------------------------------------------------------


def test_migrate_to_a_second_server(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, second_server: Any
) -> None:
    source = accounts(seed)
    chats = fill(source, count=8)
    destination = accounts(second_server.seed)
    to = ["--to-base-url", destination.base_url, "--to-api-key", destination.key]
    run = cli("migrate", *source.args(), *to, "--batch-size", "4")
    assert run.code == 0, run.err
    assert f"copied {len(chats)} chats" in run.err
    assert source.key not in run.err and destination.key not in run.err
    assert_copied(chats, destination.chats())

    run = cli("migrate", *source.args(), *to)
    assert run.code == 0, run.err
    assert "copied 0 chats" in run.err and f"{len(chats)} already there" in run.err
    assert len(destination.chats()) == len(chats)


def test_migrate_interrupted_then_rerun(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    second_server: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = accounts(seed)
    source.client.import_chats({"chats": [import_form(f"m{n}") for n in range(9)]})
    chats = source.chats()
    destination = accounts(second_server.seed)
    to = ["--to-base-url", destination.base_url, "--to-api-key", destination.key]
    real = ChatsClient.import_chats

    def once_then_cut(self: ChatsClient, form_data: Any) -> Any:
        real(self, form_data)
        raise APIConnectionError("connection dropped", request=cut_request())

    monkeypatch.setattr(ChatsClient, "import_chats", once_then_cut)
    assert cli("migrate", *source.args(), *to, "--batch-size", "4").code == 4
    monkeypatch.setattr(ChatsClient, "import_chats", real)
    assert len(destination.chats()) == 4
    run = cli("migrate", *source.args(), *to, "--batch-size", "4")
    assert run.code == 0, run.err
    assert "copied 5 chats" in run.err and "4 already there" in run.err
    assert_copied(chats, destination.chats())


# The command in a child process whose second import request is stored by the server, then its
# answer is held back forever (the process is killed while waiting for it).
HOLD_SECOND_ANSWER = """
import sys, threading
from owui_chats_client import ChatsClient
from owui_chats_client.cli import main
real, calls = ChatsClient.import_chats, []
def held(self, form_data):
    calls.append(1)
    answer = real(self, form_data)
    if len(calls) == 2:
        print("test: batch 2 stored, its answer held", file=sys.stderr, flush=True)
        threading.Event().wait()
    return answer
ChatsClient.import_chats = held
sys.exit(main(sys.argv[1:]))
"""


def test_migrate_killed_while_a_batch_is_in_flight_and_the_next_is_read(
    accounts: Callable[[Any], Account], seed: Any, second_server: Any, cli: Callable[..., Run]
) -> None:
    """Reading and storing overlap: kill the command when batch 2 is stored but not yet
    confirmed and batch 3 is read from the source; the rerun copies each chat once."""
    source = accounts(seed)
    source.client.import_chats({"chats": [import_form(f"k{n}") for n in range(14)]})
    chats = source.chats()
    destination = accounts(second_server.seed)
    to = ["--to-base-url", destination.base_url, "--to-api-key", destination.key]
    args = ["migrate", *source.args(), *to, "--batch-size", "4"]
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_SECOND_ANSWER, *args, "--verbose"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert child.stderr is not None
    # Without overlap batch 3 is never read while batch 2 waits: end the child then (a guard,
    # not a wait: the cue comes as soon as the command reads on).
    guard = threading.Timer(120, child.kill)
    guard.start()
    seen: list[str] = []
    waiting = {"test: batch 2 stored", "read batch 3:"}
    for line in child.stderr:
        seen.append(line)
        waiting = {start for start in waiting if not line.startswith(start)}
        if not waiting:
            child.send_signal(signal.SIGKILL)
            break
    guard.cancel()
    child.wait(timeout=60)
    child.stderr.close()
    assert not waiting, f"batch 3 was not read while batch 2 was in flight: {''.join(seen)}"
    assert child.returncode == -signal.SIGKILL, "".join(seen)
    assert not any(line.startswith(("batch 2: imported", "batch 3: imported")) for line in seen)
    assert len(destination.chats()) == 8  # batches 1 and 2; the third read, never sent

    run = cli(*args)
    assert run.code == 0, run.err
    assert "copied 6 chats" in run.err and "8 already there" in run.err
    assert_copied(chats, destination.chats())


# -- prune ---------------------------------------------------------------------------------------


def test_prune(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    account = accounts(seed)
    account.client.import_chats(
        {
            "chats": [
                import_form("old plain", age_days=100),
                import_form("old plain 2", age_days=45),
                import_form("old pinned", age_days=100, pinned=True),
                import_form("old archived", age_days=100, archived=True),
                import_form("recent", age_days=5),
                import_form("recent pinned", age_days=1, pinned=True),
            ]
        }
    )
    before = account.chats()
    titles = {chat["title"]: chat["id"] for chat in before}

    run = cli("prune", "--older-than", "30", "--dry-run", *account.args())
    assert run.code == 0, run.err
    listed = {line.split("  ")[-1] for line in run.out.splitlines()}
    assert listed == {"Chat old plain", "Chat old plain 2", "Chat old pinned", "Chat old archived"}
    assert all(line.startswith("would delete") for line in run.out.splitlines())
    assert "4 of 6 chats" in run.err
    assert account.chats() == before  # nothing deleted

    backup = tmp_path / "pruned.ndjson"
    run = cli(
        "prune",
        "--older-than",
        "30",
        "--keep-pinned",
        "--keep-archived",
        "--export-to",
        str(backup),
        *account.args(),
    )
    assert run.code == 0, run.err
    assert "deleted 2 of 6 chats" in run.err
    left = {chat["title"] for chat in account.chats()}
    assert left == {"Chat old pinned", "Chat old archived", "Chat recent", "Chat recent pinned"}
    saved = [json.loads(line) for line in backup.read_text().splitlines()]
    assert {chat["id"] for chat in saved} == {titles["Chat old plain"], titles["Chat old plain 2"]}
    assert saved == [chat for chat in before if chat["id"] in {c["id"] for c in saved}]

    # The backup restores what was pruned.
    assert cli("import", str(backup), *account.args()).code == 0
    assert len(account.chats()) == 6


# -- ChatGPT -------------------------------------------------------------------------------------


def test_import_of_a_chatgpt_export(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any
) -> None:
    account = accounts(seed)
    run = cli("import", str(CHATGPT_FIXTURE), *account.args())
    # The third conversation holds only a hidden system message: reported, skipped, status 1.
    assert run.code == 1, run.err
    assert "skipped item 3: ChatGPT conversation (untitled): it has no message" in run.err
    chats = {chat["title"]: chat for chat in account.chats()}
    assert set(chats) == {"Trip to Lisbon", "Sum a list in Python"}

    trip = chats["Trip to Lisbon"]
    assert trip["meta"][MARK] == "chatgpt:6a1f0c9e-1111-4c1e-9d2b-000000000001"
    assert (trip["created_at"], trip["updated_at"]) == (1717000000, 1717000900)
    assert trip["archived"] is False
    history = trip["chat"]["history"]
    messages = history["messages"]
    # The root placeholder, the hidden system message and the custom instructions are gone.
    assert set(messages) == {"u-1", "a-1", "u-2", "a-2", "u-2b", "tool-call", "tool-1", "a-2b"}
    assert messages["u-1"]["parentId"] is None
    # The edited question is a branch beside the original one, in ChatGPT's order.
    assert messages["a-1"]["childrenIds"] == ["u-2", "u-2b"]
    assert messages["u-2"]["parentId"] == messages["u-2b"]["parentId"] == "a-1"
    assert history["currentId"] == "a-2b"
    assert [m["id"] for m in trip["chat"]["messages"]] == [
        "u-1",
        "a-1",
        "u-2b",
        "tool-call",
        "tool-1",
        "a-2b",
    ]
    # The tool message with a null part carried nothing: dropped, its child re-attached.
    assert messages["a-2b"]["parentId"] == "tool-1"
    assert messages["tool-1"]["role"] == "assistant"
    assert messages["tool-1"]["chatgpt"] == {"role": "tool", "name": "browser"}
    assert messages["tool-1"]["content"].startswith("# Alfama restaurants")
    assert messages["a-1"]["model"] == "gpt-4o" and messages["a-1"]["done"] is True
    assert messages["u-1"]["timestamp"] == 1717000010
    edited = messages["u-2b"]
    assert edited["content"] == "Where to eat near this place? See the menu too."
    names = [a.get("name") for a in edited["attachments"]]
    assert names[:2] == ["menu.pdf", "street.jpg"]
    assert edited["attachments"][2]["asset_pointer"] == "file-service://file-Img123"
    # Open WebUI 0.12.4 makes the importing user the author of every message.
    assert {m["user_id"] for m in messages.values()} == {account.user.id}

    code = chats["Sum a list in Python"]
    assert code["archived"] is True
    assert code["chat"]["params"] == {"system": "You are a helpful coding tutor."}
    code_messages = code["chat"]["history"]["messages"]
    assert code_messages["c2"]["content"] == "```python\nprint(sum([1, 2, 3]))\n```"
    assert code_messages["o2"]["content"] == "6"
    assert code_messages["q2"]["parentId"] is None  # its system parent became params.system

    # Rerun: nothing new, the bad conversation reported again.
    run = cli("import", str(CHATGPT_FIXTURE), *account.args())
    assert run.code == 1
    assert "imported 0 chats" in run.err and "2 already there, 1 skipped" in run.err


CLAUDE_FIXTURE = ROOT / "tests" / "fixtures" / "claude-conversations.json"
CHATGPT_ONE_FIXTURE = ROOT / "tests" / "fixtures" / "chatgpt-reasoning-conversation.json"
OUTPUT = Path(os.environ.get("OWUI_TEST_OUTPUT", ROOT / "test-output"))


def claude_zip(path: Path) -> Path:
    """Claude's export as it is sent: the conversations beside the users and projects."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("users.json", json.dumps([{"uuid": "acc00000", "full_name": "A"}]))
        archive.writestr("projects.json", "[]")
        archive.write(CLAUDE_FIXTURE, "conversations.json")
    return path


def test_import_of_a_claude_export(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    account = accounts(seed)
    run = cli("import", str(CLAUDE_FIXTURE), *account.args())
    assert run.code == 1, run.err  # the conversation without messages is reported
    assert "skipped item 4: Claude conversation 'Empty draft': it has no messages" in run.err
    assert "imported 3 chats" in run.err
    chats = {chat["title"]: chat for chat in account.chats()}
    assert set(chats) == {"Sourdough starter troubleshooting", "Haiku about autumn", "New Chat"}

    starter = chats["Sourdough starter troubleshooting"]
    assert starter["meta"][MARK] == "claude:c1a0de00-0000-4a00-8000-000000000001"
    assert (starter["created_at"], starter["updated_at"]) == (1740906904, 1740907300)
    history = starter["chat"]["history"]
    messages = history["messages"]
    order = [f"c1m00000-0000-4000-8000-00000000000{n}" for n in (1, 2, 3, 4)]
    assert history["currentId"] == order[-1]
    assert [m["id"] for m in starter["chat"]["messages"]] == order
    assert [messages[i]["role"] for i in order] == ["user", "assistant", "user", "assistant"]
    assert [messages[i]["parentId"] for i in order] == [None, *order[:3]]
    assert messages[order[0]]["timestamp"] == 1740906904
    assert [a["name"] for a in messages[order[0]]["attachments"]] == ["feeding-log.txt", "jar.jpg"]
    assert messages[order[0]]["attachments"][0]["extracted_content"].endswith("acetone smell")
    answer = messages[order[1]]["content"]
    assert answer.startswith('<details type="reasoning" done="true" duration="6">\n')
    assert (
        '<details type="tool_calls" done="true" id="toolu_01A2B3C4D5" name="web_search"' in answer
    )
    assert answer.endswith("Feed it twice a day at 1:2:2 for a few days.")
    assert messages[order[1]]["done"] is True

    haiku = chats["Haiku about autumn"]["chat"]
    first = haiku["history"]["messages"]["c2m00000-0000-4000-8000-000000000001"]
    assert len(first["childrenIds"]) == 2  # the retried answer kept as a branch
    assert [m["content"] for m in haiku["messages"]][-1] == "Rain. Smoke. Red."

    # The zip Claude sends: the same conversations, all already there.
    run = cli("import", str(claude_zip(tmp_path / "data-2025-05-01.zip")), *account.args())
    assert run.code == 1, run.err
    assert "imported 0 chats" in run.err and "3 already there, 1 skipped" in run.err
    assert len(account.chats()) == 3


def test_import_of_chatgpt_zips_folders_and_single_conversations(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    import zipfile

    conversations = json.loads(CHATGPT_FIXTURE.read_bytes())
    download = tmp_path / "chatgpt-export.zip"
    with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("chat.html", "<html></html>")
        archive.writestr("user.json", '{"id": "user-abc"}')
        archive.writestr("conversations-000.json", json.dumps(conversations[:1]))
        archive.writestr("conversations-001.json", json.dumps(conversations[1:]))
    account = accounts(seed)
    run = cli("import", str(download), str(CHATGPT_ONE_FIXTURE), *account.args())
    assert run.code == 1, run.err
    assert (
        f"skipped {download}:conversations-001.json item 2: ChatGPT conversation (untitled)"
        in run.err
    )
    assert "imported 3 chats" in run.err and "from 3 files" in run.err
    chats = {chat["title"]: chat for chat in account.chats()}
    assert set(chats) == {"Trip to Lisbon", "Sum a list in Python", "Yellow pothos leaves"}
    pothos = chats["Yellow pothos leaves"]["chat"]["history"]["messages"]
    assert list(pothos) == [
        "user-r1",
        "answer-r1",
        "user-r2",
        "canvas-call",
        "canvas-tool",
        "answer-r2",
    ]
    assert pothos["answer-r1"]["content"].startswith(
        '<details type="reasoning" done="true" duration="14">\n'
        "<summary>Thought for 14 seconds</summary>\n&gt; Identifying the plant\n"
    )
    assert pothos["canvas-tool"]["chatgpt"] == {"role": "tool", "name": "canmore.create_textdoc"}

    # The export unpacked into a folder, and the same conversation compacted to one line.
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    (unpacked / "conversations.json").write_bytes(CHATGPT_FIXTURE.read_bytes())
    (unpacked / "user.json").write_text('{"id": "user-abc"}')
    one_line = tmp_path / "pothos.json"
    one_line.write_text(json.dumps(json.loads(CHATGPT_ONE_FIXTURE.read_bytes())))
    run = cli("import", str(unpacked), str(one_line), *account.args())
    assert run.code == 1, run.err
    assert "imported 0 chats" in run.err and "3 already there, 1 skipped" in run.err
    assert len(account.chats()) == 3


def test_an_imported_claude_chat_in_the_web_page(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any
) -> None:
    """The web page shows the imported reasoning and tool call as it shows its own: grouped,
    collapsed under "Explored web_search", opening onto "Thought for 6 seconds" and the tool;
    the answer and the next turn follow, and no markup shows."""
    from live.browser import browser

    account = accounts(seed)
    assert cli("import", str(CLAUDE_FIXTURE), *account.args()).code == 1
    starter = next(c for c in account.chats() if c["title"] == "Sourdough starter troubleshooting")

    def shows(*texts: str) -> str:
        return (
            "(() => { const t = document.body.innerText; return "
            + " && ".join(f"t.includes({text!r})" for text in texts)
            + "; })()"
        )

    needles = [
        "My starter smells like nail polish",
        "Explored web_search",
        "It is not dead",
        "What ratio exactly?",
        "20 g starter, 40 g flour, 40 g water.",
    ]
    with browser() as page:
        page.open_as(seed.base_url, f"/c/{starter['id']}", account.user.token)
        page.wait_for(shows(*needles))
        collapsed = page.text()
        page.evaluate(
            "[...document.querySelectorAll('[aria-label=\"Toggle details\"]')]"
            ".find(b => b.innerText.includes('Explored')).click()"
        )
        page.wait_for(shows("Thought for 6 seconds", "View Result from web_search"))
        opened = page.text()
        shot = page.screenshot(OUTPUT / "claude-import-in-web-page.png")
    assert "Thought for 6 seconds" not in collapsed  # the group starts collapsed
    positions = [collapsed.index(needle) for needle in needles]
    assert positions == sorted(positions)
    for text in (collapsed, opened):
        assert "&gt;" not in text and "<details" not in text and "<summary>" not in text
    assert opened.index("Thought for 6 seconds") < opened.index("It is not dead")
    assert shot.stat().st_size > 10_000


def broken_chat(word: str) -> dict[str, Any]:
    """A chat payload whose tree is broken as the page cannot open it: ``currentId`` names no
    message, a child id points nowhere, the last question's parent is missing (its parent still
    lists it), and an answer was left unfinished."""
    now = int(time.time())

    def message(key: str, role: str, text: str, parent: str | None, children: list[str]) -> Any:
        item: dict[str, Any] = {
            "id": key,
            "parentId": parent,
            "childrenIds": children,
            "role": role,
            "content": f"{text} {word}",
            "timestamp": now + len(text),
        }
        if role == "assistant":
            item.update(model="echo", done=True)
        else:
            item["models"] = ["echo"]
        return item

    messages = {
        "q1": message("q1", "user", "Question one", None, ["a1"]),
        "a1": message("a1", "assistant", "Answer number one", "q1", ["q2", "ghost"]),
        "q2": message("q2", "user", "Question number two", "a1", ["a2"]),
        "a2": message("a2", "assistant", "Answer number two, cut", "q2", ["q3"]),
        "q3": message("q3", "user", "Question number three, orphaned", "lost", []),
    }
    messages["a2"]["done"] = False
    return {
        "title": f"Broken {word}",
        "models": ["echo"],
        "history": {"messages": messages, "currentId": "nowhere"},
        "messages": [messages["q1"], messages["a1"]],
    }


BROKEN_PROBLEMS = [
    "a1: child 'ghost' is missing",
    "a2: child q3 names another parent",
    "q3: parent 'lost' is missing",
    "currentId 'nowhere' is not a message",
    "a2: answer left unfinished (done: false)",
]


def test_import_repairs_a_broken_tree(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    from owui_chats_client import MessageTree

    word = uuid.uuid4().hex[:8]
    path = tmp_path / "broken.ndjson"
    path.write_text(json.dumps({"id": str(uuid.uuid4()), "chat": broken_chat(word)}) + "\n")
    account = accounts(seed)
    run = cli("import", str(path), "--dry-run", *account.args())
    assert run.code == 0 and f"would repair line 1: {'; '.join(BROKEN_PROBLEMS)}" in run.err
    assert account.chats() == []
    run = cli("import", str(path), *account.args())
    assert run.code == 0, run.err
    assert f"repaired line 1: {'; '.join(BROKEN_PROBLEMS)}" in run.err
    (stored,) = account.chats()
    tree = MessageTree.from_chat(stored["chat"])
    assert tree.problems() == []
    assert [m["id"] for m in tree.path()] == ["q1", "a1", "q2", "a2", "q3"]
    assert stored["chat"]["messages"] == tree.linear()
    assert tree.messages["a2"]["done"] is True
    assert tree.messages["a2"]["content"] == f"Answer number two, cut {word}"  # kept as it was


def test_doctor_finds_and_repairs_what_the_page_cannot_open(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    """Broken through the API, the chat does not show its conversation in the web page (a
    spinner that does not end, above the orphaned last question alone);
    ``doctor`` lists it (and only it), ``doctor --fix`` backs it up and repairs it in place,
    and the page then shows every message."""
    from live.browser import browser

    from owui_chats_client import MessageTree

    account = accounts(seed)
    word = uuid.uuid4().hex[:8]
    sound = account.client.create_new({"chat": chat_body(f"sound {word}")[0]})
    broken = account.client.create_new({"chat": broken_chat(word)})
    assert sound is not None and broken is not None
    texts = [
        f"Question one {word}",
        f"Answer number one {word}",
        f"Question number two {word}",
        f"Answer number two, cut {word}",
        f"Question number three, orphaned {word}",
    ]
    script = (
        "(() => { const t = document.body.innerText; return "
        + " && ".join(f"t.includes({text!r})" for text in texts)
        + "; })()"
    )

    with browser() as page:
        page.open_as(seed.base_url, f"/c/{broken.id}", account.user.token)
        page.wait_for(f"document.body.innerText.includes({broken.title!r})")
        # What the page does: a "Loading..." spinner at the top of the conversation that does
        # not end, and of the messages only the one it can place (the orphaned question).
        page.wait_for(
            "(() => { const t = document.body.innerText; "
            "return t.includes('Chat Conversation\\nLoading...') && "
            f"t.includes({texts[-1]!r}); }})()"
        )
        before = page.text()
        page.screenshot(OUTPUT / "broken-chat-in-web-page.png")
        assert not any(text in before for text in texts[:-1]), before

        run = cli("doctor", *account.args())
        assert run.code == 1, run.err
        assert run.out == f"broken  {broken.id}  {broken.title}  {'; '.join(BROKEN_PROBLEMS)}\n"
        assert "1 of 2 chats have a broken message tree or a stuck answer" in run.err

        backup = tmp_path / "doctor-backup.ndjson"
        run = cli("doctor", "--fix", "--backup-to", str(backup), *account.args())
        assert run.code == 0, run.err
        assert run.out.startswith(f"repairing  {broken.id}  {broken.title}")
        assert f"backed up 1 chats to {backup}" in run.err
        assert "repaired 1 of 2 chats" in run.err
        (saved,) = [json.loads(line) for line in backup.read_text().splitlines()]
        assert saved["id"] == broken.id
        assert saved["chat"]["history"]["currentId"] == "nowhere"  # the chat as it was

        stored = account.client.get(broken.id)
        assert stored is not None
        tree = MessageTree.from_chat(stored.chat)
        assert tree.problems() == []
        assert [m["id"] for m in tree.path()] == ["q1", "a1", "q2", "a2", "q3"]
        assert cli("doctor", *account.args()).out == ""

        page.open_as(seed.base_url, f"/c/{broken.id}", account.user.token)
        page.wait_for(script)
        after = page.text()
        page.screenshot(OUTPUT / "repaired-chat-in-web-page.png")
    positions = [after.index(text) for text in texts]
    assert positions == sorted(positions)


# -- bad input -----------------------------------------------------------------------------------


def test_truncated_and_wrong_lines_are_reported_and_skipped(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    good = ndjson_lines(4, "good")
    path = tmp_path / "broken.ndjson"
    path.write_text(
        "\n".join(
            [
                good[0],
                '{"chat": }',  # line 2: not JSON
                good[1],
                '{"title": "no chat here"}',  # line 4: JSON, but not a chat
                "[1, 2]",  # line 5: not an object
                good[2],
                good[3][: len(good[3]) // 2],  # line 7: cut short, the file ends here
            ]
        )
    )
    account = accounts(seed)
    run = cli("import", str(path), *account.args())
    assert run.code == 1, run.err
    assert "skipped line 2: not valid JSON" in run.err
    assert "skipped line 4: has no 'chat' object" in run.err
    assert "skipped line 5: expected a chat object, got list" in run.err
    assert "skipped line 7: not valid JSON" in run.err and "truncated?" in run.err
    assert "imported 3 chats" in run.err and "4 skipped" in run.err
    assert len(account.chats()) == 3

    other = accounts(seed)
    run = cli("import", str(path), "--strict", *other.args())
    assert run.code == 6
    assert "line 2: not valid JSON" in run.err and "--strict" in run.err
    assert other.chats() == []


def test_empty_and_non_json_files(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    account = accounts(seed)
    empty = tmp_path / "empty.json"
    empty.write_text("")
    run = cli("import", str(empty), *account.args())
    assert run.code == 6 and "is empty" in run.err
    blank = tmp_path / "blank.json"
    blank.write_text("\n  \n")
    assert cli("import", str(blank), *account.args()).code == 6
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    run = cli("import", str(text), *account.args())
    assert run.code == 6 and "not a chat export" in run.err
    run = cli("import", str(tmp_path / "missing.json"), *account.args())
    assert run.code == 6 and "cannot read" in run.err
    assert account.chats() == []


def test_broken_json_array_stops_at_the_item(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    good = ndjson_lines(3, "array")
    path = tmp_path / "export.json"
    path.write_text("[" + good[0] + ",\n" + good[1] + ",\n" + '{"chat": {"title": oops}}' + "]")
    account = accounts(seed)
    run = cli("import", str(path), *account.args())
    assert run.code == 6, run.err
    assert "item 3 is not valid JSON" in run.err
    cut = tmp_path / "cut.json"
    cut.write_text("[" + good[0] + ",\n" + good[1][:40])
    run = cli("import", str(cut), *account.args())
    assert run.code == 6 and "item 2 is not valid JSON" in run.err


def test_huge_single_lines(
    cli: Callable[..., Run], accounts: Callable[[Any], Account], seed: Any, tmp_path: Path
) -> None:
    """A 24 MB line of garbage is skipped; a 6 MB chat goes through in its own request."""
    big = json.loads(ndjson_lines(1, "huge")[0])
    big["chat"]["history"]["messages"][big["chat"]["history"]["currentId"]]["content"] = (
        "x" * 6_000_000
    )
    path = tmp_path / "huge.ndjson"
    with path.open("w") as out:
        out.write('{"chat": "' + "y" * 24_000_000 + "\n")
        out.write(json.dumps(big) + "\n")
        out.write(ndjson_lines(1, "small")[0] + "\n")
    account = accounts(seed)
    run = cli("import", str(path), *account.args())
    assert run.code == 1, run.err
    assert "skipped line 1: not valid JSON" in run.err
    assert len(run.err) < 2000  # the bad line is not echoed whole
    chats = account.chats()
    assert len(chats) == 2
    assert max(len(json.dumps(chat)) for chat in chats) > 6_000_000


# -- server errors -------------------------------------------------------------------------------


def test_wrong_key_unreachable_server_wrong_url(
    cli: Callable[..., Run], seed: Any, tmp_path: Path
) -> None:
    import localserver

    target = tmp_path / "out.ndjson"
    bad_key = "sk-" + uuid.uuid4().hex
    run = cli("export", "-o", str(target), "--base-url", seed.base_url, "--api-key", bad_key)
    assert run.code == 3, run.err
    assert run.err.startswith("owui-chats: the server refused the API key")
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err
    assert bad_key not in run.err
    assert not target.exists() and list(tmp_path.iterdir()) == []

    run = cli("export", "-o", str(target), "-v", "--base-url", seed.base_url, "--api-key", bad_key)
    assert run.code == 3 and "Traceback" in run.err and bad_key not in run.err

    port = localserver.free_port()
    run = cli(
        "prune",
        "--older-than",
        "1",
        "--base-url",
        f"http://127.0.0.1:{port}",
        "--api-key",
        seed.api_key,
    )
    assert run.code == 4, run.err
    assert run.err.startswith(f"owui-chats: cannot reach http://127.0.0.1:{port}: ")
    assert len(run.err.strip().splitlines()) == 1 and seed.api_key not in run.err

    run = cli(
        "export",
        "-o",
        str(target),
        "--base-url",
        f"{seed.base_url}/not-here",
        "--api-key",
        seed.api_key,
    )
    assert run.code == 5, run.err
    assert "base URL" in run.err and len(run.err.strip().splitlines()) == 1
    assert not target.exists()

    path = tmp_path / "in.ndjson"
    path.write_text(ndjson_lines(1)[0] + "\n")
    run = cli("import", str(path), "--base-url", seed.base_url, "--api-key", bad_key)
    assert run.code == 3 and bad_key not in run.err


def test_missing_configuration(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENWEBUI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENWEBUI_API_KEY", raising=False)
    run = cli("export", "-o", str(tmp_path / "x"))
    assert run.code == 2 and "no server URL: pass --base-url or set OPENWEBUI_BASE_URL" in run.err
    run = cli("export", "-o", str(tmp_path / "x"), "--base-url", "http://127.0.0.1:9")
    assert run.code == 2 and "no API key" in run.err
    # A dry run without a server only checks the file.
    run = cli("import", str(CHATGPT_FIXTURE), "--dry-run")
    assert run.code == 1 and run.out.count("would import") == 2


def test_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ([], ["export"], ["import"], ["migrate"], ["prune"], ["doctor"]):
        with pytest.raises(SystemExit) as exited:
            main([*command, "--help"])
        assert exited.value.code == 0
        text = capsys.readouterr().out
        assert "exit status:" in text and "130" in text
        if command in ([], ["import"], ["migrate"]):
            assert "rewrites the author of imported messages" in text


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "owui-chats: error: the following arguments are required: COMMAND"),
        (["bogus"], "owui-chats: error: argument COMMAND: invalid choice: 'bogus'"),
        (["-q", "export", "-o", "x"], "owui-chats: error: unrecognized arguments: -q"),
        (["export"], "owui-chats export: error: the following arguments are required: -o"),
        (["prune", "--older-than", "soon"], "owui-chats prune: error: argument --older-than"),
        (["import", "f", "--batch-size", "0"], "owui-chats import: error: argument --batch-size"),
    ],
)
def test_usage_errors_name_the_command(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert says in err and err.startswith("usage: owui-chats")


def test_interrupted_export_leaves_no_file(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from owui_chats_client.cli import _common

    account = accounts(seed)
    account.client.import_chats({"chats": [import_form(f"e{n}") for n in range(5)]})

    def stop(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_common.Progress, "update", stop)
    run = cli("export", "-o", str(tmp_path / "out.ndjson"), *account.args())
    assert run.code == 130 and "interrupted" in run.err
    assert list(tmp_path.iterdir()) == []


def test_progress_on_a_terminal(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from owui_chats_client.cli import _common

    account = accounts(seed)
    account.client.import_chats({"chats": [import_form(f"p{n}") for n in range(3)]})
    monkeypatch.setattr(_common.Console, "is_tty", property(lambda self: True))
    run = cli("export", "-o", str(tmp_path / "out.ndjson"), *account.args())
    assert run.code == 0
    assert "\rexported" in run.err.replace("\x1b[K", "") and "chats/s" in run.err
    run = cli("export", "-o", str(tmp_path / "out.ndjson"), "--quiet", *account.args())
    assert run.code == 0 and run.err == ""


def test_import_from_stdin(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    account = accounts(seed)
    data = ("\n".join(ndjson_lines(2, "stdin")) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    run = cli("import", "-", *account.args())
    assert run.code == 0, run.err
    assert "imported 2 chats" in run.err and "from stdin" in run.err
    assert len(account.chats()) == 2


def test_export_of_every_user_then_restore(
    cli: Callable[..., Run],
    accounts: Callable[[Any], Account],
    seed: Any,
    second_server: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An admin's ``export --all-users`` holds every user's chats, each with its user_id;
    importing it refuses (naming the users) unless told to put them all under the caller."""
    import io

    alice, bob = accounts(seed), accounts(seed)
    for account, count in ((alice, 3), (bob, 2)):
        account.client.import_chats(
            {"chats": [import_form(f"{account.user.id[:8]} {n}") for n in range(count)]}
        )
    with ChatsClient(seed.base_url, seed.api_key) as admin:
        everyone = {chat.id: chat.user_id for chat in admin.get_all_db()}
    backup = tmp_path / "server.ndjson"
    admin_args = ["--base-url", seed.base_url, "--api-key", seed.api_key]
    run = cli("export", "--all-users", "-o", str(backup), *admin_args)
    assert run.code == 0, run.err
    lines = [json.loads(line) for line in backup.read_text().splitlines()]
    assert {line["id"]: line["user_id"] for line in lines} == everyone
    owners = collections.Counter(line["user_id"] for line in lines)
    assert (owners[alice.user.id], owners[bob.user.id]) == (3, 2)
    assert f"exported {len(lines):,} chats of {len(owners):,} users" in run.err
    titles = {line["title"] for line in lines if line["user_id"] == alice.user.id}
    assert titles == {f"Chat {alice.user.id[:8]} {n}" for n in range(3)}

    # Not the user's own: the first user to try the import is refused, nothing is sent.
    restorer = accounts(second_server.seed)
    run = cli("import", str(backup), *restorer.args())
    assert run.code == 6, run.err
    assert f"holds the chats of {len(owners)} users" in run.err
    assert f"{alice.user.id} (3 chats)" in run.err and f"{bob.user.id} (2 chats)" in run.err
    assert "--as-caller" in run.err
    assert restorer.chats() == []
    # From stdin, checked as it goes: stopped at the second user's first chat.
    picked = [line for owner in (alice, bob) for line in lines if line["user_id"] == owner.user.id]
    data = "".join(json.dumps(line) + "\n" for line in picked).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    run = cli("import", "-", "--batch-size", "1", *restorer.args())
    assert run.code == 6 and "stopped at line 4: the input holds the chats of several users" in (
        run.err
    ), run.err
    assert "3 chats were imported before it" in run.err
    assert len(restorer.chats()) == 3  # the first user's, in batches of one
    # Told to: every chat under the caller, once (the three already there skipped).
    run = cli("import", str(backup), "--as-caller", *restorer.args())
    assert run.code == 0, run.err
    assert f"imported {len(lines) - 3} chats" in run.err and "3 already there" in run.err
    stored = restorer.chats()
    assert len(stored) == len(lines)
    assert {chat["user_id"] for chat in stored} == {restorer.user.id}
    assert {chat["meta"][MARK] for chat in stored} == {f"chat:{line['id']}" for line in lines}
