"""ChatGPT's ``conversations.json`` to Open WebUI chats.

It follows the mapping of the Open WebUI web page's importer (``convertOpenAIChats`` in
``src/lib/utils/index.ts``): message ids are kept, a ``user`` author stays ``user`` and every
other author becomes ``assistant``, the text is the message's parts (or its ``text``), the chat
title and timestamps come from the conversation. Unlike the web page, the whole tree is kept:
each message keeps its real parent, so the branches that an edited message or a regenerated
answer leave in ChatGPT become branches in Open WebUI, and the conversation's ``current_node``
becomes the message shown.

Beyond the web page:
- a node without a message, a system message and ChatGPT's hidden context (custom
  instructions) are not messages of the chat; their children hang from the nearest kept
  ancestor. The text of a visible system message becomes the chat's system prompt
  (``params.system``);
- tool messages (browsing, code output) become assistant messages, as on the web page, with
  ``chatgpt: {"role": "tool", "name": ...}`` saying what they were; empty ones are dropped;
- ``null`` contents and ``null`` parts become empty text; image parts and the message's
  ``metadata.attachments`` are kept, as metadata, under the message's ``attachments``
  (the files themselves are not in the export);
- code is put in a fenced block with its language;
- a reasoning model's ``thoughts`` (and the ``reasoning_recap`` that says how long it thought)
  become the reasoning of the answer they lead to, in the ``<details>`` form the server writes
  (see `_content`), so the web page shows them as it shows its own;
- the model is the message's ``metadata.model_slug`` (else the conversation's
  ``default_model_slug``, else ``chatgpt``);
- ``is_archived`` and ``is_starred`` (when present) become archived and pinned.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import _content

DEFAULT_MODEL = "chatgpt"


class ConversionError(ValueError):
    """The conversation cannot become a chat (the message says why)."""


def _text_of(content: Any) -> tuple[str, list[dict[str, Any]]]:
    """The text of a ChatGPT message content, and the image parts it carries."""
    if not isinstance(content, Mapping):
        return "", []
    kind = content.get("content_type")
    images: list[dict[str, Any]] = []
    if kind == "code":
        text = content.get("text") or ""
        language = content.get("language")
        if text and isinstance(language, str) and language not in ("", "unknown"):
            return f"```{language}\n{text}\n```", images
        return (text if isinstance(text, str) else ""), images
    parts = content.get("parts")
    if isinstance(parts, list):
        texts: list[str] = []
        for part in parts:
            if isinstance(part, str):
                if part:
                    texts.append(part)
            elif isinstance(part, Mapping):
                if isinstance(part.get("text"), str) and part["text"]:
                    texts.append(part["text"])
                elif part.get("content_type") or part.get("asset_pointer"):
                    images.append(dict(part))
        return "\n".join(texts), images
    for field in ("text", "result", "content"):
        value = content.get(field)
        if isinstance(value, str):
            return value, images
    return "", images


def _thoughts(content: Mapping[str, Any]) -> str:
    """The text of a ``thoughts`` content: each thought's summary and its text."""
    texts: list[str] = []
    for thought in content.get("thoughts") or []:
        if not isinstance(thought, Mapping):
            continue
        lines = [
            thought[field]
            for field in ("summary", "content")
            if isinstance(thought.get(field), str) and thought[field].strip()
        ]
        if lines:
            texts.append("\n".join(lines))
    return "\n\n".join(texts)


def _recap_seconds(content: Mapping[str, Any], metadata: Mapping[str, Any]) -> int | None:
    """How long the model thought: ``metadata.finished_duration_sec``, else the recap's text
    ("Thought for 12 seconds", "Thought for 1m 5s")."""
    value = metadata.get("finished_duration_sec")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    text = content.get("content")
    if not isinstance(text, str):
        return None
    minutes = re.search(r"(\d+)\s*m", text)
    seconds = re.search(r"(\d+)\s*s", text)
    if not minutes and not seconds:
        return None
    return (int(minutes.group(1)) * 60 if minutes else 0) + (
        int(seconds.group(1)) if seconds else 0
    )


def _timestamp(value: Any, fallback: int) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return int(value)
    return fallback


def convert(conversation: Mapping[str, Any]) -> dict[str, Any]:
    """One ChatGPT conversation as a ``ChatImportForm`` dict (without the import marker).

    Raises `ConversionError` when it holds no message to import.
    """
    mapping = conversation.get("mapping")
    if not isinstance(mapping, Mapping) or not mapping:
        raise ConversionError("its 'mapping' is empty or not an object")
    created = _timestamp(conversation.get("create_time"), 0)
    updated = _timestamp(conversation.get("update_time"), created)
    default_model = conversation.get("default_model_slug")
    if not isinstance(default_model, str) or not default_model:
        default_model = DEFAULT_MODEL
    title = conversation.get("title")
    if not isinstance(title, str) or not title:
        title = "New Chat"

    system_prompt = ""
    kept: dict[str, dict[str, Any]] = {}
    thoughts: dict[str, str] = {}  # node id -> the reasoning it holds (not a message itself)
    recaps: dict[str, int | None] = {}  # node id -> seconds thought
    for node_id, node in mapping.items():
        if not isinstance(node, Mapping):
            continue
        message = node.get("message")
        if not isinstance(message, Mapping):
            continue
        author = message.get("author")
        role = author.get("role") if isinstance(author, Mapping) else None
        metadata = message.get("metadata")
        metadata = metadata if isinstance(metadata, Mapping) else {}
        text, images = _text_of(message.get("content"))
        content = message.get("content")
        kind = content.get("content_type") if isinstance(content, Mapping) else None
        hidden = bool(metadata.get("is_visually_hidden_from_conversation")) or kind in (
            "user_editable_context",
            "model_editable_context",
        )
        if role == "system":
            if text and not hidden and not system_prompt:
                system_prompt = text
            continue
        if hidden:
            continue
        if kind == "thoughts" and isinstance(content, Mapping):
            thoughts[str(node_id)] = _thoughts(content)
            continue
        if kind == "reasoning_recap" and isinstance(content, Mapping):
            recaps[str(node_id)] = _recap_seconds(content, metadata)
            continue
        attachments = [
            dict(item) for item in metadata.get("attachments") or [] if isinstance(item, Mapping)
        ]
        attachments.extend(images)
        if not text and not attachments and role != "user":
            continue  # an empty tool call or a placeholder answer
        item: dict[str, Any] = {
            "id": str(node_id),
            "parentId": None,
            "childrenIds": [],
            "role": "user" if role == "user" else "assistant",
            "content": text,
            "timestamp": _timestamp(message.get("create_time"), created),
        }
        if item["role"] == "assistant":
            model = metadata.get("model_slug")
            item["model"] = model if isinstance(model, str) and model else default_model
            item["done"] = True
            if role not in (None, "assistant"):
                name = author.get("name") if isinstance(author, Mapping) else None
                item["chatgpt"] = {"role": role, **({"name": name} if name else {})}
        else:
            item["models"] = [default_model]
        if attachments:
            item["attachments"] = attachments
        kept[str(node_id)] = item
    if not kept:
        raise ConversionError("it has no message with content")

    def kept_parent(node_id: Any) -> str | None:
        seen: set[str] = set()
        current = node_id
        while isinstance(current, str) and current not in seen:
            seen.add(current)
            node = mapping.get(current)
            if not isinstance(node, Mapping):
                return None
            parent = node.get("parent")
            if isinstance(parent, str) and parent in kept:
                return parent
            current = parent
        return None

    def reasoning_before(node_id: str) -> str:
        """The thoughts between a message and its kept parent, as one reasoning block."""
        texts: list[str] = []
        seconds: int | None = None
        current: Any = mapping[node_id].get("parent")
        seen: set[str] = set()
        while isinstance(current, str) and current not in kept and current not in seen:
            seen.add(current)
            if thoughts.get(current):
                texts.insert(0, thoughts[current])
            if current in recaps and seconds is None:
                seconds = recaps[current]
            node = mapping.get(current)
            current = node.get("parent") if isinstance(node, Mapping) else None
        return _content.reasoning("\n\n".join(texts), seconds) if texts else ""

    for node_id, item in kept.items():
        parent = kept_parent(node_id)
        item["parentId"] = parent
        if parent is not None:
            kept[parent]["childrenIds"].append(node_id)
        if item["role"] == "assistant" and (thoughts or recaps):
            shown = reasoning_before(node_id)
            if shown:
                item["content"] = _content.join([shown, item["content"]])
    # Siblings in ChatGPT's order (the parent's 'children' list, depth first through dropped
    # nodes), so that the first branch stays the first.
    order = {node_id: index for index, node_id in enumerate(_depth_first(mapping))}
    for item in kept.values():
        item["childrenIds"].sort(key=lambda child: order.get(child, len(order)))

    current = conversation.get("current_node")
    current_id = current if isinstance(current, str) and current in kept else None
    if current_id is None and isinstance(current, str):
        current_id = kept_parent(current)
    if current_id is None:  # the newest branch: follow the last child from the last root
        roots = [i for i, m in kept.items() if m["parentId"] is None]
        current_id = sorted(roots, key=lambda r: order.get(r, 0))[-1]
        while kept[current_id]["childrenIds"]:
            current_id = kept[current_id]["childrenIds"][-1]
    return _content.import_form(
        title,
        default_model,
        kept,
        current_id,
        created=created,
        updated=updated,
        pinned=bool(conversation.get("is_starred")),
        archived=bool(conversation.get("is_archived")),
        system=system_prompt,
    )


def _depth_first(mapping: Mapping[str, Any]) -> list[str]:
    """Node ids from the roots down, each node's children in their listed order."""
    roots = [
        node_id
        for node_id, node in mapping.items()
        if isinstance(node, Mapping) and node.get("parent") not in mapping
    ]
    out: list[str] = []
    seen: set[str] = set()
    stack = list(reversed(roots))
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        out.append(node_id)
        node = mapping.get(node_id)
        children = node.get("children") if isinstance(node, Mapping) else None
        if isinstance(children, list):
            stack.extend(reversed([c for c in children if isinstance(c, str)]))
    return out


def conversation_key(conversation: Mapping[str, Any]) -> str | None:
    """ChatGPT's own id of the conversation, when the export has one."""
    for field in ("conversation_id", "id"):
        value = conversation.get(field)
        if isinstance(value, str) and value:
            return f"chatgpt:{value}"
    return None
