"""Reading what ``import`` accepts, one chat at a time, as ``ChatImportForm`` dicts.

Three inputs, told apart by their first byte and by each item's shape:
- NDJSON, one chat a line, as ``owui-chats export`` writes it (``{`` first);
- the JSON array that the web page's "Export All Chats" writes (``[`` first, items with ``chat``);
- ChatGPT's ``conversations.json`` (``[`` first, items with ``mapping``).

Arrays are read item by item, so memory holds one chat at a time however big the file is.
Every chat gets a stable key that does not change from one run to the next; ``import`` stores it
in the imported chat's ``meta`` to recognise, on a rerun, what is already there.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

from ._chatgpt import ConversionError, conversation_key, convert
from ._common import INPUT, JSON_ERRORS, fail, loads

# The key of the chat's origin, in the imported chat's meta.
MARK = "imported_from"

READ_SIZE = 1 << 20


@dataclass
class Item:
    """One chat to import."""

    position: str  # "line 3", "item 5", "chat 12"
    key: str
    form: dict[str, Any]
    size: int  # bytes of the source item, for batch sizing
    kind: str  # "openwebui" or "chatgpt"

    @property
    def title(self) -> str:
        title = self.form["chat"].get("title")
        return title if isinstance(title, str) else ""


@dataclass
class Bad:
    """A line or item that cannot be imported, and why."""

    position: str
    reason: str


def content_key(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw.strip()).hexdigest()


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return None


def from_openwebui(value: Any, position: str, raw: bytes) -> Item | Bad:
    """A chat as Open WebUI exports it (``GET /api/v1/chats/all``, the web page's export)."""
    if not isinstance(value, Mapping):
        return Bad(position, f"expected a chat object, got {type(value).__name__}")
    if "mapping" in value:
        return from_chatgpt(value, position, raw)
    chat = value.get("chat")
    outer: Mapping[str, Any] = value
    if chat is None and ("history" in value or "messages" in value):
        chat, outer = value, {}  # a bare chat payload
    if not isinstance(chat, Mapping):
        return Bad(position, "has no 'chat' object (not an Open WebUI or ChatGPT chat)")
    chat = dict(chat)
    title = outer.get("title")
    if isinstance(title, str) and title and chat.get("title") != title:
        chat["title"] = title
    meta_value = outer.get("meta")
    meta = dict(meta_value) if isinstance(meta_value, Mapping) else {}
    chat_id = outer.get("id")
    key = meta.get(MARK)
    if not isinstance(key, str) or not key:
        key = f"chat:{chat_id}" if isinstance(chat_id, str) and chat_id else content_key(raw)
    meta[MARK] = key
    form: dict[str, Any] = {
        "chat": chat,
        "meta": meta,
        "pinned": bool(outer.get("pinned") or False),
        "archived": bool(outer.get("archived") or False),
        "folder_id": outer.get("folder_id") if isinstance(outer.get("folder_id"), str) else None,
        "created_at": _int_or_none(outer.get("created_at")),
        "updated_at": _int_or_none(outer.get("updated_at")),
    }
    if isinstance(outer.get("variables"), Mapping):
        form["variables"] = dict(outer["variables"])
    if isinstance(outer.get("current_message_id"), str):
        form["current_message_id"] = outer["current_message_id"]
    return Item(position, key, form, len(raw), "openwebui")


def from_chatgpt(value: Mapping[str, Any], position: str, raw: bytes) -> Item | Bad:
    try:
        form = convert(value)
    except ConversionError as exc:
        title = value.get("title")
        named = repr(title) if isinstance(title, str) and title else "(untitled)"
        return Bad(position, f"ChatGPT conversation {named}: {exc}")
    key = conversation_key(value) or content_key(raw)
    form["meta"][MARK] = key
    return Item(position, key, form, len(raw), "chatgpt")


# -- files ------------------------------------------------------------------------------------


def detect(stream: IO[bytes], name: str) -> tuple[str, bytes]:
    """``("ndjson" | "array", the bytes read so far)``; fails on an empty or non-JSON file."""
    head = b""
    while True:
        chunk = stream.read(4096)
        if not chunk:
            break
        head += chunk
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped:
            first = stripped[:1]
            if first == b"[":
                return "array", head
            if first == b"{":
                return "ndjson", head
            fail(
                f"{name} is not a chat export: it starts with {stripped[:20]!r}, expected "
                "NDJSON ('{') or a JSON array ('[')",
                INPUT,
            )
    fail(f"{name} is empty: nothing to import", INPUT)


def read_items(stream: IO[bytes], name: str) -> Iterator[Item | Bad]:
    kind, head = detect(stream, name)
    if kind == "ndjson":
        yield from _ndjson(head, stream)
    else:
        yield from _array(head, stream, name)


def _ndjson(head: bytes, stream: IO[bytes]) -> Iterator[Item | Bad]:
    pending = head
    number = 0

    def lines() -> Iterator[tuple[bytes, bool]]:
        nonlocal pending
        while True:
            cut = pending.find(b"\n")
            if cut >= 0:
                line, pending = pending[: cut + 1], pending[cut + 1 :]
                yield line, True
                continue
            rest = stream.readline()
            if not rest:
                if pending:
                    line, pending = pending, b""
                    yield line, False
                return
            pending += rest

    for line, complete in lines():
        number += 1
        if not line.strip():
            continue
        position = f"line {number}"
        try:
            value = loads(line)
        except JSON_ERRORS as exc:
            why = f"not valid JSON ({_short(exc)})"
            if not complete:
                why += "; the file ends inside this line (truncated?)"
            yield Bad(position, why)
            continue
        yield from_openwebui(value, position, line)


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _array(head: bytes, stream: IO[bytes], name: str) -> Iterator[Item | Bad]:
    """Items of a JSON array, decoded one by one from a text buffer that holds what has been
    read and not yet consumed (one item, and at most one read beyond it)."""
    reader = _ArrayReader(head, stream, name)
    index = 0
    reader.skip_space()
    reader.expect("[")
    reader.skip_space()
    while True:
        if reader.at_end():
            reader.cut_short(index)
        if reader.peek() == "]":
            reader.pos += 1
            reader.skip_space()
            if not reader.at_end():
                fail(
                    f"{name}: unexpected data after the JSON array's closing ']' "
                    f"(character {reader.offset + reader.pos})",
                    INPUT,
                )
            return
        if index:
            if reader.peek() != ",":
                fail(
                    f"{name}: not valid JSON after item {index}: expected ',' or ']' at "
                    f"character {reader.offset + reader.pos}, found "
                    f"{reader.buffer[reader.pos : reader.pos + 20]!r}",
                    INPUT,
                )
            reader.pos += 1
            reader.skip_space()
            if reader.at_end():
                reader.cut_short(index)
        index += 1
        value, raw = reader.value(index)
        yield from_openwebui(value, f"item {index}", raw)
        reader.skip_space()


class _ArrayReader:
    def __init__(self, head: bytes, stream: IO[bytes], name: str) -> None:
        self.stream = stream
        self.name = name
        self.text = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        self.buffer = ""
        self.pos = 0  # the next character to read in buffer
        self.offset = 0  # characters dropped from the front of buffer, for error positions
        self.eof = False
        self.decoder = json.JSONDecoder()
        self._decode(head)

    def _decode(self, chunk: bytes) -> None:
        try:
            self.buffer += self.text.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            where = self.offset + len(self.buffer)
            fail(f"{self.name} is not UTF-8 text near character {where}: {exc}", INPUT)

    def more(self, size: int) -> bool:
        """Read more; False at the end of the file. What was consumed is dropped first."""
        if self.eof:
            return False
        if self.pos:
            self.buffer = self.buffer[self.pos :]
            self.offset += self.pos
            self.pos = 0
        chunk = self.stream.read(size)
        if not chunk:
            self.eof = True
        self._decode(chunk)
        return bool(chunk)

    def at_end(self) -> bool:
        return self.pos >= len(self.buffer) and not self.more(READ_SIZE)

    def peek(self) -> str:
        return self.buffer[self.pos]

    def skip_space(self) -> None:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer) or not self.more(READ_SIZE):
                return

    def expect(self, char: str) -> None:
        if self.at_end() or self.peek() != char:  # pragma: no cover - detect() saw it
            fail(f"{self.name} is not a JSON array", INPUT)
        self.pos += 1

    def cut_short(self, index: int) -> None:
        fail(
            f"{self.name}: the JSON array is cut short after item {index} "
            "(the file ends before its closing ']')",
            INPUT,
        )

    def value(self, index: int) -> tuple[Any, bytes]:
        """The next JSON value and its source bytes, reading more while it is incomplete
        (each read twice the size of the one before, so a big item is parsed a few times, not
        once per read)."""
        size = READ_SIZE
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if _maybe_incomplete(exc, self.buffer) and self.more(size):
                    size = min(size * 2, 16 << 20)
                    continue
                fail(
                    f"{self.name}: item {index} is not valid JSON ({exc.msg} at character "
                    f"{self.offset + exc.pos}); nothing after it can be read",
                    INPUT,
                )
            if end >= len(self.buffer) and self.more(size):
                continue  # a number or literal at the end of the buffer may go on
            raw = self.buffer[self.pos : end].encode("utf-8", "surrogatepass")
            self.pos = end
            return value, raw


def _maybe_incomplete(exc: json.JSONDecodeError, buffer: str) -> bool:
    """Whether the decoder may have failed only because the buffer ends too soon."""
    return exc.pos >= len(buffer) - 64 or exc.msg.startswith("Unterminated string")
