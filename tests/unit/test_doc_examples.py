"""The examples of README.md and docs/: found, wrapped as scripts/doc_examples.py says, and the
conversation examples (a sync script, an async service) pass mypy --strict."""

from __future__ import annotations

from pathlib import Path

import doc_examples
import pytest


def test_every_page_with_python_is_read() -> None:
    pages = {example.page for example in doc_examples.examples()}
    assert {"README.md", "docs/conversations.md", "docs/quickstart.md"} <= pages
    assert all(example.code.strip() for example in doc_examples.examples())


def test_the_conversation_examples_are_there() -> None:
    examples = [e for e in doc_examples.examples() if e.page == "docs/conversations.md"]
    assert "ChatsClient()" in examples[0].code and "AsyncChatsClient()" in examples[1].code
    assert not examples[0].whole and examples[1].whole  # a script, then a program with a class


def test_a_fragment_becomes_a_function_of_the_names_it_uses() -> None:
    fragment = doc_examples.Example("docs/x.md", 3, "await client.get(chat_id)\n", runs=True)
    assert fragment.awaits and not fragment.whole
    module = fragment.module()
    assert "async def example(\n    client: AsyncChatsClient, chat_id: str" in module
    assert module.endswith("    await client.get(chat_id)\n")
    assert "asyncio.run(run())" in fragment.program()


def test_a_marked_block_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text(
        "<!-- example: not run (needs TLS) -->\n```python\nprint(1)\n```\n\n"
        "```python\nprint(2)\n```\n"
    )
    monkeypatch.setattr(doc_examples, "ROOT", tmp_path)
    first, second = doc_examples.examples()
    assert (first.runs, first.line, first.code) == (False, 2, "print(1)\n")
    assert (second.runs, second.line) == (True, 6)


def test_the_conversation_examples_pass_mypy_strict(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    files = []
    for index, example in enumerate(doc_examples.examples()):
        if example.page == "docs/conversations.md":
            path = tmp_path / f"example_{index}.py"
            path.write_text(example.module())
            files.append(str(path))
    out, err, status = api.run(["--strict", "--no-incremental", "--follow-imports=silent", *files])
    assert status == 0, out + err
