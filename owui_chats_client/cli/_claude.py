"""Claude's ``conversations.json`` (claude.ai's data export) to Open WebUI chats.

A conversation is ``{"uuid", "name", "created_at", "updated_at", "chat_messages": [...]}``, its
times ISO 8601. Each message has ``uuid``, ``sender`` (``human`` or ``assistant``),
``created_at``, a ``text`` that joins everything the message shows, and ``content``: blocks of
type ``text``, ``thinking``, ``tool_use`` and ``tool_result`` (each with its
``start_timestamp`` and ``stop_timestamp``), plus ``attachments`` (pasted or uploaded files
with their extracted text) and ``files`` (uploads without text, such as images). Newer exports
give each message its ``parent_message_uuid``, so that edited questions and retried answers
form a tree; older ones list one conversation in order.

The mapping:
- ``human`` becomes ``user``, ``assistant`` stays ``assistant``; ids are kept;
- an answer's blocks, in order: ``text`` as text, ``thinking`` as the answer's reasoning and
  ``tool_use`` with its ``tool_result`` as a tool call, both in the ``<details>`` form the
  server writes (see `_content`), so the web page shows them as it shows its own; the
  top-level ``text`` only when there are no blocks (it runs thinking and answer together);
- ``attachments`` and ``files`` are kept with their message under ``attachments`` (names,
  sizes, types, and the extracted text; the files themselves are not in the export);
- with parent ids, the tree is kept and the newest message is the one shown; without, the
  messages form one branch in their listed order;
- the model is the conversation's ``model`` when the export names it, else ``claude``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._compat import fromisoformat
from . import _content
from ._chatgpt import ConversionError

DEFAULT_MODEL = "claude"
# The parent of a conversation's first message in Claude's exports: no message.
ROOT_PARENT = "00000000-0000-4000-8000-000000000000"


def is_conversation(value: Mapping[str, Any]) -> bool:
    return isinstance(value.get("chat_messages"), list)


def conversation_key(conversation: Mapping[str, Any]) -> str | None:
    value = conversation.get("uuid")
    return f"claude:{value}" if isinstance(value, str) and value else None


def _seconds(value: Any) -> float | None:
    """An ISO 8601 time (``2024-05-01T12:00:00.123456Z``) as seconds since the epoch."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return fromisoformat(value).timestamp()
    except ValueError:
        return None


def _duration(block: Mapping[str, Any]) -> int | None:
    start, stop = _seconds(block.get("start_timestamp")), _seconds(block.get("stop_timestamp"))
    if start is None or stop is None or stop < start:
        return None
    return round(stop - start)


def _result_text(block: Mapping[str, Any]) -> str:
    content = block.get("content")
    if isinstance(content, str):
        return content
    texts: list[str] = []
    for part in content if isinstance(content, list) else []:
        if isinstance(part, Mapping) and isinstance(part.get("text"), str):
            texts.append(part["text"])
        elif isinstance(part, str):
            texts.append(part)
    return "\n".join(texts)


def _answer(blocks: list[Any], message_id: str) -> str:
    """An answer's blocks as content: text, reasoning and tool calls in their order. A
    ``tool_result`` fills in the ``tool_use`` of its ``tool_use_id`` (else the oldest one of its
    name still waiting); a result without its call is shown alone."""
    parts: list[str] = []
    waiting: list[tuple[int, str, str, Any]] = []  # (place in parts, id, name, input)
    calls = 0
    for block in blocks:
        if not isinstance(block, Mapping):
            continue
        kind = block.get("type")
        if kind == "text" and isinstance(block.get("text"), str):
            parts.append(block["text"])
        elif kind == "thinking" and isinstance(block.get("thinking"), str):
            if block["thinking"].strip():
                parts.append(_content.reasoning(block["thinking"], _duration(block)))
        elif kind in ("tool_use", "tool_result"):
            calls += 1
            name = block.get("name")
            name = name if isinstance(name, str) and name else "tool"
            if kind == "tool_use":
                call_id = block.get("id")
                if not isinstance(call_id, str) or not call_id:
                    call_id = f"{message_id}-tool-{calls}"
                arguments = block.get("input", {})
                waiting.append((len(parts), call_id, name, arguments))
                parts.append(_content.tool_call(call_id, name, arguments, ""))
                continue
            target = block.get("tool_use_id")
            call = next((c for c in waiting if c[1] == target), None) or next(
                (c for c in waiting if c[2] == name), None
            )
            if call is None:
                parts.append(
                    _content.tool_call(f"{message_id}-tool-{calls}", name, {}, _result_text(block))
                )
                continue
            waiting.remove(call)
            place, call_id, call_name, arguments = call
            parts[place] = _content.tool_call(call_id, call_name, arguments, _result_text(block))
    return _content.join(parts)


def _attachments(message: Mapping[str, Any]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for field in ("attachments", "files"):
        for item in message.get(field) or []:
            if not isinstance(item, Mapping):
                continue
            entry: dict[str, Any] = {"type": "file", "name": item.get("file_name") or ""}
            for source, target in (
                ("file_size", "size"),
                ("file_type", "content_type"),
                ("extracted_content", "extracted_content"),
                ("file_uuid", "id"),
            ):
                if item.get(source) not in (None, ""):
                    entry[target] = item[source]
            kept.append(entry)
    return kept


def convert(conversation: Mapping[str, Any]) -> dict[str, Any]:
    """One Claude conversation as a ``ChatImportForm`` dict (without the import marker).

    Raises `ConversionError` when it holds no message.
    """
    listed = conversation.get("chat_messages")
    if not isinstance(listed, list):
        raise ConversionError("its 'chat_messages' is not a list")
    created = int(_seconds(conversation.get("created_at")) or 0)
    updated = int(_seconds(conversation.get("updated_at")) or created)
    model = conversation.get("model")
    model = model if isinstance(model, str) and model else DEFAULT_MODEL
    title = conversation.get("name")
    title = title if isinstance(title, str) and title.strip() else "New Chat"
    base = conversation.get("uuid") if isinstance(conversation.get("uuid"), str) else "claude"

    kept: dict[str, dict[str, Any]] = {}
    parents: dict[str, Any] = {}
    order: list[str] = []
    for index, message in enumerate(listed):
        if not isinstance(message, Mapping):
            continue
        given = message.get("uuid")
        message_id = (
            given
            if isinstance(given, str) and given and given not in kept
            else f"{base}-{index + 1}"
        )
        role = "user" if message.get("sender") == "human" else "assistant"
        blocks = message.get("content")
        if isinstance(blocks, list) and blocks:
            if role == "assistant":
                text = _answer(blocks, message_id)
            else:
                text = "\n".join(
                    b["text"]
                    for b in blocks
                    if isinstance(b, Mapping)
                    and b.get("type") == "text"
                    and isinstance(b.get("text"), str)
                )
        else:
            given_text = message.get("text")
            text = given_text if isinstance(given_text, str) else ""
        item: dict[str, Any] = {
            "id": message_id,
            "parentId": None,
            "childrenIds": [],
            "role": role,
            "content": text,
            "timestamp": int(_seconds(message.get("created_at")) or created),
        }
        if role == "assistant":
            item["model"] = model
            item["done"] = True
        else:
            item["models"] = [model]
        attachments = _attachments(message)
        if attachments:
            item["attachments"] = attachments
        kept[message_id] = item
        parents[message_id] = message.get("parent_message_uuid")
        order.append(message_id)
    if not kept:
        raise ConversionError("it has no messages")

    tree = any(isinstance(parent, str) and parent in kept for parent in parents.values())
    for position, message_id in enumerate(order):
        if tree:
            parent = parents[message_id]
            parent = parent if isinstance(parent, str) and parent in kept else None
        else:
            parent = order[position - 1] if position else None
        kept[message_id]["parentId"] = parent
        if parent is not None:
            kept[parent]["childrenIds"].append(message_id)

    # The message shown: the newest (by time, then by place in the export).
    current_id = max(enumerate(order), key=lambda pair: (kept[pair[1]]["timestamp"], pair[0]))[1]
    return _content.import_form(
        title,
        model,
        kept,
        current_id,
        created=created,
        updated=updated,
        pinned=bool(conversation.get("is_starred")),
    )
