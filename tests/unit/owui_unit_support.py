"""Shared helpers of the unit tests: a scripted fake server and a sync/async harness.

Every test talks to the clients through ``httpx.MockTransport``; nothing touches the network.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from owui_chats_client import AsyncChatsClient, ChatsClient
from owui_chats_client._releases import NEWEST

API_KEY = "sk-unit-SECRET-0123456789abcdef"
BASE_URL = "http://h:8080"

# -- canned payloads ------------------------------------------------------------------------------

CHAT: dict[str, Any] = {
    "id": "c1",
    "user_id": "u1",
    "title": "Hello",
    "chat": {"title": "Hello", "messages": []},
    "updated_at": 1700000001,
    "created_at": 1700000000,
    "archived": False,
}
TITLE: dict[str, Any] = {"id": "c1", "title": "Hello", "updated_at": 2, "created_at": 1}
TAG_A: dict[str, Any] = {"id": "a", "name": "a", "user_id": "u1"}
TAG_B: dict[str, Any] = {"id": "b", "name": "b", "user_id": "u1"}
AGGREGATE: dict[str, Any] = {
    "average_response_time": 1.5,
    "average_user_message_content_length": 10.0,
    "average_assistant_message_content_length": 20.0,
    "models": {"m": 1},
    "message_count": 2,
    "history_models": {"m": 1},
    "history_message_count": 2,
    "history_user_message_count": 1,
    "history_assistant_message_count": 1,
}
STATS_EXPORT: dict[str, Any] = {
    "id": "c1",
    "user_id": "u1",
    "created_at": 1,
    "updated_at": 2,
    "stats": AGGREGATE,
    "chat": {"history": {"messages": {}}},
}
USAGE_ITEM: dict[str, Any] = {
    "id": "c1",
    "message_count": 2,
    "history_message_count": 2,
    "history_user_message_count": 1,
    "history_assistant_message_count": 1,
    "average_response_time": 1.0,
    "average_user_message_content_length": 3.0,
    "average_assistant_message_content_length": 4.0,
    "last_message_at": 5,
    "updated_at": 6,
    "created_at": 7,
}
CONFIG: dict[str, Any] = {
    "ENABLE_CONTEXT_COMPACTION": True,
    "CONTEXT_COMPACTION_PROMPT_TEMPLATE": "Summarise: {{MESSAGES}}",
}
COMPLETION: dict[str, Any] = {
    "id": "cmpl-1",
    "object": "chat.completion",
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi there"}}],
}
TASK_ANSWER: dict[str, Any] = {"status": True, "task_ids": ["t1", "t2"], "chat_id": "c1"}
COMPLETION_FORM: dict[str, Any] = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}


# -- the fake server ------------------------------------------------------------------------------


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass
class Reply:
    """One scripted answer; a fresh ``httpx.Response`` is built for every request."""

    status: int = 200
    json: Any = MISSING
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    stream: Callable[[], httpx.SyncByteStream | httpx.AsyncByteStream] | None = None

    def build(self, request: httpx.Request) -> httpx.Response:
        headers = dict(self.headers)
        if self.stream is not None:
            return httpx.Response(self.status, headers=headers, stream=self.stream())  # type: ignore[arg-type]
        if self.content is not None:
            return httpx.Response(self.status, headers=headers, content=self.content)
        if self.json is MISSING:
            return httpx.Response(self.status, headers=headers)
        headers.setdefault("content-type", "application/json")
        return httpx.Response(self.status, headers=headers, content=json.dumps(self.json).encode())


def ok(payload: Any) -> Reply:
    return Reply(200, json=payload)


def error(status: int, detail: Any = "nope", headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json={"detail": detail}, headers=headers or {})


class ChunkStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A streamed body sent in chunks, as a server would (not read before it is iterated)."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def ndjson(*items: Any, raw_lines: Iterable[str] | None = None) -> Reply:
    """An NDJSON answer, one line a chunk."""
    lines = list(raw_lines) if raw_lines is not None else [json.dumps(i) for i in items]
    chunks = [(line + "\n").encode() for line in lines]
    return Reply(
        200,
        headers={"content-type": "application/x-ndjson"},
        stream=lambda: ChunkStream(chunks),
    )


def sse(*events: Any, done: bool = True) -> Reply:
    """A server-sent-events answer, one event a chunk, ending like Open WebUI's."""
    chunks = [
        f"data: {json.dumps(e) if not isinstance(e, str) else e}\n\n".encode() for e in events
    ]
    if done:
        chunks.append(b"data: [DONE]")
    return Reply(
        200,
        headers={"content-type": "text/event-stream; charset=utf-8"},
        stream=lambda: ChunkStream(chunks),
    )


class BrokenStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that yields some chunks, then fails like a connection reset mid-way."""

    def __init__(self, chunks: list[bytes], exc: type[httpx.TransportError]) -> None:
        self.chunks = chunks
        self.exc = exc
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        raise self.exc("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        raise self.exc("peer closed connection without sending complete message body")

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


Step = Reply | type[BaseException] | BaseException | Callable[[httpx.Request], httpx.Response]


class FakeServer:
    """A MockTransport handler that plays ``steps`` in order (the last one repeats)."""

    def __init__(self, *steps: Step) -> None:
        assert steps, "a FakeServer needs at least one step"
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    @property
    def calls(self) -> int:
        return len(self.requests)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps[min(len(self.requests), len(self.steps)) - 1]
        if isinstance(step, type) and issubclass(step, httpx.RequestError):
            raise step("injected transport failure", request=request)
        if isinstance(step, type) and issubclass(step, BaseException):
            raise step("injected failure")
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, Reply):
            return step.build(request)
        return step(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def body_of(request: httpx.Request) -> Any:
    """The decoded JSON body of a request, or ``NO_BODY``."""
    content = request.content
    if not content:
        return NO_BODY
    return json.loads(content)


class _NoBody:
    def __repr__(self) -> str:
        return "NO_BODY"


NO_BODY: Any = _NoBody()


# -- sync/async harness ---------------------------------------------------------------------------


class Harness:
    """Builds a client of one mode and runs its calls the same way in both modes."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.is_async = mode == "async"
        self.client_class: type[ChatsClient] | type[AsyncChatsClient] = (
            AsyncChatsClient if self.is_async else ChatsClient
        )

    def http_client(
        self, server: Callable[[httpx.Request], httpx.Response], *, follow_redirects: bool = False
    ) -> httpx.Client | httpx.AsyncClient:
        transport = httpx.MockTransport(server)
        if self.is_async:
            return httpx.AsyncClient(transport=transport, follow_redirects=follow_redirects)
        return httpx.Client(transport=transport, follow_redirects=follow_redirects)

    def client(
        self,
        server: Callable[[httpx.Request], httpx.Response],
        *,
        base_url: str | None = BASE_URL,
        api_key: str | None = API_KEY,
        follow_redirects: bool = False,
        **kwargs: Any,
    ) -> Any:
        http = self.http_client(server, follow_redirects=follow_redirects)
        # the fake server plays one route; the release is stated, so GET /api/version is not asked
        kwargs.setdefault("server_version", NEWEST)
        return self.client_class(base_url, api_key, http_client=http, **kwargs)

    async def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def collect(self, stream: Any) -> list[Any]:
        if hasattr(stream, "__aiter__"):
            return [item async for item in stream]
        return list(stream)

    async def close(self, stream: Any) -> None:
        if hasattr(stream, "aclose"):
            await stream.aclose()
        else:
            stream.close()

    def __repr__(self) -> str:
        return f"Harness({self.mode})"


# -- property-test bookkeeping ---------------------------------------------------------------------

INPUTS_TRIED: Counter[str] = Counter()


def counted(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Count the inputs a property tried (printed at the end of the run by conftest.py)."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            INPUTS_TRIED[name] += 1
            return function(*args, **kwargs)

        return wrapper

    return decorate
