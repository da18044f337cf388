"""What the converters of other assistants' exports share: reasoning and tool calls in a
message's content, in the form Open WebUI's server writes them, and the import form of a chat.

The server renders a model's reasoning and its tool calls into the answer's ``content`` as
``<details>`` blocks (``serialize_output`` in ``open_webui/utils/middleware.py``, the same from
0.9 to 0.12), which the web page shows as collapsible "Thought for N seconds" and "Tool
Executed" sections, and which the server strips before sending the conversation back to a
model. Imported reasoning and tool use are written the same way, so they look and behave like
the server's own.
"""

from __future__ import annotations

import html
import json
from typing import Any


def reasoning(text: str, duration: int | None = None) -> str:
    """A finished reasoning block: each line quoted, the whole HTML-escaped."""
    seconds = max(0, int(duration or 0))
    quoted = "\n".join(
        line if line.startswith(">") else f"> {line}" for line in text.strip().splitlines()
    )
    return (
        f'<details type="reasoning" done="true" duration="{seconds}">\n'
        f"<summary>Thought for {seconds} seconds</summary>\n"
        f"{html.escape(quoted)}\n"
        "</details>"
    )


def tool_call(call_id: str, name: str, arguments: Any, result: str) -> str:
    """A finished tool call with its arguments (a JSON value) and its result text."""
    encoded = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
    return (
        f'<details type="tool_calls" done="true" id="{html.escape(call_id)}" '
        f'name="{html.escape(name)}" arguments="{html.escape(json.dumps(encoded))}" '
        'files="" embeds="">\n'
        "<summary>Tool Executed</summary>\n"
        f"{html.escape(json.dumps(result, ensure_ascii=False))}\n"
        "</details>"
    )


def join(parts: list[str]) -> str:
    """The blocks and texts of one answer, in order, as the server joins them."""
    return "\n".join(part for part in parts if part).strip()


def import_form(
    title: str,
    model: str,
    messages: dict[str, dict[str, Any]],
    current_id: str,
    *,
    created: int,
    updated: int,
    pinned: bool = False,
    archived: bool = False,
    system: str = "",
) -> dict[str, Any]:
    """A ``ChatImportForm`` dict (without the import marker) of a converted tree: the linear
    ``messages`` list is the path from the root down to ``current_id``."""
    path: list[dict[str, Any]] = []
    walker: str | None = current_id
    seen: set[str] = set()
    while walker is not None and walker not in seen:
        seen.add(walker)
        path.append(messages[walker])
        walker = messages[walker]["parentId"]
    path.reverse()
    chat: dict[str, Any] = {
        "title": title,
        "models": [model],
        "params": {"system": system} if system else {},
        "history": {"messages": messages, "currentId": current_id},
        "messages": path,
        "tags": [],
        "files": [],
        "timestamp": created * 1000,
    }
    return {
        "chat": chat,
        "meta": {},
        "pinned": pinned,
        "archived": archived,
        "folder_id": None,
        "created_at": created or None,
        "updated_at": updated or None,
    }
