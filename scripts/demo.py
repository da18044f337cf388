"""A walk through the SDK: one realistic session with `ChatsClient`, then with `AsyncChatsClient`.

With no environment it starts a local Open WebUI (see ``localserver.py``), uses its echo model and
stops it at the end. With ``OPENWEBUI_BASE_URL`` and ``OPENWEBUI_API_KEY`` it talks to that
server instead and touches only the chats it creates; the completion uses
``OPENWEBUI_DEMO_MODEL`` or the first model of ``GET /api/models``, and the folder step uses
``OPENWEBUI_DEMO_FOLDER_ID`` when it is set.

    scripts/demo
    OPENWEBUI_BASE_URL=http://localhost:8080 OPENWEBUI_API_KEY=sk-... scripts/demo
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from owui_chats_client import AsyncChatsClient, ChatsClient, OpenWebUIError  # noqa: E402

QUESTION = "Suggest three quiet places to read in Lisbon"


@dataclass
class Settings:
    base_url: str
    api_key: str
    model: str | None
    folder_id: str | None
    where: str


def say(mode: str, step: str, text: str) -> None:
    print(f"[{mode:5}] {step:<10} {text}", flush=True)


def short(identifier: object) -> str:
    return identifier[:8] if isinstance(identifier, str) and identifier else "-"


def exchange(question: str, answer: str, model: str) -> dict[str, Any]:
    """The chat payload of one question and its answer, as the web UI stores it."""
    user_id, assistant_id = str(uuid.uuid4()), str(uuid.uuid4())
    now = int(time.time())
    user = {
        "id": user_id,
        "parentId": None,
        "childrenIds": [assistant_id],
        "role": "user",
        "content": question,
        "timestamp": now,
    }
    assistant = {
        "id": assistant_id,
        "parentId": user_id,
        "childrenIds": [],
        "role": "assistant",
        "content": answer,
        "model": model,
        "timestamp": now + 1,
    }
    return {
        "models": [model],
        "history": {
            "currentId": assistant_id,
            "messages": {user_id: user, assistant_id: assistant},
        },
        "messages": [user, assistant],
    }


def first_model(base_url: str, api_key: str) -> str | None:
    """The id of the first model the server lists, or None."""
    response = httpx.get(
        f"{base_url.rstrip('/')}/api/models",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=30,
    )
    response.raise_for_status()
    models = response.json().get("data") or []
    return str(models[0]["id"]) if models else None


# -- the session, synchronous ----------------------------------------------------------------------


def run_sync(settings: Settings) -> None:
    mode = "sync"
    created: list[str] = []
    word = f"lisbon{uuid.uuid4().hex[:6]}"
    with ChatsClient(settings.base_url, api_key=settings.api_key) as client:
        try:
            say(mode, "server", f"Open WebUI {client.server_version()} at {settings.base_url}")
            chat = client.create_new({"chat": {"title": f"Reading spots ({word})"}})
            assert chat is not None
            created.append(chat.id)
            say(mode, "create", f"chat {short(chat.id)} {chat.title!r}")

            if settings.model is None:
                say(
                    mode,
                    "complete",
                    "skipped: the server lists no model (set OPENWEBUI_DEMO_MODEL)",
                )
            else:
                print(
                    f"[{mode:5}] {'stream':<10} answer of {settings.model!r}: ", end="", flush=True
                )
                parts: list[str] = []
                stream = client.chat_completion(
                    {
                        "model": settings.model,
                        "messages": [{"role": "user", "content": QUESTION}],
                    },
                    stream=True,
                )
                with stream:
                    for chunk in stream:
                        for choice in chunk.choices or []:
                            text = getattr(choice.delta, "content", None)
                            if isinstance(text, str) and text:
                                parts.append(text)
                                print(text, end="", flush=True)
                print(f"  ({len(parts)} chunks)", flush=True)
                answer = "".join(parts)
                stored = client.update(
                    chat.id, {"chat": exchange(QUESTION, answer, settings.model)}
                )
                assert stored is not None
                count = len(stored.chat["history"]["messages"])
                say(mode, "update", f"stored the exchange: {count} messages in the chat")

            tags = client.add_tag(chat.id, {"name": "travel"})
            say(mode, "tag", "tags now: " + ", ".join(tag.name for tag in tags))

            pinned = client.pin(chat.id)
            assert pinned is not None
            say(
                mode,
                "pin",
                f"pinned={pinned.pinned}, {len(client.get_pinned())} pinned chat(s) in all",
            )

            hits = client.search(word)
            say(
                mode,
                "search",
                f"{word!r} finds {len(hits)} chat(s): " + ", ".join(short(hit.id) for hit in hits),
            )

            shared = client.share(chat.id)
            assert shared is not None
            say(
                mode,
                "share",
                f"share id {short(shared.share_id)}; "
                f"{len(client.get_shared_list())} shared chat(s) in all",
            )

            if settings.folder_id:
                moved = client.update_folder(chat.id, {"folder_id": settings.folder_id})
                assert moved is not None
                inside = client.get_list_by_folder_id(settings.folder_id)
                say(
                    mode,
                    "folder",
                    f"moved into folder {short(moved.folder_id)}, "
                    f"which holds {len(inside)} chat(s)",
                )
            else:
                say(mode, "folder", "skipped: no folder (set OPENWEBUI_DEMO_FOLDER_ID)")

            stats = client.export_single_chat_stats(chat.id)
            messages = stats.stats.message_count if stats is not None else 0
            with client.iter_all() as every:
                total = sum(1 for _ in every)
            say(
                mode,
                "export",
                f"stats: {messages} message(s); iter_all streamed {total} chat(s) of this account",
            )

            archived = client.archive(chat.id)
            assert archived is not None
            say(
                mode,
                "archive",
                f"archived={archived.archived}, "
                f"{client.get_archived_count()} archived chat(s) in all",
            )
        finally:
            for chat_id in created:
                client.delete(chat_id)
            if created:
                say(
                    mode,
                    "delete",
                    f"removed {len(created)} chat(s) made here: "
                    + ", ".join(short(c) for c in created),
                )


# -- the same session, asynchronous ----------------------------------------------------------------


async def run_async(settings: Settings) -> None:
    mode = "async"
    created: list[str] = []
    word = f"lisbon{uuid.uuid4().hex[:6]}"
    async with AsyncChatsClient(settings.base_url, api_key=settings.api_key) as client:
        try:
            version = await client.server_version()
            say(mode, "server", f"Open WebUI {version} at {settings.base_url}")
            chat = await client.create_new({"chat": {"title": f"Reading spots ({word})"}})
            assert chat is not None
            created.append(chat.id)
            say(mode, "create", f"chat {short(chat.id)} {chat.title!r}")

            if settings.model is None:
                say(
                    mode,
                    "complete",
                    "skipped: the server lists no model (set OPENWEBUI_DEMO_MODEL)",
                )
            else:
                print(
                    f"[{mode:5}] {'stream':<10} answer of {settings.model!r}: ", end="", flush=True
                )
                parts: list[str] = []
                stream = await client.chat_completion(
                    {
                        "model": settings.model,
                        "messages": [{"role": "user", "content": QUESTION}],
                    },
                    stream=True,
                )
                async with stream:
                    async for chunk in stream:
                        for choice in chunk.choices or []:
                            text = getattr(choice.delta, "content", None)
                            if isinstance(text, str) and text:
                                parts.append(text)
                                print(text, end="", flush=True)
                print(f"  ({len(parts)} chunks)", flush=True)
                answer = "".join(parts)
                stored = await client.update(
                    chat.id, {"chat": exchange(QUESTION, answer, settings.model)}
                )
                assert stored is not None
                count = len(stored.chat["history"]["messages"])
                say(mode, "update", f"stored the exchange: {count} messages in the chat")

            tags = await client.add_tag(chat.id, {"name": "travel"})
            say(mode, "tag", "tags now: " + ", ".join(tag.name for tag in tags))

            pinned = await client.pin(chat.id)
            assert pinned is not None
            say(
                mode,
                "pin",
                f"pinned={pinned.pinned}, {len(await client.get_pinned())} pinned chat(s) in all",
            )

            hits = await client.search(word)
            say(
                mode,
                "search",
                f"{word!r} finds {len(hits)} chat(s): " + ", ".join(short(hit.id) for hit in hits),
            )

            shared = await client.share(chat.id)
            assert shared is not None
            say(
                mode,
                "share",
                f"share id {short(shared.share_id)}; "
                f"{len(await client.get_shared_list())} shared chat(s) in all",
            )

            if settings.folder_id:
                moved = await client.update_folder(chat.id, {"folder_id": settings.folder_id})
                assert moved is not None
                inside = await client.get_list_by_folder_id(settings.folder_id)
                say(
                    mode,
                    "folder",
                    f"moved into folder {short(moved.folder_id)}, "
                    f"which holds {len(inside)} chat(s)",
                )
            else:
                say(mode, "folder", "skipped: no folder (set OPENWEBUI_DEMO_FOLDER_ID)")

            stats = await client.export_single_chat_stats(chat.id)
            messages = stats.stats.message_count if stats is not None else 0
            total = 0
            async with await client.iter_all() as every:
                async for _ in every:
                    total += 1
            say(
                mode,
                "export",
                f"stats: {messages} message(s); iter_all streamed {total} chat(s) of this account",
            )

            archived = await client.archive(chat.id)
            assert archived is not None
            say(
                mode,
                "archive",
                f"archived={archived.archived}, "
                f"{await client.get_archived_count()} archived chat(s) in all",
            )
        finally:
            for chat_id in created:
                await client.delete(chat_id)
            if created:
                say(
                    mode,
                    "delete",
                    f"removed {len(created)} chat(s) made here: "
                    + ", ".join(short(c) for c in created),
                )


# -- entry point -----------------------------------------------------------------------------------


def walk(settings: Settings) -> None:
    print(f"Open WebUI at {settings.base_url} ({settings.where})")
    started = time.monotonic()
    run_sync(settings)
    run_async_started = time.monotonic()
    asyncio.run(run_async(settings))
    end = time.monotonic()
    print(f"done: sync {run_async_started - started:.1f} s, async {end - run_async_started:.1f} s")


def main() -> int:
    base_url = os.environ.get("OPENWEBUI_BASE_URL")
    api_key = os.environ.get("OPENWEBUI_API_KEY")
    try:
        if base_url and api_key:
            model = os.environ.get("OPENWEBUI_DEMO_MODEL") or first_model(base_url, api_key)
            walk(
                Settings(
                    base_url,
                    api_key,
                    model,
                    os.environ.get("OPENWEBUI_DEMO_FOLDER_ID"),
                    "from OPENWEBUI_BASE_URL",
                )
            )
            return 0

        from localserver import LocalServer, ensure_installed

        ensure_installed()  # the first time: a one-time install that reports its own progress
        print("Starting a local Open WebUI (about 20 s)...", flush=True)
        with LocalServer() as server:
            seed = server.seed
            assert seed is not None
            model = os.environ.get("OPENWEBUI_DEMO_MODEL") or seed.slow_echo_model
            walk(
                Settings(
                    seed.base_url,
                    seed.api_key,
                    model,
                    seed.folder_id,
                    "local, started for this demo",
                )
            )
        print("local server stopped")
        return 0
    except (OpenWebUIError, httpx.HTTPError, AssertionError, RuntimeError) as exc:
        print(f"\ndemo failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("OWUI_DEMO_TRACEBACK"):
            traceback.print_exc()
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
