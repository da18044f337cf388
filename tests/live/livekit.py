"""Helpers of the live tests: chat payloads with a real history, unique words, polling."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

T = TypeVar("T")


@dataclass
class Made:
    """A chat created by a test: its id, title and the ids of its two messages."""

    id: str
    title: str
    user_message_id: str
    assistant_message_id: str
    word: str


def unique_word(prefix: str = "w") -> str:
    """A token no other chat contains, so that searches and filters see only this test's chats."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def chat_body(
    text: str = "hello there", *, title: str | None = None, model: str | None = "echo"
) -> tuple[dict[str, Any], str, str]:
    """A chat payload as the web UI stores it: a user message and its answer, linked both ways.

    Returns ``(chat, user_message_id, assistant_message_id)``. Messages carry timestamps
    (``GET /stats/usage`` answers 500 without them).
    """
    user_id, assistant_id = str(uuid.uuid4()), str(uuid.uuid4())
    now = int(time.time())
    user = {
        "id": user_id,
        "parentId": None,
        "childrenIds": [assistant_id],
        "role": "user",
        "content": text,
        "timestamp": now,
    }
    assistant = {
        "id": assistant_id,
        "parentId": user_id,
        "childrenIds": [],
        "role": "assistant",
        "content": f"echo: {text}",
        "timestamp": now + 1,
    }
    chat: dict[str, Any] = {
        "title": title or f"Chat {text}",
        "history": {
            "currentId": assistant_id,
            "messages": {user_id: user, assistant_id: assistant},
        },
        "messages": [user, assistant],
    }
    if model is not None:
        chat["models"] = [model]
        assistant["model"] = model
    return chat, user_id, assistant_id


async def create_chat(api: Any, text: str | None = None, *, model: str | None = "echo") -> Made:
    """Create a chat through ``api.create_new`` with a unique word in its title and content."""
    word = unique_word()
    content = text or f"about {word}"
    chat, user_id, assistant_id = chat_body(content, title=f"Chat {word}", model=model)
    created = await api.create_new({"chat": chat})
    assert created is not None
    assert created.title == f"Chat {word}"
    return Made(created.id, created.title, user_id, assistant_id, word)


async def poll(
    check: Callable[[], Awaitable[T]], *, until: Callable[[T], bool], deadline: float = 15.0
) -> T:
    """Call ``check`` until ``until(result)`` holds or ``deadline`` seconds pass."""
    end = time.monotonic() + deadline
    delay = 0.05
    while True:
        result = await check()
        if until(result) or time.monotonic() > end:
            return result
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.5)


def ids(items: Any) -> set[str]:
    """The ``id`` of every item of a listing."""
    return {item.id for item in items}


def running_tasks(base_url: str, admin_token: str) -> list[str]:
    """Every background task the server runs now (``GET /api/tasks``, admin only)."""
    response = httpx.get(
        f"{base_url}/api/tasks", headers={"Authorization": f"Bearer {admin_token}"}, timeout=60
    )
    response.raise_for_status()
    tasks: list[str] = response.json()["tasks"]
    return tasks


def wait_until_idle(base_url: str, admin_token: str, deadline: float = 60.0) -> None:
    """Return once the server runs no background task at all; fail naming them after
    ``deadline`` seconds.

    Completions with a ``session_id`` run as tasks that keep writing to their chat (the answer,
    the outlet filters' version of it, a title) after the request has returned. The per-chat
    listing cannot see the tasks of a temporary ``local:`` chat started over HTTP; this can.
    """
    end = time.monotonic() + deadline
    delay = 0.02
    while tasks := running_tasks(base_url, admin_token):
        if time.monotonic() > end:
            raise AssertionError(f"background tasks still running after {deadline:.0f}s: {tasks}")
        time.sleep(delay)
        delay = min(delay * 2, 0.5)
