"""The examples of README.md and docs/ run against the suite's Open WebUI and do what they show.

Each example (`doc_examples.examples`, all but those marked ``<!-- example: not run ... -->``)
runs in its own Python process, as a reader would run it, with ``OPENWEBUI_BASE_URL`` and
``OPENWEBUI_API_KEY`` naming the suite's server. The placeholders the pages use are replaced by
what this server has: ``http://localhost:8080`` by its URL, ``sk-...`` by the admin's key, the
models ``llama3`` and ``gpt-4o`` by the echo model (which answers ``echo: <question>``), and
``chat-id`` by a chat of the admin. A fragment gets ``client``, ``chat_id`` (a new chat titled
"Groceries for the week", answered once), ``chat``, ``base_url`` and ``jwt`` (the admin's).

Every example must exit 0 with nothing on stderr; the ones below also have their output or their
effect on the server checked (`CHECKS`), and every example that runs has a check.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import doc_examples
import pytest

from owui_chats_client import ChatsClient

RUNNABLE = [example for example in doc_examples.examples() if example.runs]
PLACEHOLDERS = {
    '"http://localhost:8080"': "base_url",
    '"sk-..."': "api_key",
    '"llama3"': "model",
    '"gpt-4o"': "model",
    '"chat-id"': "chat_id",
}
TITLE = "Groceries for the week"


@dataclass
class Ran:
    out: str
    chat_id: str
    client: ChatsClient
    seed: Any


def program_of(example: doc_examples.Example, values: dict[str, str]) -> str:
    code = example.program()
    for placeholder, name in PLACEHOLDERS.items():
        code = code.replace(placeholder, repr(values[name]))
    return code


def answered(out: str, *questions: str) -> bool:
    return all(f"echo: {question}" in out for question in questions)


def tagged_home(ran: Ran) -> bool:
    """The quick start's chat: made, titled Groceries and tagged home."""
    # the listing is newest first: the first "Groceries" is the chat the example made
    ids = [line.split()[0] for line in ran.out.splitlines() if line.endswith(" Groceries")]
    return bool(ids) and "home" in [tag.name for tag in ran.client.get_tags(ids[0])]


def tree_saved(ran: Ran) -> bool:
    """The message tree example: the answer "Because." is now the chat's current message."""
    chat = ran.client.get(ran.chat_id)
    assert chat is not None
    history = chat.chat["history"]
    current = history["messages"][history["currentId"]]
    question = history["messages"][current["parentId"]]
    return current["content"] == "Because." and question["content"] == "Why?"


# What each example shows, keyed by a line of its code that no other example has.
CHECKS: dict[str, Callable[[Ran], bool]] = {
    # README: the first program and its async twin
    "for item in client.iter_list():  # every chat of the caller, a page at a time": lambda r: (
        tagged_home(r) and answered(r.out, "What is the capital of France?", "And of Italy?")
    ),
    'reply = await client.start_chat("llama3", "Hello", timeout=120)': lambda r: (
        TITLE in r.out and answered(r.out, "Hello")
    ),
    # docs/quickstart.md
    "    for item in client.get_list():": lambda r: tagged_home(r),
    "print([c.title for c in chats])": lambda r: TITLE in r.out,
    # docs/completions.md: the answer, then the same answer streamed
    "print(answer.choices[0].message.content)": lambda r: r.out.count("echo: Hello") == 2,
    # docs/conversations.md
    'print(f"{client.base_url}/c/{reply.chat_id}")': lambda r: (
        answered(r.out, "What is the capital of France?", "And of Italy?")
        and f"{r.seed.base_url}/c/" in r.out
    ),
    "class ChatService:": lambda r: all(
        answered(r.out, f"Hello, I am user {i}") for i in range(20)
    ),
    "tree = MessageTree.from_chat(chat.chat)": tree_saved,
    "with ChatsClient(base_url, api_key=jwt) as client:": lambda r: (
        # the pieces, then the stored answer (the server's outlet filter appends its suffix)
        r.out.count("echo: Tell me a story") == 2 and r.out.rstrip().endswith("[filtered]")
    ),
    "async with AsyncChatsClient(base_url, api_key=jwt) as client:": lambda r: (
        r.out.count("echo: Tell me a story") == 2 and r.out.rstrip().endswith("[filtered]")
    ),
    # docs/errors.md
    "raw = client.with_raw_response.get(chat_id)": lambda r: r.out.startswith(
        "200 application/json"
    ),
    # docs/paging.md
    "for item in client.iter_list():  # async": lambda r: f"{r.chat_id} {TITLE}" in r.out,
    'async for item in client.iter_search("groceries"):': lambda r: f"{r.chat_id} {TITLE}" in r.out,
    # docs/releases.md
    # the release as the server states it; 0.12.4 has sort_by, so nothing more is printed
    "print(client.server_version())": lambda r: r.out.split() == [r.client.server_version()],
}


def check_of(example: doc_examples.Example) -> Callable[[Ran], bool]:
    found = [check for key, check in CHECKS.items() if key in example.code]
    assert len(found) == 1, f"{example.name}: {len(found)} checks match (want one)"
    return found[0]


def test_every_example_that_runs_has_one_check() -> None:
    assert len(RUNNABLE) >= 12
    for example in RUNNABLE:
        check_of(example)


@pytest.mark.parametrize("example", RUNNABLE, ids=[e.name for e in RUNNABLE])
def test_the_example_runs_and_does_what_it_shows(
    example: doc_examples.Example, seed: Any, sync_client: ChatsClient, tmp_path: Any
) -> None:
    reply = sync_client.start_chat(seed.echo_model, "What is on the list?", title=TITLE)
    values = {
        "base_url": seed.base_url,
        "api_key": seed.api_key,
        "model": seed.echo_model,
        "chat_id": reply.chat_id,
    }
    script = tmp_path / "example.py"
    script.write_text(program_of(example, values))
    assert "sk-..." not in script.read_text()
    env = {
        **os.environ,
        "OPENWEBUI_BASE_URL": seed.base_url,
        "OPENWEBUI_API_KEY": seed.api_key,
        "EXAMPLE_CHAT_ID": reply.chat_id,
        "EXAMPLE_JWT": seed.admin_token,
    }
    env.pop("OPENWEBUI_LOG", None)
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{example.name} failed:\n{done.stdout}\n{done.stderr}"
    assert done.stderr == "", done.stderr
    ran = Ran(out=done.stdout, chat_id=reply.chat_id, client=sync_client, seed=seed)
    assert check_of(example)(ran), f"{example.name} printed:\n{done.stdout}"
