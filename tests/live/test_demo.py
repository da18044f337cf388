"""``scripts/demo.py`` against the suite's server, run as a user runs it (a subprocess with
``OPENWEBUI_BASE_URL`` and ``OPENWEBUI_API_KEY``), as an admin created for the test (only
admins may use the echo models): every part says it succeeded, the credentials are never
printed, and the user is left without a chat."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from live.livekit import add_user, echo

from owui_chats_client import ChatsClient

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "scripts" / "demo.py"


def run_demo(env: dict[str, str]) -> str:
    """The demo's output, words separated by single spaces (it wraps long lines)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENWEBUI_", "OWUI_DEMO"))}
    done = subprocess.run(
        [sys.executable, str(DEMO)],
        env={**clean, **env, "OWUI_DEMO_TRACEBACK": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == "", done.stderr
    return " ".join(done.stdout.split())


@pytest.mark.parametrize("live", ["jwt", "sk-only"])
def test_every_part_of_the_demo_succeeds(seed: Any, live: str) -> None:
    fresh_user = add_user(seed, role="admin")  # the echo models are the admin's functions
    env = {
        "OPENWEBUI_BASE_URL": seed.base_url,
        "OPENWEBUI_API_KEY": fresh_user.api_key,
        "OPENWEBUI_MODEL": "echo",
    }
    if live == "jwt":
        env["OPENWEBUI_SOCKET_TOKEN"] = fresh_user.token
    said = run_demo(env)

    assert fresh_user.api_key not in said and fresh_user.token not in said
    assert f"Open WebUI 0.12.4 at {seed.base_url}" in said
    # 1. the conversation: each stored answer, then the stored chat
    for question in (
        "Suggest three quiet places to read in Lisbon.",
        "Which of them opens earliest in the morning?",
    ):
        assert f"you {question} echo {echo(question)}" in said
    assert "4 messages stored (user, assistant, user, assistant)" in said
    # 2. the live answer, in pieces that join to the stored answer (or the completion stream)
    live_question = "Describe the first one briefly."
    if live == "jwt":
        assert f"you {live_question} echo {echo(live_question)} " in said
        assert "stream.reply is the stored answer, the pieces joined: True" in said
        assert "the chat now holds 6 messages" in said
    else:
        assert "streaming POST /api/chat/completions instead" in said
        assert f"you {live_question} echo echo: {live_question} " in said
    pieces = re.search(r" (\d+) pieces in ", said)
    assert pieces is not None and int(pieces.group(1)) > 1, "the answer came in pieces"
    # 3. two conversations at once, each in its own chat
    for city in ("Porto", "Coimbra"):
        question = f"Suggest a quiet place to read in {city}."
        assert f"you {question} echo {echo(question)}" in said
        assert f"you Is it open on Sundays? ({city}) echo {echo('Is it open on Sundays?')}" in said
    # 4. paging: the user's 3 chats and 61 imported ones, over two pages
    assert "60 chats on page 1" in said
    assert "64 chats in 2 pages" in said
    assert "each once: True; all 61 imported among them: True" in said
    # 5. backup and restore with the command
    assert "owui_chats_client.cli export -o backup.ndjson" in said or (
        "$ owui-chats export -o backup.ndjson" in said
    )
    assert "exported 3 chats" in said and "backup.ndjson: 3 chats" in said
    assert "gone (401 on GET)" in said
    assert "imported 1 chats" in said and "(2 already there, 0 skipped)" in said
    messages = 6 if live == "jwt" else 4
    assert f"with {messages} messages (imported_from 'chat:" in said
    assert "the same messages as before: True" in said
    assert "deleted the 3 chats the demo made" in said
    assert "== Timings" in said and "total" in said

    with ChatsClient(seed.base_url, api_key=fresh_user.api_key) as client:
        assert list(client.iter_list(include_pinned=True, include_folders=True)) == []
        assert client.get_archived_list() == []
