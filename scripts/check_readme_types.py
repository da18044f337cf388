"""Type-check the README's Python examples and scripts/demo.py with ``mypy --strict``.

A block that defines a function or a class is a whole program and is checked as it is. Any other
block is a fragment, checked as the body of a function whose arguments are the names fragments
use: ``client`` (a `ChatsClient`, or an `AsyncChatsClient` in a fragment that awaits), ``chat_id``,
``chat`` (a `ChatResponse`), ``base_url`` and ``jwt``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREAMBLE = """from owui_chats_client import AsyncChatsClient, ChatsClient
from owui_chats_client.types import ChatResponse


{kind}def example(
    client: {client}, chat_id: str, chat: ChatResponse, base_url: str, jwt: str
) -> None:
"""
WHOLE = re.compile(r"^(async def|def|class) ", re.M)
AWAITS = re.compile(r"^(async with|async for|await) |[ (=]await ", re.M)


def module_of(block: str) -> str:
    if WHOLE.search(block):
        return block
    awaits = bool(AWAITS.search(block))
    head = PREAMBLE.format(
        kind="async " if awaits else "", client="AsyncChatsClient" if awaits else "ChatsClient"
    )
    return head + textwrap.indent(block, "    ")


def main() -> int:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    with tempfile.TemporaryDirectory(prefix="owui-readme-") as tmp:
        files = []
        for number, block in enumerate(blocks, 1):
            path = Path(tmp) / f"readme_block_{number}.py"
            path.write_text(module_of(block))
            files.append(str(path))
        files.append(str(ROOT / "scripts" / "demo.py"))
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
    print(result.stdout.strip() or result.stderr.strip())
    if result.returncode == 0:
        print(f"README: {len(blocks)} examples and scripts/demo.py type-check (mypy --strict)")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
