"""Write the sync modules from their async sources, as httpcore does.

``_async_transport.py`` -> ``_transport.py``, ``_async_client.py`` -> ``_client.py``,
``_async_streaming.py`` -> ``_streaming.py``, ``lib/_async_conversations.py`` ->
``lib/_conversations.py`` and ``lib/_async_live_stream.py`` -> ``lib/_live_stream.py`` (in
``owui_chats_client``): the same
code less ``async``/``await``, with the sync names of the same things; clean-up that async code
shields from cancellation runs as is.
``--check`` fails, naming the files, when a written copy is not current.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "owui_chats_client"
FILES = {
    "_async_transport.py": "_transport.py",
    "_async_client.py": "_client.py",
    "_async_streaming.py": "_streaming.py",
    "lib/_async_conversations.py": "lib/_conversations.py",
    "lib/_async_live_stream.py": "lib/_live_stream.py",
}
HEADER = "# Written by scripts/unasync.py from {source}; edit that file instead.\n"

# Applied in order, on whole words.
RULES = [
    (r"(?m)^# unasync: .*\n", ""),
    (r"for (\w+) in (.+):\n\s+yield \1\n", r"yield from \2\n"),
    (r"(?m)await (?:s\.)?shielded\((.*)\)$", r"\1"),
    (r"\(asyncio\.CancelledError, (\w+)\)", r"\1"),
    (r"asyncio\.CancelledError, ", ""),
    (r"(?m)^import asyncio$", "import time"),
    (r"\basyncio\.sleep\b", "time.sleep"),
    (r"async with await ", "with "),
    (r"async (def|with|for) ", r"\1 "),
    (r"await ", ""),
    (r"\b_async_(\w+)", r"_\1"),
    (r"\bAsyncGenerator\[(\w+), None\]", r"Generator[\1, None, None]"),
    # before the Async prefix rule, which would leave "hronous"
    (r"\basynchronous\b", "synchronous"),
    (r"\bAsynchronous\b", "Synchronous"),
    (r"\bAsync(\w+)", r"\1"),
    (r"\basync_(\w+)", r"\1"),
    (r"\basyncio_sleep\b", "time_sleep"),
    (r"\.aiter_(\w+)\(", r".iter_\1("),
    (r"\ba(close|read|iter)\b", r"\1"),
    (r"\b__a(enter|exit|iter|next)__\b", r"__\1__"),
]


def unasync(text: str) -> str:
    for pattern, replacement in RULES:
        text = re.sub(pattern, replacement, text)
    return text


def written(source: str) -> str:
    """The sync module: unasync'd, the header after its docstring, formatted by ruff (which
    also drops the imports only the async code used)."""
    text = unasync((PACKAGE / source).read_text())
    end = text.index('"""', 3) + 4
    text = text[:end] + HEADER.format(source=source) + text[end:]
    ruff = str(Path(sys.executable).parent / "ruff")
    name = str(PACKAGE / source)
    for command in (["check", "--fix-only", "--select", "I,F401", "--quiet"], ["format"]):
        text = subprocess.run(
            [ruff, *command, "--stdin-filename", name, "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source, target in FILES.items():
        written_text = written(source)
        path = PACKAGE / target
        if check:
            if not path.exists() or path.read_text() != written_text:
                stale.append(target)
        else:
            path.write_text(written_text)
    if stale:
        print(f"not current with their async sources: {', '.join(stale)}; run scripts/generate")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
