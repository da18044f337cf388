"""Reasoning and tool calls in a message's content, in the form Open WebUI's server writes them.

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
