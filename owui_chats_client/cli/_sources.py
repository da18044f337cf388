"""Reading what ``import`` accepts, one chat at a time, as ``ChatImportForm`` dicts.

A file's layout is told from its content:
- NDJSON, one chat a line, as ``owui-chats export`` writes it (each line a whole JSON object);
- a JSON array, as the web page's "Export All Chats", ChatGPT's and Claude's
  ``conversations.json`` (or ChatGPT's split ``conversations-000.json``...) are;
- one JSON object over several lines (a single conversation, pretty-printed), or several;
- a zip archive, as ChatGPT and Claude send their exports: its ``conversations.json`` (or
  ``conversations-NNN.json``) members are read, streamed, without unpacking the archive;
- a folder: the ``conversations*.json`` of an unpacked export, else its ``.json``,
  ``.ndjson``, ``.jsonl`` and ``.zip`` files, in name order.

Each item is told by its shape: an Open WebUI chat (``chat`` or ``history``), a ChatGPT
conversation (``mapping``) or a Claude conversation (``chat_messages``). A file whose first item
is none of these is refused, naming what was expected. Arrays are read item by item, so memory
holds one chat at a time however big the file is.
Every chat gets a stable key that does not change from one run to the next; ``import`` stores it
in the imported chat's ``meta`` to recognise, on a rerun, what is already there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from owui_chats_client._stream_decoding import ArrayDecoder, ArrayError

from . import _claude, _repair
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
    kind: str  # "openwebui", "chatgpt" or "claude"
    repairs: list[str] = field(default_factory=list)  # what `_repair.repair` fixed
    owner: str | None = None  # the user_id of an Open WebUI chat, when the export has it
    source_id: str | None = None  # its id on the server it was exported from

    def keyed_by_id(self) -> Item:
        """The item keyed by its source id (``chat:<id>``) rather than by the origin it
        recorded: chats of several users put under one (``--as-caller``) may share an origin
        (two users who imported the same ChatGPT export), never an id."""
        if self.source_id is not None:
            self.key = self.form["meta"][MARK] = f"chat:{self.source_id}"
        return self

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
    if _claude.is_conversation(value):
        return from_claude(value, position, raw)
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
    repairs = _repair.repair(chat)
    if isinstance(outer.get("current_message_id"), str):
        form["current_message_id"] = (
            chat["history"]["currentId"] if repairs else outer["current_message_id"]
        )
    owner = outer.get("user_id")
    return Item(
        position,
        key,
        form,
        len(raw),
        "openwebui",
        repairs,
        owner if isinstance(owner, str) else None,
        chat_id if isinstance(chat_id, str) and chat_id else None,
    )


def from_chatgpt(value: Mapping[str, Any], position: str, raw: bytes) -> Item | Bad:
    try:
        form = convert(value)
    except ConversionError as exc:
        title = value.get("title")
        named = repr(title) if isinstance(title, str) and title else "(untitled)"
        return Bad(position, f"ChatGPT conversation {named}: {exc}")
    key = conversation_key(value) or content_key(raw)
    form["meta"][MARK] = key
    return Item(position, key, form, len(raw), "chatgpt", _repair.repair(form["chat"]))


def from_claude(value: Mapping[str, Any], position: str, raw: bytes) -> Item | Bad:
    try:
        form = _claude.convert(value)
    except ConversionError as exc:
        name = value.get("name")
        named = repr(name) if isinstance(name, str) and name else "(untitled)"
        return Bad(position, f"Claude conversation {named}: {exc}")
    key = _claude.conversation_key(value) or content_key(raw)
    form["meta"][MARK] = key
    return Item(position, key, form, len(raw), "claude", _repair.repair(form["chat"]))


EXPECTED = (
    "Open WebUI chats (objects with 'chat' or 'history'), ChatGPT conversations (with "
    "'mapping') or Claude conversations (with 'chat_messages')"
)


def _known_shape(value: Any) -> bool:
    return isinstance(value, Mapping) and (
        "mapping" in value
        or _claude.is_conversation(value)
        or isinstance(value.get("chat"), Mapping)
        or "history" in value
        or "messages" in value
    )


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        keys = ", ".join(repr(key) for key in list(value)[:4])
        more = ", ..." if len(value) > 4 else ""
        return f"an object with {keys}{more}" if keys else "an empty object"
    kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kind.get(type(value), "a number")


# What the file readers yield: a JSON value with its position and source bytes, or a Bad.
Parsed = tuple[Any, str, bytes]


def _first_of_known_shape(
    items: Iterator[Parsed | Bad], name: str, unit: str
) -> Iterator[Item | Bad]:
    """Items as chats, refusing the file when its first JSON value is of no known shape."""
    first = True
    for parsed in items:
        if isinstance(parsed, Bad):
            yield parsed
            continue
        value, position, raw = parsed
        if first and not _known_shape(value):
            fail(
                f"{name} is not a chat export: its first {unit} is {_describe(value)}; "
                f"expected {EXPECTED}",
                INPUT,
            )
        first = False
        yield from_openwebui(value, position, raw)


# -- sources: files, folders, zip archives, stdin ------------------------------------------------

# The members of an export (ChatGPT's, Claude's) that hold the conversations.
CONVERSATIONS = re.compile(r"conversations(?:-\d+)?\.json")
FOLDER_SUFFIXES = (".json", ".ndjson", ".jsonl", ".zip")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass
class Source:
    """One readable input: a file, a member of a zip archive, or stdin."""

    name: str  # for messages: "export.zip:conversations-001.json"
    open: Callable[[], contextlib.AbstractContextManager[IO[bytes]]]
    once: bool = False  # can be read only once (stdin)


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(4) in ZIP_MAGIC
    except OSError:
        return False


def _zip_sources(path: Path, name: str) -> list[Source]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        fail(f"cannot read {name} as a zip archive: {exc}", INPUT)
    with archive:
        members = sorted(
            info.filename
            for info in archive.infolist()
            if not info.is_dir() and CONVERSATIONS.fullmatch(info.filename.rsplit("/", 1)[-1])
        )
    if not members:
        fail(
            f"{name} holds no conversations.json (nor conversations-000.json...): expected "
            "the zip of a ChatGPT or Claude export",
            INPUT,
        )

    def opener(member: str) -> Callable[[], contextlib.AbstractContextManager[IO[bytes]]]:
        @contextlib.contextmanager
        def open_member() -> Iterator[IO[bytes]]:
            with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
                yield stream

        return open_member

    return [Source(f"{name}:{member}", opener(member)) for member in members]


def _file_source(path: Path, name: str) -> list[Source]:
    if _is_zip(path):
        return _zip_sources(path, name)

    @contextlib.contextmanager
    def open_file() -> Iterator[IO[bytes]]:
        try:
            stream = path.open("rb")
        except OSError as exc:
            fail(f"cannot read {name}: {exc.strerror or exc}", INPUT)
        with stream:
            yield stream

    return [Source(name, open_file)]


def sources(paths: list[str]) -> list[Source]:
    """The inputs that ``paths`` name ('-': stdin), checked before anything is imported: each
    exists and is readable, each zip holds conversations, each folder holds an export."""
    found: list[Source] = []
    for given in paths:
        if given == "-":
            found.append(Source("stdin", _stdin, once=True))
            continue
        path = Path(given)
        if path.is_dir():
            entries = sorted(p for p in path.iterdir() if p.is_file())
            chosen = [p for p in entries if CONVERSATIONS.fullmatch(p.name)] or [
                p for p in entries if p.suffix.lower() in FOLDER_SUFFIXES
            ]
            if not chosen:
                fail(
                    f"{given} holds no chat export (conversations.json, or .json, .ndjson, "
                    ".jsonl or .zip files)",
                    INPUT,
                )
            for entry in chosen:
                found.extend(_file_source(entry, str(entry)))
            continue
        if not os.access(path, os.R_OK) or not path.is_file():
            reason = "no such file" if not path.exists() else "not a readable file"
            fail(f"cannot read {given}: {reason}", INPUT)
        found.extend(_file_source(path, given))
    return found


@contextlib.contextmanager
def _stdin() -> Iterator[IO[bytes]]:
    stream = sys.stdin.buffer
    peek = getattr(stream, "peek", None)
    if peek is not None and peek(4)[:4] in ZIP_MAGIC:
        fail("a zip archive cannot be read from stdin: give its path instead", INPUT)
    yield stream


def read_sources(found: list[Source]) -> Iterator[Item | Bad]:
    """Every item of every source, in order; positions name the source when there are
    several (``conversations-001.json item 5``)."""
    for source in found:
        with source.open() as stream:
            for item in read_items(stream, source.name):
                if len(found) > 1:
                    item.position = f"{source.name} {item.position}"
                yield item


def check_one_owner(found: list[Source]) -> None:
    """Refuse, before anything is sent, inputs that hold several users' chats (an
    ``export --all-users``): the import route stores every chat under the caller. Files are
    read ahead once, streamed and only decoded (nothing converted or repaired); stdin cannot
    be read twice and is checked as it is imported."""
    if any(source.once for source in found):
        return
    owners: Counter[str] = Counter()
    for source in found:
        with source.open() as stream:
            for parsed in read_values(stream, source.name)[0]:
                value = parsed[0] if isinstance(parsed, tuple) else None
                owner = value.get("user_id") if isinstance(value, Mapping) else None
                if isinstance(owner, str):
                    owners[owner] += 1
    if len(owners) > 1:
        listed = ", ".join(f"{owner} ({count} chats)" for owner, count in owners.most_common())
        fail(
            f"the input holds the chats of {len(owners)} users: {listed}; importing stores "
            "every chat under the caller: pass --as-caller to do that, or import each user's "
            "chats with that user's key",
            INPUT,
        )


# -- files ------------------------------------------------------------------------------------


def detect(stream: IO[bytes], name: str) -> tuple[str, bytes]:
    """``("objects" | "array", the bytes read so far)``; fails on an empty or non-JSON file."""
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
                return "objects", head
            fail(
                f"{name} is not a chat export: it starts with {stripped[:20]!r}, expected "
                "NDJSON or a JSON object ('{'), a JSON array ('[') or a zip archive",
                INPUT,
            )
    fail(f"{name} is empty: nothing to import", INPUT)


def read_items(stream: IO[bytes], name: str) -> Iterator[Item | Bad]:
    """The chats of one file (not a zip), whatever its layout."""
    values, unit = read_values(stream, name)
    yield from _first_of_known_shape(values, name, unit)


def read_values(stream: IO[bytes], name: str) -> tuple[Iterator[Parsed | Bad], str]:
    """The JSON values of one file, decoded but not yet taken for chats, and what the file
    calls one ("item", "object" or "line")."""
    kind, head = detect(stream, name)
    if kind == "array":
        return _array(head, stream, name), "item"
    head = _first_line(head, stream)
    if _starts_a_document(head):
        return _documents(head, stream, name), "object"
    return _ndjson(head, stream), "line"


def _first_line(head: bytes, stream: IO[bytes]) -> bytes:
    """``head`` and what follows it up to the end of its first line."""
    while b"\n" not in head:
        rest = stream.readline()
        if not rest:
            break
        head += rest
    return head


def _starts_a_document(head: bytes) -> bool:
    """Whether the first line opens a JSON object that goes on over the next lines (a
    pretty-printed document) rather than being an NDJSON line: it is not a whole JSON value,
    and it is cut between two tokens at its end. NDJSON lines cut short end inside a string, or
    fail in their middle."""
    line = head.split(b"\n", 1)[0].decode("utf-8-sig", "replace").strip()
    try:
        json.loads(line)
    except json.JSONDecodeError as exc:
        return exc.pos >= len(line) and not exc.msg.startswith("Unterminated string")
    except RecursionError:
        return False
    return False


def _documents(head: bytes, stream: IO[bytes], name: str) -> Iterator[Parsed | Bad]:
    """One JSON object, or several one after the other, each over any number of lines."""
    for value, text, number in _decoded(
        ArrayDecoder(sequence=True, unit="object"), head, stream, name
    ):
        yield value, f"object {number}", text


def _ndjson(head: bytes, stream: IO[bytes]) -> Iterator[Parsed | Bad]:
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
        yield value, position, line


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _array(head: bytes, stream: IO[bytes], name: str) -> Iterator[Parsed | Bad]:
    """The items of a JSON array, decoded as the file is read (one item in memory at a time)."""
    for value, text, number in _decoded(ArrayDecoder(), head, stream, name):
        yield value, f"item {number}", text


def _decoded(
    decoder: ArrayDecoder, head: bytes, stream: IO[bytes], name: str
) -> Iterator[tuple[Any, bytes, int]]:
    chunk = head
    while True:
        final = not chunk
        try:
            items = decoder.feed(chunk, final=final)
        except ArrayError as exc:
            fail(f"{name}: {exc}", INPUT)
        start = decoder.count - len(items)
        for number, (value, text) in enumerate(items, start + 1):
            yield value, text.encode("utf-8", "surrogatepass"), number
        if final:
            return
        chunk = stream.read(READ_SIZE)
