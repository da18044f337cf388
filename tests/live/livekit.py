"""Helpers of the live tests: chat payloads with a real history, unique words, polling."""

from __future__ import annotations

import asyncio
import inspect
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from owui_chats_client import AsyncChatsClient, ChatsClient, MessageTree

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


# -- clients and users -------------------------------------------------------------------------


class Api:
    """One client, sync or async, seen through awaitable methods.

    ``await api.method(...)`` calls the client's method and awaits the result when the client is
    async, so a test body is written once and runs in both modes. Streams are read with
    `collect` (which enters the stream as a context manager) or `enter`.
    """

    def __init__(self, client: ChatsClient | AsyncChatsClient) -> None:
        self.client = client
        self.is_async = isinstance(client, AsyncChatsClient)
        self.mode = "async" if self.is_async else "sync"

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.client, name)
        if not callable(method):
            return method

        async def call(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        call.__name__ = name
        return call

    async def collect(self, stream: Any) -> list[Any]:
        """Every item of a `Stream`/`JSONLinesStream` (sync or async), read inside ``with``."""
        if hasattr(stream, "__aenter__"):
            async with stream as items:
                return [item async for item in items]
        with stream as items:
            return list(items)

    def wrap(self, client: Any) -> Api:
        """Another client of the same mode (``with_options(...)``, ``with_raw_response``)."""
        wrapped = Api(self.client)
        wrapped.client = client
        return wrapped

    async def close(self) -> None:
        if self.is_async:
            await self.client.aclose()  # type: ignore[union-attr]
        else:
            self.client.close()  # type: ignore[union-attr]


@dataclass
class User:
    id: str
    email: str
    password: str
    token: str
    api_key: str


def add_user(seed: Any, *, role: str = "user", name: str = "Fresh User") -> User:
    """A new user (admin ``POST /api/v1/auths/add``) with its own API key and JWT.

    For tests that act on all of a user's chats (delete_all, archive_all...): the user owns
    nothing but what the test makes.
    """
    import localserver

    made = localserver.add_user(seed.base_url, seed.admin_token, name=name, role=role)
    return User(
        id=made["id"],
        email=made["email"],
        password=made["password"],
        token=made["token"],
        api_key=made["api_key"],
    )


@dataclass
class Run:
    """How a run of ``owui-chats`` ended (the ``cli`` fixture): exit status, stdout, stderr."""

    code: int
    out: str
    err: str


# -- conversations ---------------------------------------------------------------------------

#: What the seeded global outlet filter appends to every answer.
SUFFIX = " [filtered]"


def echo(text: str) -> str:
    """The stored answer of the echo models to ``text``, after the outlet filter."""
    return f"echo: {text}{SUFFIX}"


def assert_consistent(chat: Any) -> MessageTree:
    """The stored chat meets the tree invariants and its linear list is the current path."""
    tree = MessageTree.from_chat(chat.chat)
    assert tree.problems() == []
    assert chat.chat["messages"] == tree.linear()
    return tree
