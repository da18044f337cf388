"""A tour of what the package is for, against a real Open WebUI, in five short parts:

1. a conversation with `ChatsClient` (``start_chat``, ``send_message``), each stored answer shown;
2. a live answer, its text printed as the server produces it (``stream_message``);
3. two conversations at once with `AsyncChatsClient` (``asyncio.gather``);
4. paging through the chat list (``iter_list``, 60 chats a page);
5. a backup and a restore with the ``owui-chats`` command (``export``, delete, ``import``).

With no environment it starts a local Open WebUI (``localserver.py``), whose models are pipe
functions that echo the question (``echo``; ``slowecho`` takes 0.4 s a word, for the live answer),
and stops it at the end. With ``OPENWEBUI_BASE_URL`` and ``OPENWEBUI_API_KEY`` it uses that
server instead, with ``OPENWEBUI_MODEL`` or the first model of ``GET /api/models``; the live
answer needs a JWT (the key itself, or ``OPENWEBUI_SOCKET_TOKEN``), and with only an ``sk-`` key
the demo streams ``POST /api/chat/completions`` instead. On such a server it deletes every chat
it made before it ends (the backup file too), and touches no other chat.

    scripts/demo
    OPENWEBUI_BASE_URL=http://localhost:8080 OPENWEBUI_API_KEY=sk-... scripts/demo

``OWUI_DEMO_TRACEBACK=1`` prints the traceback of a failure.
"""

from __future__ import annotations

import asyncio
import importlib.util
import math
import os
import shlex
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from owui_chats_client import (  # noqa: E402
    APIStatusError,
    AsyncChatsClient,
    ChatReply,
    ChatsClient,
    MessageTree,
    OpenWebUIError,
)
from owui_chats_client.types import ChatResponse  # noqa: E402

SYSTEM = "Answer in one or two short sentences."
QUESTIONS = (
    "Suggest three quiet places to read in Lisbon.",
    "Which of them opens earliest in the morning?",
)
LIVE_QUESTION = "Describe the first one briefly."
CITIES = ("Porto", "Coimbra")
PAGE = 60  # chats a page of GET /api/v1/chats/list
WIDTH = 100


@dataclass
class Target:
    """The server the demo talks to, and how."""

    base_url: str
    api_key: str
    socket_token: str | None  # a JWT for live answers (Open WebUI refuses sk- keys there)
    model: str
    live_model: str
    where: str
    about_models: str


@dataclass
class Tour:
    """What the parts share: the chats made (deleted at the end) and the time of each part."""

    target: Target
    word: str = field(default_factory=lambda: f"demo{uuid.uuid4().hex[:6]}")
    made: list[str] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Reading in Lisbon ({self.word})"

    @contextmanager
    def part(self, title: str) -> Iterator[None]:
        print(f"\n== {title}", flush=True)
        start = time.monotonic()
        yield
        self.timings.append((title.split(":")[0], time.monotonic() - start))


# -- output --------------------------------------------------------------------------------------


def code(line: str) -> None:
    """A call as one would write it."""
    print(f"  >>> {line}", flush=True)


def shell(argv: list[str]) -> None:
    """A command line as one would type it."""
    print(f"  $ {shlex.join(argv)}", flush=True)


def out(text: str) -> None:
    """What a call or command gave, indented (long lines wrapped)."""
    for line in text.splitlines():
        wrapped = textwrap.wrap(line, WIDTH - 6, subsequent_indent="  ") or [""]
        print("\n".join(f"      {part}" for part in wrapped), flush=True)


def said(who: str, text: str, extra: str = "") -> None:
    """One message of a conversation: its author, then its text (long answers shortened)."""
    body = textwrap.shorten(text, 400, placeholder=" [...]") if text.strip() else "(empty)"
    lines = textwrap.wrap(body + extra, WIDTH - len(label(""))) or [""]
    print(label(who) + lines[0])
    for line in lines[1:]:
        print(label("") + line)
    sys.stdout.flush()


def label(who: str) -> str:
    """The start of a message's line: its author in a column."""
    return f"      {who[:12]:<12} "


def short(identifier: str) -> str:
    return identifier[:8]


def messages_of(chat: ChatResponse) -> list[Any]:
    """The messages of a stored chat, from the first question to the current answer."""
    payload = chat.chat if isinstance(chat.chat, dict) else {}
    return MessageTree.from_chat(payload).path()


# -- 1. a conversation, sync ---------------------------------------------------------------------


def conversation(client: ChatsClient, tour: Tour) -> str:
    """Two turns of a conversation; the chat's id."""
    model = tour.target.model
    code(f"reply = client.start_chat({model!r}, {QUESTIONS[0]!r},")
    code(f"                          system={SYSTEM!r},")
    code(f"                          title={tour.title!r})")
    start = time.monotonic()
    reply = client.start_chat(model, QUESTIONS[0], system=SYSTEM, title=tour.title)
    tour.made.append(reply.chat_id)
    said("you", QUESTIONS[0])
    said(reply.model, reply.content, f"   ({time.monotonic() - start:.1f} s)")

    code(f"reply = client.send_message(reply.chat_id, {QUESTIONS[1]!r})")
    start = time.monotonic()
    reply = client.send_message(reply.chat_id, QUESTIONS[1])
    said("you", QUESTIONS[1])
    said(reply.model, reply.content, f"   ({time.monotonic() - start:.1f} s)")

    code("chat = client.get(reply.chat_id)")
    chat = client.get(reply.chat_id)
    assert chat is not None
    stored = messages_of(chat)
    out(
        f"chat {short(chat.id)} {chat.title!r}: {len(stored)} messages stored "
        f"({', '.join(str(m.get('role')) for m in stored)})"
    )
    return reply.chat_id


# -- 2. a live answer, sync ----------------------------------------------------------------------


def live_answer(client: ChatsClient, tour: Tour, chat_id: str) -> None:
    target = tour.target
    if importlib.util.find_spec("socketio") is None:
        why = "stream_message needs python-socketio: pip install 'owui-chats-client[live]'"
        completion_stream(client, target, why)
        return
    if target.socket_token is None:
        why = (
            "stream_message needs a JWT (Open WebUI refuses sk- keys on its live channel; set "
            "OPENWEBUI_SOCKET_TOKEN)"
        )
        completion_stream(client, target, why)
        return
    model = target.live_model
    code(f"with client.stream_message(chat_id, {LIVE_QUESTION!r},")
    code(f"                           model={model!r}) as stream:")
    code("    for piece in stream: print(piece, end='')")
    said("you", LIVE_QUESTION)
    print(label(model), end="", flush=True)
    pieces: list[str] = []
    start = time.monotonic()
    first: float | None = None
    with client.stream_message(
        chat_id, LIVE_QUESTION, model=model, socket_token=target.socket_token
    ) as stream:
        for piece in stream:
            first = first if first is not None else time.monotonic() - start
            pieces.append(piece)
            print(piece.replace("\n", "\n" + label("")), end="", flush=True)
    print(flush=True)
    reply = stream.reply
    out(
        f"{len(pieces)} pieces in {time.monotonic() - start:.1f} s "
        f"(the first after {first or 0:.1f} s); stream.reply is the stored answer, "
        f"the pieces joined: {''.join(pieces) == reply.content}"
    )
    chat = client.get(chat_id)
    assert chat is not None
    out(f"the chat now holds {len(messages_of(chat))} messages")


def completion_stream(client: ChatsClient, target: Target, why: str) -> None:
    """When ``stream_message`` cannot run (``why``): the OpenAI-compatible stream, which stores
    nothing."""
    out(f"{why}: streaming POST /api/chat/completions instead (not stored)")
    form = {"model": target.live_model, "messages": [{"role": "user", "content": LIVE_QUESTION}]}
    code(f"form = {{'model': {target.live_model!r},")
    code(f"        'messages': [{{'role': 'user', 'content': {LIVE_QUESTION!r}}}]}}")
    code("with client.chat_completion(form, stream=True) as chunks:")
    code("    for chunk in chunks: print(chunk.choices[0].delta.content, end='')")
    said("you", LIVE_QUESTION)
    print(label(target.live_model), end="", flush=True)
    count = 0
    start = time.monotonic()
    with client.chat_completion(form, stream=True) as chunks:
        for chunk in chunks:
            for choice in chunk.choices or []:
                text = getattr(choice.delta, "content", None)
                if isinstance(text, str) and text:
                    count += 1
                    print(text.replace("\n", "\n" + label("")), end="", flush=True)
    print(flush=True)
    out(f"{count} pieces in {time.monotonic() - start:.1f} s")


# -- 3. two conversations at once, async ---------------------------------------------------------


async def two_at_once(client: AsyncChatsClient, tour: Tour) -> None:
    model = tour.target.model
    firsts = [f"Suggest a quiet place to read in {city}." for city in CITIES]
    code("first, second = await asyncio.gather(")
    for question in firsts:
        code(f"    client.start_chat({model!r}, {question!r}, system=SYSTEM),")
    code(")")
    start = time.monotonic()
    replies = await asyncio.gather(
        *(
            client.start_chat(model, question, system=SYSTEM, title=f"{city} ({tour.word})")
            for city, question in zip(CITIES, firsts, strict=True)
        )
    )
    tour.made.extend(reply.chat_id for reply in replies)
    both = time.monotonic() - start
    for question, reply in zip(firsts, replies, strict=True):
        said("you", question)
        said(reply.model, reply.content)
    out(f"(both answers in {both:.1f} s)")

    follow = "Is it open on Sundays?"
    code("await asyncio.gather(")
    code(f"    *(client.send_message(r.chat_id, {follow!r}) for r in (first, second))")
    code(")")
    start = time.monotonic()
    nexts: list[ChatReply] = await asyncio.gather(
        *(client.send_message(reply.chat_id, follow) for reply in replies)
    )
    for city, reply in zip(CITIES, nexts, strict=True):
        said("you", f"{follow}  ({city})")
        said(reply.model, reply.content)
    out(f"(both answers in {time.monotonic() - start:.1f} s)")


# -- 4. paging, async ----------------------------------------------------------------------------


async def paging(client: AsyncChatsClient, tour: Tour) -> None:
    count = PAGE + 1
    fillers = [
        {
            "chat": {
                "title": f"Page filler {n} ({tour.word})",
                "history": {"currentId": None, "messages": {}},
                "messages": [],
            }
        }
        for n in range(count)
    ]
    code(f"await client.import_chats({{'chats': [...]}})  # {count} small chats: two pages")
    imported = await client.import_chats({"chats": fillers})
    made = {chat.id for chat in imported}
    tour.made.extend(made)

    code("first_page = await client.get_list(page=1)")
    first_page = await client.get_list(page=1)
    out(f"{len(first_page)} chats on page 1")

    code("async for chat in client.iter_list(): ...  # page 1, 2, ... until a short page")
    seen: list[str] = []
    start = time.monotonic()
    async for chat in client.iter_list():
        seen.append(chat.id)
    pages = math.ceil((len(seen) + 1) / PAGE)  # the last page is the short (or empty) one
    out(
        f"{len(seen)} chats in {pages} pages ({time.monotonic() - start:.2f} s), each once: "
        f"{len(seen) == len(set(seen))}; all {count} imported among them: {made <= set(seen)}"
    )

    code("for chat in imported: await client.delete(chat.id)")
    for chat_id in made:
        await client.delete(chat_id)
    tour.made = [chat_id for chat_id in tour.made if chat_id not in made]
    out(f"deleted the {count} again")


async def async_parts(tour: Tour) -> None:
    target = tour.target
    async with AsyncChatsClient(target.base_url, api_key=target.api_key) as client:
        with tour.part("3. Two conversations at once: AsyncChatsClient, asyncio.gather"):
            code("async with AsyncChatsClient(base_url, api_key=api_key) as client:")
            await two_at_once(client, tour)
        with tour.part("4. Paging through the chat list: AsyncChatsClient.iter_list"):
            await paging(client, tour)


# -- 5. backup and restore with the owui-chats command -------------------------------------------


def command() -> list[str]:
    """How to run ``owui-chats``: the console script of this checkout's ``.venv`` when that is the
    interpreter (``scripts/demo``), else ``python -m owui_chats_client.cli``."""
    script = Path(sys.executable).parent / "owui-chats"
    if script.exists() and Path(sys.prefix).resolve() == (ROOT / ".venv").resolve():
        return [str(script)]
    return [sys.executable, "-m", "owui_chats_client.cli"]


def owui_chats(target: Target, folder: Path, *args: str) -> None:
    """Run ``owui-chats ARGS`` in ``folder`` with the server in its environment; show its output."""
    argv = command()
    shown = ["owui-chats"] if len(argv) == 1 else ["python", "-m", "owui_chats_client.cli"]
    shell([*shown, *args])
    env = {
        **os.environ,
        "OPENWEBUI_BASE_URL": target.base_url,
        "OPENWEBUI_API_KEY": target.api_key,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [*argv, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300
    )
    output = (done.stdout + done.stderr).strip()
    if output:
        out(output)
    if done.returncode != 0:
        raise RuntimeError(f"owui-chats {args[0]} exited with status {done.returncode}")


def backup_and_restore(client: ChatsClient, tour: Tour, chat_id: str) -> None:
    target = tour.target
    before = client.get(chat_id)
    assert before is not None
    old = [(m.get("role"), m.get("content")) for m in messages_of(before)]
    out("(the command reads OPENWEBUI_BASE_URL and OPENWEBUI_API_KEY from the environment)")
    with tempfile.TemporaryDirectory(prefix="owui-demo-") as tmp:
        folder = Path(tmp)
        owui_chats(target, folder, "export", "-o", "backup.ndjson")
        lines = (folder / "backup.ndjson").read_text().count("\n")
        out(f"backup.ndjson: {lines} chats, one JSON object a line")

        code(f"client.delete({short(chat_id)!r}...)  # the conversation of part 1")
        assert client.delete(chat_id) is True
        tour.made.remove(chat_id)
        try:
            client.get(chat_id)
            gone = "still there"
        except APIStatusError as exc:  # Open WebUI answers 401 for a chat the caller lacks
            gone = f"gone ({exc.status_code} on GET)"
        out(f"chat {short(chat_id)} {gone}")

        owui_chats(target, folder, "import", "backup.ndjson")

    code(f"[hit] = client.search({tour.word!r}); chat = client.get(hit.id)")
    hits = [hit for hit in client.search(tour.word) if hit.title == tour.title]
    if len(hits) != 1:
        raise RuntimeError(f"expected the restored chat {tour.title!r}, found {len(hits)}")
    tour.made.append(hits[0].id)
    restored = client.get(hits[0].id)
    assert restored is not None
    new = [(m.get("role"), m.get("content")) for m in messages_of(restored)]
    meta = restored.meta if isinstance(restored.meta, dict) else {}
    out(
        f"restored: chat {short(restored.id)} {restored.title!r} with {len(new)} messages "
        f"(imported_from {meta.get('imported_from')!r}); the same messages as before: {new == old}"
    )


# -- the tour ------------------------------------------------------------------------------------


def tour_of(target: Target, server_start: float | None) -> None:
    tour = Tour(target)
    if server_start is not None:
        tour.timings.append(("server start", server_start))
    started = time.monotonic()
    with ChatsClient(target.base_url, api_key=target.api_key) as client:
        print(f"Open WebUI {client.server_version()} at {target.base_url} ({target.where})")
        print(f"model {target.model!r}: {target.about_models}")
        try:
            with tour.part("1. A conversation: ChatsClient.start_chat, send_message"):
                code("client = ChatsClient(base_url, api_key=api_key)")
                chat_id = conversation(client, tour)
            with tour.part("2. A live answer: ChatsClient.stream_message"):
                live_answer(client, tour, chat_id)
            asyncio.run(async_parts(tour))
            with tour.part("5. Backup and restore: the owui-chats command"):
                backup_and_restore(client, tour, chat_id)
        finally:
            for made in tour.made:
                try:
                    client.delete(made)
                except OpenWebUIError as exc:
                    print(f"could not delete chat {made}: {exc}", file=sys.stderr)
            if tour.made:
                print(f"\ndeleted the {len(tour.made)} chats the demo made", flush=True)
    print("\n== Timings")
    for name, seconds in tour.timings:
        print(f"  {name:<40} {seconds:6.1f} s")
    total = time.monotonic() - started + (server_start or 0.0)
    print(f"  {'total':<40} {total:6.1f} s")


def first_model(base_url: str, api_key: str) -> str | None:
    """The id of the first model the server lists (``GET /api/models``), or None."""
    response = httpx.get(
        f"{base_url.rstrip('/')}/api/models",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=30,
    )
    response.raise_for_status()
    models = response.json().get("data") or []
    return str(models[0]["id"]) if models else None


def remote_target(base_url: str, api_key: str) -> Target:
    chosen = os.environ.get("OPENWEBUI_MODEL")
    model = chosen or first_model(base_url, api_key)
    if model is None:
        raise RuntimeError("the server lists no model: set OPENWEBUI_MODEL")
    token = os.environ.get("OPENWEBUI_SOCKET_TOKEN") or (
        None if api_key.startswith("sk-") else api_key
    )
    return Target(
        base_url.rstrip("/"),
        api_key,
        token,
        model,
        model,
        "from OPENWEBUI_BASE_URL",
        "from OPENWEBUI_MODEL" if chosen else "the first listed (OPENWEBUI_MODEL picks another)",
    )


def main() -> int:
    base_url = os.environ.get("OPENWEBUI_BASE_URL")
    api_key = os.environ.get("OPENWEBUI_API_KEY")
    try:
        if base_url and api_key:
            tour_of(remote_target(base_url, api_key), None)
            return 0

        from localserver import LocalServer, ensure_installed

        ensure_installed()  # the first time: a one-time install that reports its own progress
        print("Starting a local Open WebUI (20-60 s)...", flush=True)
        start = time.monotonic()
        with LocalServer() as server:
            seed = server.seed
            assert seed is not None
            target = Target(
                seed.base_url,
                seed.api_key,
                seed.admin_token,
                seed.echo_model,
                seed.slow_echo_model,
                "local, started for this demo",
                "this server has no LLM; its models are pipe functions that answer "
                '"echo: <question>"\n(slowecho: 0.4 s a word), and a global filter adds '
                '" [filtered]" to every answer',
            )
            tour_of(target, time.monotonic() - start)
        print("local server stopped")
        return 0
    except (OpenWebUIError, httpx.HTTPError, AssertionError, RuntimeError, ValueError) as exc:
        print(f"\ndemo failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("OWUI_DEMO_TRACEBACK"):
            traceback.print_exc()
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
