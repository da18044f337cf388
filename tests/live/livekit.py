"""Helpers of the live tests: chat payloads with a real history, unique words, polling."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

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


async def settle(api: Any, chat_id: str) -> None:
    """Wait until the server runs no task for ``chat_id`` (``GET /api/tasks/chat/{id}``).

    A completion with a ``session_id`` runs as a background task that keeps writing to its chat
    after the request has returned; a test that starts one waits for it before it ends.
    """
    left = await poll(lambda: api.list_tasks(chat_id), until=lambda t: not t.task_ids, deadline=60)
    assert left.task_ids == [], f"tasks of {chat_id} still running: {left.task_ids}"
