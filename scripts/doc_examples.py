"""The Python examples of README.md and docs/**/*.md, as programs that can be checked and run.

A block that defines a function or a class is a whole program and is taken as it is. Any other
block is a fragment: it becomes the body of ``example(client, chat_id, chat, base_url, jwt)``, whose
arguments are the names fragments use: ``client`` (a `ChatsClient`, or an `AsyncChatsClient` in
a fragment that awaits), ``chat_id`` (a chat of the client's user), ``chat`` (that chat, a
`ChatResponse`), ``base_url`` and ``jwt`` (the user's JWT).

An example that cannot run against a local server (a deployment behind TLS, say) is marked with
an HTML comment on the line before its fence, which neither GitHub nor the site shows:
``<!-- example: not run (the reason) -->``. It is still type-checked.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_RUN = re.compile(r"<!-- example: not run\b.*-->\s*$")
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.M | re.S)
WHOLE = re.compile(r"^(async def|def|class) ", re.M)
AWAITS = re.compile(r"^\s*(async with|async for|await) |[ (=]await ", re.M)

PREAMBLE = """from owui_chats_client import {client}
from owui_chats_client.types import ChatResponse


{kind}def example(
    client: {client}, chat_id: str, chat: ChatResponse, base_url: str, jwt: str
) -> None:
"""

# Run a fragment: the values of its arguments come from the environment (see tests/live).
RUNNER = """

if __name__ == "__main__":
    import os

    {imports}
    def _main() -> None:
        base_url = os.environ["OPENWEBUI_BASE_URL"]
        chat_id = os.environ["EXAMPLE_CHAT_ID"]
        jwt = os.environ["EXAMPLE_JWT"]
        {run}

    _main()
"""
RUN_SYNC = """with ChatsClient() as client:
            chat = client.get(chat_id)
            assert chat is not None
            example(client, chat_id, chat, base_url, jwt)"""
RUN_ASYNC = """async def run() -> None:
            async with AsyncChatsClient() as client:
                chat = await client.get(chat_id)
                assert chat is not None
                await example(client, chat_id, chat, base_url, jwt)

        asyncio.run(run())"""


@dataclass(frozen=True)
class Example:
    """One ```python block of a page."""

    page: str  # relative to the repository: README.md, docs/conversations.md, ...
    line: int  # of the opening fence
    code: str
    runs: bool  # False when marked <!-- example: not run ... -->

    @property
    def whole(self) -> bool:
        return bool(WHOLE.search(self.code))

    @property
    def awaits(self) -> bool:
        return bool(AWAITS.search(self.code))

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"

    def module(self) -> str:
        """The example as a module to type-check: a whole program as it is, a fragment inside
        ``example(...)``."""
        if self.whole:
            return self.code
        head = PREAMBLE.format(
            kind="async " if self.awaits else "",
            client="AsyncChatsClient" if self.awaits else "ChatsClient",
        )
        return head + textwrap.indent(self.code, "    ")

    def program(self) -> str:
        """The example as a script to run: a fragment gets a ``__main__`` that calls it."""
        if self.whole:
            return self.code
        runner = RUNNER.format(
            imports="import asyncio\n" if self.awaits else "",
            run=RUN_ASYNC if self.awaits else RUN_SYNC,
        )
        return self.module() + runner


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def examples() -> list[Example]:
    found = []
    for path in pages():
        text = path.read_text()
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
            found.append(
                Example(
                    page=str(path.relative_to(ROOT)),
                    line=line,
                    code=match.group(1),
                    runs=not NOT_RUN.search(before),
                )
            )
    return found
