"""The input side of ``owui-chats import``, without a server: format detection from the content,
the JSON array read item by item across buffer boundaries, NDJSON positions, single objects,
zip archives and folders, keys, and the ChatGPT and Claude trees."""

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
        b"\xef\xbb\xbf [ "
        + json.dumps(chat("ok")).encode()
        + b' , 12345 , "text", {"title": "x"}]\n'
    )
    got = items(data)
    assert isinstance(got[0], Item) and got[0].key.startswith("sha256:")
    assert isinstance(got[1], Bad) and got[1].reason == "expected a chat object, got int"
    assert isinstance(got[2], Bad) and got[2].position == "item 3"
    assert isinstance(got[3], Bad) and "has no 'chat' object" in got[3].reason


@pytest.mark.parametrize(
    ("data", "first"),
    [
        (b"[1, 2, 3]", "its first item is a number"),
        (b'[{"name": "x", "id": 1}]', "its first item is an object with 'name', 'id'"),
        (b'{"chats": [], "version": 2}\n', "its first line is an object with 'chats', 'version'"),
        (b'{\n  "users": [\n    {"id": 1}\n  ]\n}\n', "its first object is an object with 'users'"),
        (b'"just a string"', "not a chat export: it starts with"),
    ],
)
def test_a_file_of_no_known_shape_is_refused_in_one_line(
    read_size: int, data: bytes, first: str
) -> None:
    with pytest.raises(CommandError) as failed:
        items(data)
    message = str(failed.value)
    assert "\n" not in message and first in message and failed.value.status == 6
    if "first" in first:
        assert "ChatGPT conversations (with 'mapping')" in message
        assert "Claude conversations (with 'chat_messages')" in message


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


# -- layouts told from the content ----------------------------------------------------------------

CHATGPT_ONE = FIXTURE.parent / "chatgpt-reasoning-conversation.json"
CLAUDE = FIXTURE.parent / "claude-conversations.json"


class Trickle(io.BytesIO):
    """A stream that gives at most one byte per read or readline, as a slow pipe may."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(1)

    def readline(self, size: int | None = -1) -> bytes:
        return super().read(1)


def keys(got: list[Item | Bad]) -> list[str]:
    return [item.key for item in got if isinstance(item, Item)]


@pytest.mark.parametrize("trickle", [False, True])
def test_one_conversation_pretty_printed_or_not(read_size: int, trickle: bool) -> None:
    pretty = CHATGPT_ONE.read_bytes()
    assert pretty.startswith(b"{\n")
    compact = json.dumps(json.loads(pretty)).encode()
    for data in (pretty, compact, compact + b"\n", b"\xef\xbb\xbf" + pretty):
        stream: Any = Trickle(data) if trickle else io.BytesIO(data)
        got = list(read_items(stream, "one.json"))
        assert keys(got) == ["chatgpt:68253a11-2b4c-8000-9d1e-5c0ffee00001"], got
        layout = "object 1" if data.lstrip(b"\xef\xbb\xbf")[:2] == b"{\n" else "line 1"
        assert got[0].position == layout


def test_several_objects_one_after_another(read_size: int) -> None:
    one = json.loads(CHATGPT_ONE.read_bytes())
    other = {**one, "conversation_id": "other", "id": "other"}
    data = (json.dumps(one, indent=2) + "\n" + json.dumps(other, indent=4) + "\n").encode()
    got = items(data)
    assert keys(got) == ["chatgpt:68253a11-2b4c-8000-9d1e-5c0ffee00001", "chatgpt:other"]
    assert [item.position for item in got] == ["object 1", "object 2"]
    with pytest.raises(CommandError, match="object 2 is not valid JSON"):
        items(data[: len(data) // 2 + 40] + b"}")


def test_ndjson_lines_cut_short_are_not_taken_for_a_document() -> None:
    """An NDJSON file whose first line is cut inside a string is still read line by line."""
    good = json.dumps(chat("b", "2"))
    got = items(b'{"chat": {"title": "cut\n' + good.encode() + b"\n")
    assert isinstance(got[0], Bad) and got[0].position == "line 1"
    assert keys(got) == ["chat:2"]


def test_chatgpt_reasoning_canvas_and_images() -> None:
    got = items(CHATGPT_ONE.read_bytes())
    assert isinstance(got[0], Item)
    history = got[0].form["chat"]["history"]
    messages = history["messages"]
    # The hidden context and the thoughts and recap nodes are not messages of their own.
    assert list(messages) == [
        "user-r1",
        "answer-r1",
        "user-r2",
        "canvas-call",
        "canvas-tool",
        "answer-r2",
    ]
    answer = messages["answer-r1"]
    assert answer["parentId"] == "user-r1" and answer["model"] == "o3"
    assert answer["content"] == (
        '<details type="reasoning" done="true" duration="14">\n'
        "<summary>Thought for 14 seconds</summary>\n"
        "&gt; Identifying the plant\n"
        "&gt; Broad leaves with pale veins: likely a pothos.\n"
        "&gt; \n"
        "&gt; Yellowing causes\n"
        "&gt; Overwatering is the usual cause; check the soil.\n"
        "</details>\n"
        "It looks like a **pothos**. Yellow leaves usually mean too much water: let the top 3 cm"
        " of soil dry between waterings."
    )
    question = messages["user-r1"]
    assert question["content"] == "Which plant is this, and why are its leaves yellow?"
    pointers = [a.get("asset_pointer") for a in question["attachments"]]
    assert "file-service://file-7Hq2LmZpRr9" in pointers
    assert question["attachments"][0]["name"] == "leaf.jpg"
    assert messages["canvas-tool"]["chatgpt"] == {"role": "tool", "name": "canmore.create_textdoc"}
    assert messages["canvas-call"]["content"].startswith('```json\n{"name": "watering_schedule"')
    assert history["currentId"] == "answer-r2"


def test_a_recap_in_minutes_and_thoughts_without_recap() -> None:
    one = json.loads(CHATGPT_ONE.read_bytes())
    mapping = one["mapping"]
    mapping["recap-r1"]["message"]["metadata"].pop("finished_duration_sec")
    mapping["recap-r1"]["message"]["content"]["content"] = "Thought for 1m 5s"
    assert 'duration="65"' in convert(one)["chat"]["history"]["messages"]["answer-r1"]["content"]
    mapping["answer-r1"]["parent"] = "thoughts-r1"
    mapping["thoughts-r1"]["children"] = ["answer-r1"]
    del mapping["recap-r1"]
    content = convert(one)["chat"]["history"]["messages"]["answer-r1"]["content"]
    assert content.startswith('<details type="reasoning" done="true" duration="0">')


def test_claude_conversations() -> None:
    got = items(CLAUDE.read_bytes())
    assert [type(item) for item in got] == [Item, Item, Item, Bad]
    assert keys(got) == [f"claude:c1a0de00-0000-4a00-8000-00000000000{n}" for n in (1, 2, 3)]
    assert isinstance(got[3], Bad)
    assert got[3].reason == "Claude conversation 'Empty draft': it has no messages"
    starter, haiku, untitled = (item.form for item in got if isinstance(item, Item))
    assert starter["chat"]["title"] == "Sourdough starter troubleshooting"
    assert (starter["created_at"], starter["updated_at"]) == (1740906904, 1740907300)
    assert starter["meta"] == {MARK: "claude:c1a0de00-0000-4a00-8000-000000000001"}
    messages = starter["chat"]["history"]["messages"]
    ids = list(messages)
    assert [m["role"] for m in messages.values()] == ["user", "assistant", "user", "assistant"]
    assert [m["parentId"] for m in messages.values()] == [None, *ids[:3]]
    assert messages[ids[0]]["timestamp"] == 1740906904
    assert messages[ids[0]]["attachments"] == [
        {
            "type": "file",
            "name": "feeding-log.txt",
            "size": 182,
            "content_type": "txt",
            "extracted_content": "Day 1: 50g flour, 50g water\nDay 2: discard half, feed 1:1:1\n"
            "Day 3: acetone smell",
        },
        {"type": "file", "name": "jar.jpg"},
    ]
    answer = messages[ids[1]]
    assert answer["model"] == "claude" and answer["done"] is True
    reasoning, tool, text = answer["content"].split("</details>\n")
    assert reasoning == (
        '<details type="reasoning" done="true" duration="6">\n'
        "<summary>Thought for 6 seconds</summary>\n"
        "&gt; The user describes an acetone smell.\n"
        "&gt; That usually means the starter is hungry, not dead.\n"
    )
    assert tool == (
        '<details type="tool_calls" done="true" id="toolu_01A2B3C4D5" name="web_search" '
        'arguments="&quot;{\\&quot;query\\&quot;: \\&quot;sourdough starter acetone smell'
        '\\&quot;}&quot;" files="" embeds="">\n'
        "<summary>Tool Executed</summary>\n"
        "&quot;An acetone smell means the yeast ran out of food.&quot;\n"
    )
    assert text.startswith("It is not dead: an acetone smell means it is **hungry**.")
    assert messages[ids[2]]["content"] == "What ratio exactly? <b>grams</b> please"
    assert starter["chat"]["history"]["currentId"] == ids[3]

    # Branches from parent ids: the retried answer is a sibling, the newest message is shown.
    tree = haiku["chat"]["history"]
    first = tree["messages"]["c2m00000-0000-4000-8000-000000000001"]
    assert first["childrenIds"] == [
        "c2m00000-0000-4000-8000-000000000002",
        "c2m00000-0000-4000-8000-000000000003",
    ]
    assert tree["currentId"] == "c2m00000-0000-4000-8000-000000000005"
    assert [m["content"] for m in haiku["chat"]["messages"]] == [
        "Write a haiku about autumn.",
        "Maple smoke and rain",
        "Shorter, please.",
        "Rain. Smoke. Red.",
    ]
    # An older export: no content blocks, no parent ids, no name.
    assert untitled["chat"]["title"] == "New Chat"
    assert [m["content"] for m in untitled["chat"]["messages"]] == ["ping", "pong"]


def test_claude_result_without_its_call_and_top_level_text() -> None:
    conversation = json.loads(CLAUDE.read_bytes())[0]
    answer = conversation["chat_messages"][1]
    answer["content"] = [answer["content"][2], {"type": "text", "text": "done"}]
    form = _sources._claude.convert(conversation)
    content = form["chat"]["history"]["messages"][answer["uuid"]]["content"]
    assert content.startswith('<details type="tool_calls" done="true" id="')
    assert 'name="web_search"' in content and content.endswith("</details>\ndone")
    answer.pop("content")
    answer["text"] = "the joined text"
    form = _sources._claude.convert(conversation)
    assert form["chat"]["history"]["messages"][answer["uuid"]]["content"] == "the joined text"


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("2025-03-02T09:15:04.436758Z", 1740906904),
        ("2025-03-02T09:15:04.436Z", 1740906904),
        ("2025-03-02T09:15:04.43Z", 1740906904),  # Python 3.10's fromisoformat refuses these
        ("2025-03-02T09:15:04.4367581Z", 1740906904),
        ("2025-03-02T09:15:04Z", 1740906904),
        ("2025-03-02T10:15:04.5+01:00", 1740906904),
    ],
)
def test_claude_times_read_alike_on_every_python(written: str, seconds: int) -> None:
    conversation = json.loads(CLAUDE.read_bytes())[0]
    conversation["created_at"] = conversation["updated_at"] = written
    conversation["chat_messages"][0]["created_at"] = written
    form = _sources._claude.convert(conversation)
    assert (form["created_at"], form["updated_at"]) == (seconds, seconds)
    first = conversation["chat_messages"][0]["uuid"]
    assert form["chat"]["history"]["messages"][first]["timestamp"] == seconds


# -- zip archives and folders ---------------------------------------------------------------------


def chatgpt_zip(path: Path, *, split: bool = True) -> Path:
    """A ChatGPT export as downloaded: the conversations (split in two, as big exports are),
    the HTML page, the user and an uploaded image."""
    import zipfile

    conversations = json.loads(FIXTURE.read_bytes())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("user.json", json.dumps({"id": "user-abc", "email": "a@example.org"}))
        archive.writestr("chat.html", "<html><body>" + "x" * 5000 + "</body></html>")
        archive.writestr("file-Img123-street.jpg", b"\xff\xd8\xff" + b"\0" * 2000)
        if split:
            archive.writestr("conversations-000.json", json.dumps(conversations[:2]))
            archive.writestr("conversations-001.json", json.dumps(conversations[2:]))
        else:
            archive.writestr("conversations.json", json.dumps(conversations))
    return path


def test_a_zip_is_read_member_by_member(tmp_path: Path, read_size: int) -> None:
    found = _sources.sources([str(chatgpt_zip(tmp_path / "export.zip"))])
    assert [source.name for source in found] == [
        f"{tmp_path / 'export.zip'}:conversations-000.json",
        f"{tmp_path / 'export.zip'}:conversations-001.json",
    ]
    got = list(_sources.read_sources(found))
    assert [item.position.rsplit(":", 1)[1] for item in got] == [
        "conversations-000.json item 1",
        "conversations-000.json item 2",
        "conversations-001.json item 1",
    ]
    assert keys(got) == keys(items(FIXTURE.read_bytes()))


def test_zips_and_folders_that_hold_no_export_are_refused(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as archive:
        archive.writestr("a.jpg", b"\xff\xd8")
    with pytest.raises(CommandError, match=r"holds no conversations\.json"):
        _sources.sources([str(tmp_path / "photos.zip")])
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(CommandError, match=r"cannot read .*broken\.zip as a zip archive"):
        _sources.sources([str(tmp_path / "broken.zip")])
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("x")
    with pytest.raises(CommandError, match="holds no chat export"):
        _sources.sources([str(empty)])
    with pytest.raises(CommandError, match=r"cannot read .*missing\.json: no such file"):
        _sources.sources([str(chatgpt_zip(tmp_path / "ok.zip")), str(tmp_path / "missing.json")])


def test_a_folder_an_unpacked_export_or_files(tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    (unpacked / "conversations.json").write_bytes(FIXTURE.read_bytes())
    (unpacked / "user.json").write_text('{"id": "user-abc"}')
    (unpacked / "message_feedback.json").write_text("[]")
    assert [s.name for s in _sources.sources([str(unpacked)])] == [
        str(unpacked / "conversations.json")
    ]
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "b-claude.json").write_bytes(CLAUDE.read_bytes())
    (mixed / "a-one.json").write_bytes(CHATGPT_ONE.read_bytes())
    chatgpt_zip(mixed / "c-export.zip", split=False)
    (mixed / "readme.txt").write_text("not read")
    found = _sources.sources([str(mixed)])
    assert [Path(s.name.split(":")[0]).name for s in found] == [
        "a-one.json",
        "b-claude.json",
        "c-export.zip",
    ]
    got = list(_sources.read_sources(found))
    assert len(keys(got)) == 1 + 3 + 2
