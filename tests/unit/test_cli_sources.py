"""The input side of ``owui-chats import``, without a server: format detection, the JSON array
read item by item across buffer boundaries, NDJSON positions, keys, and the ChatGPT tree."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from owui_chats_client.cli import _sources
from owui_chats_client.cli._chatgpt import convert
from owui_chats_client.cli._common import CommandError
from owui_chats_client.cli._sources import MARK, Bad, Item, read_items

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "chatgpt-conversations.json"


def chat(title: str, chat_id: str | None = None, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "title": title,
        "chat": {"title": title, "history": {"messages": {}, "currentId": None}},
        "meta": {"tags": ["a"]},
        "pinned": True,
        "archived": False,
        "folder_id": None,
        "created_at": 1,
        "updated_at": 2,
        **extra,
    }
    if chat_id is not None:
        item["id"] = chat_id
    return item


def items(data: bytes) -> list[Item | Bad]:
    return list(read_items(io.BytesIO(data), "test"))


@pytest.fixture(params=[3, 1 << 20])
def read_size(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Every array test runs with a 3-byte read (items, strings, numbers and UTF-8 characters
    cut at every place) and with the normal 1 MiB one."""
    monkeypatch.setattr(_sources, "READ_SIZE", request.param)
    return int(request.param)


def test_array_items_across_buffer_boundaries(read_size: int) -> None:
    chats = [chat(f"Café ☕ {n} ünïcode 🎉", f"id-{n}", number=123456789 + n) for n in range(5)]
    data = json.dumps(chats, ensure_ascii=False, indent=2).encode()
    got = items(data)
    assert [type(item) for item in got] == [Item] * 5
    assert [item.position for item in got] == [f"item {n}" for n in range(1, 6)]
    assert [item.title for item in got] == [c["title"] for c in chats]
    assert [item.key for item in got] == [f"chat:id-{n}" for n in range(5)]
    first = got[0]
    assert first.form["meta"] == {"tags": ["a"], MARK: "chat:id-0"}
    assert first.form["pinned"] is True and first.form["created_at"] == 1


def test_array_of_scalars_and_odd_items(read_size: int) -> None:
    data = (
        b'\xef\xbb\xbf [ 12345 , "text", {"title": "x"}, '
        + json.dumps(chat("ok")).encode()
        + b"]\n"
    )
    got = items(data)
    assert isinstance(got[0], Bad) and got[0].reason == "expected a chat object, got int"
    assert isinstance(got[1], Bad) and got[1].position == "item 2"
    assert isinstance(got[2], Bad) and "has no 'chat' object" in got[2].reason
    assert isinstance(got[3], Item) and got[3].key.startswith("sha256:")


def test_the_same_item_gets_the_same_key(read_size: int) -> None:
    one = json.dumps([chat("same")]).encode()
    first, second = items(one)[0], items(one)[0]
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.key == second.key


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" + json.dumps(chat("a")).encode() + b', {"chat": oops}]', "item 2 is not valid JSON"),
        (b"[" + json.dumps(chat("a")).encode() + b', {"chat": {"ti', "item 2 is not valid JSON"),
        (b"[" + json.dumps(chat("a")).encode() + b",", "cut short after item 1"),
        (
            b"[" + json.dumps(chat("a")).encode() + b" " + json.dumps(chat("b")).encode() + b"]",
            "expected ',' or ']'",
        ),
        (b"[]  x", "unexpected data after"),
        (b"", "is empty"),
        (b" \n\t ", "is empty"),
        (b"hello", "not a chat export"),
    ],
)
def test_broken_files_stop_with_the_place(read_size: int, data: bytes, message: str) -> None:
    with pytest.raises(CommandError) as failed:
        items(data)
    assert message in str(failed.value)
    assert failed.value.status == 6


def test_ndjson_positions_and_a_truncated_end() -> None:
    lines = [json.dumps(chat("a", "1")), "", "not json", json.dumps(chat("b", "2"))[:30]]
    got = items("\n".join(lines).encode())
    assert isinstance(got[0], Item) and got[0].position == "line 1"
    assert isinstance(got[1], Bad) and got[1].position == "line 3"
    assert isinstance(got[2], Bad) and got[2].position == "line 4"
    assert "truncated?" in got[2].reason and "truncated?" not in got[1].reason


def test_an_origin_already_recorded_is_kept() -> None:
    item = chat("hop", "id-on-b", meta={MARK: "chatgpt:abc"})
    got = items(json.dumps(item).encode() + b"\n")[0]
    assert isinstance(got, Item) and got.key == "chatgpt:abc"


def test_chatgpt_tree_and_branches() -> None:
    conversations = json.loads(FIXTURE.read_text())
    form = convert(conversations[0])
    history = form["chat"]["history"]
    messages = history["messages"]
    for message_id, message in messages.items():  # both directions of every link agree
        for child in message["childrenIds"]:
            assert messages[child]["parentId"] == message_id
        if message["parentId"] is not None:
            assert message_id in messages[message["parentId"]]["childrenIds"]
    assert messages["a-1"]["childrenIds"] == ["u-2", "u-2b"]
    assert history["currentId"] == "a-2b"
    assert form["chat"]["messages"][-1]["id"] == "a-2b"
    got = items(FIXTURE.read_bytes())
    assert [type(item) for item in got] == [Item, Item, Bad]
    assert [item.key for item in got if isinstance(item, Item)] == [
        "chatgpt:6a1f0c9e-1111-4c1e-9d2b-000000000001",
        "chatgpt:6a1f0c9e-2222-4c1e-9d2b-000000000002",
    ]


def test_chatgpt_without_current_node_shows_the_newest_branch() -> None:
    conversation = json.loads(FIXTURE.read_text())[0]
    del conversation["current_node"]
    history = convert(conversation)["chat"]["history"]
    assert history["currentId"] == "a-2b"  # the last child, down from the last root
