"""The README's conversation examples (a sync script, an async service) pass mypy --strict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def conversation_examples() -> list[str]:
    text = README.read_text()
    section = text.split("## Conversations\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_examples_are_there() -> None:
    examples = conversation_examples()
    assert len(examples) == 2
    assert "ChatsClient()" in examples[0] and "AsyncChatsClient()" in examples[1]


def test_the_examples_pass_mypy_strict(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    files = []
    for index, code in enumerate(conversation_examples()):
        path = tmp_path / f"example_{index}.py"
        path.write_text(code)
        files.append(str(path))
    out, err, status = api.run(["--strict", "--no-incremental", "--follow-imports=silent", *files])
    assert status == 0, out + err
