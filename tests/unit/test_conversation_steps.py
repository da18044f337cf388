"""Conversations without a server: bad input fails before any request, the request bodies are
the page's, and Socket.IO events become the right text pieces."""

from __future__ import annotations

import asyncio
import copy
import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from owui_chats_client import AsyncChatsClient, ChatsClient, MessageTree
from owui_chats_client.lib._live import Pieces
from owui_chats_client.lib._steps import (
    new_turn,
    outlet_form,
    repair_plan,
    set_answer,
    unfiltered_answer,
)
from owui_chats_client.types import ChatResponse


def refusing_transport(sent: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    return httpx.MockTransport(handler)


async def call(mode: str, key: str, method: str, *args: Any, **kwargs: Any) -> list[Any]:
    """Call ``method`` on a client in ``mode`` whose transport records every request."""
    sent: list[httpx.Request] = []
    if mode == "sync":
        with ChatsClient(
            "http://x", api_key=key, http_client=httpx.Client(transport=refusing_transport(sent))
        ) as client:
            result = getattr(client, method)(*args, **kwargs)
    else:
        async with AsyncChatsClient(
            "http://x",
            api_key=key,
            http_client=httpx.AsyncClient(transport=refusing_transport(sent)),
        ) as aclient:
            result = getattr(aclient, method)(*args, **kwargs)
            if inspect.isawaitable(result):
                await result
    return sent


BAD: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("start_chat", ("", "hi"), {}, ValueError, "model must be a non-empty string"),
    ("start_chat", (None, "hi"), {}, TypeError, "model must be a str"),
    ("start_chat", ("echo", "  "), {}, ValueError, "content must be a non-empty string"),
    ("start_chat", ("echo", b"hi"), {}, TypeError, "content must be a str, got bytes"),
    ("start_chat", ("echo", "hi"), {"params": [1]}, TypeError, "params must be a dict"),
    ("start_chat", ("echo", "hi"), {"system": 3}, TypeError, "system must be a str"),
    ("start_chat", ("echo", "hi"), {"timeout": 0}, ValueError, "timeout must be > 0"),
    ("start_chat", ("echo", "hi"), {"timeout": "5"}, TypeError, "timeout must be a number"),
    ("start_chat", ("echo", "hi"), {"generate_title": "yes"}, TypeError, "generate_title"),
    ("send_message", ("", "hi"), {}, ValueError, "chat_id must be a non-empty string"),
    ("send_message", ("..", "hi"), {}, ValueError, "chat_id must not be '..'"),
    ("send_message", ("c1", ""), {}, ValueError, "content must be a non-empty string"),
    ("send_message", ("c1", "hi"), {"model": ""}, ValueError, "model must be a non-empty"),
    ("send_message", ("c1", "hi"), {"timeout": -1}, ValueError, "timeout must be > 0"),
    ("wait_for_tasks", (None,), {}, ValueError, "chat_id is required"),
    ("wait_for_tasks", ("c1",), {"timeout": 0.0}, ValueError, "timeout must be > 0"),
    ("stream_message", ("c1", ""), {}, ValueError, "content must be a non-empty string"),
    ("stream_chat", ("", "hi"), {}, ValueError, "model must be a non-empty string"),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("method", "args", "kwargs", "error", "text"), BAD)
async def test_bad_input_fails_before_any_request(
    mode: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    error: type[Exception],
    text: str,
) -> None:
    sent: list[httpx.Request] = []
    with pytest.raises(error, match=text):
        sent = await call(mode, "jwt-token", method, *args, **kwargs)
    assert sent == []


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("method", ["stream_message", "stream_chat"])
async def test_live_answers_refuse_an_api_key_before_any_request(mode: str, method: str) -> None:
    args = ("c1", "hi") if method == "stream_message" else ("echo", "hi")
    with pytest.raises(ValueError, match="sk- API keys") as caught:
        await call(mode, "sk-secret-value", method, *args)
    assert "sk-secret-value" not in str(caught.value), "the key never appears in a message"


def test_the_first_turn_is_what_the_page_sends() -> None:
    turn = new_turn("echo", "hello", system="be brief", params={"temperature": 0.1})
    chat = turn.new_chat_form()["chat"]
    assert chat["title"] == "New Chat" and chat["models"] == ["echo"]
    assert chat["params"] == {"temperature": 0.1, "system": "be brief"}
    tree = MessageTree.from_chat(chat)
    assert tree.problems() == []
    assert [m["role"] for m in chat["messages"]] == ["user", "assistant"]
    assert tree.current_id == turn.assistant_message_id
    body = turn.completion_form("chat-1", "sid-1")
    assert body["chat_id"] == "chat-1" and body["session_id"] == "sid-1"
    assert body["id"] == turn.assistant_message_id and body["stream"] is True
    assert body["messages"] == [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hello", "id": turn.user_message_id},
    ], "the empty placeholder is not sent, as on the page"
    assert body["background_tasks"] == {
        "title_generation": False,
        "tags_generation": False,
        "follow_up_generation": False,
    }
    assert new_turn("echo", "x").completion_form("c")["session_id"].startswith("owui-chats-client-")


def event(kind: str, data: Any, *, message_id: str = "m", chat_id: str = "c") -> dict[str, Any]:
    return {"chat_id": chat_id, "message_id": message_id, "data": {"type": kind, "data": data}}


def delta(text: str) -> dict[str, Any]:
    return event("response:completion", {"type": "response.output_text.delta", "delta": text})


FEEDS: list[tuple[str, Callable[[], list[dict[str, Any]]], list[str], bool]] = [
    (
        # The shapes Open WebUI 0.12.4 emits for a streamed pipe and the global outlet filter.
        "deltas, done, outlet, inactive",
        lambda: [
            event("chat:active", {"active": True}),
            delta("echo:"),
            delta(" a"),
            event("chat:completion", {"choices": [{"delta": {}}]}),
            event(
                "chat:completion",
                {
                    "done": True,
                    "output": [
                        {"type": "message", "content": [{"type": "output_text", "text": "echo: a"}]}
                    ],
                },
            ),
            event("chat:outlet", {"messages": [{"id": "m", "content": "echo: a [filtered]"}]}),
            event("chat:active", {"active": False}),
        ],
        ["echo:", " a", " [filtered]"],
        True,
    ),
    (
        "other messages and chats are ignored",
        lambda: [delta("x") | {"message_id": "other"}, delta("y") | {"chat_id": "other"}],
        [],
        False,
    ),
    (
        "chunk deltas, message events and full contents",
        lambda: [
            event("chat:completion", {"choices": [{"delta": {"content": "ab"}}]}),
            event("message", {"content": "c"}),
            event("chat:completion", {"content": "abcd"}),
            event("chat:completion", {"content": "zz"}),
        ],
        ["ab", "c", "d"],
        False,
    ),
    ("an error ends the answer", lambda: [event("chat:message:error", {})], [], True),
    ("a cancel ends the answer", lambda: [event("chat:tasks:cancel", {})], [], True),
]


@pytest.mark.parametrize(("name", "events", "pieces", "ended"), FEEDS, ids=[f[0] for f in FEEDS])
def test_events_become_pieces(
    name: str, events: Callable[[], list[dict[str, Any]]], pieces: list[str], ended: bool
) -> None:
    assembler = Pieces("c", "m")
    got = [piece for item in events() for piece in assembler.feed(item)]
    assert got == pieces
    assert assembler.text == "".join(pieces)
    assert assembler.ended is ended
    assert assembler.feed("not a dict") == []


def stored(chat: dict[str, Any]) -> ChatResponse:
    return ChatResponse.from_dict(
        {
            "id": "c",
            "user_id": "u",
            "title": "t",
            "chat": chat,
            "updated_at": 1,
            "created_at": 1,
            "archived": False,
        }
    )


def test_repair_plan_relinks_the_stored_answer_and_rebuilds_the_list() -> None:
    turn = new_turn("echo", "hi")
    chat = turn.new_chat_form()["chat"]
    answer = chat["history"]["messages"][turn.assistant_message_id]
    answer.update(parentId=None, childrenIds=[], content="echo: hi", done=True)
    stuck, form = repair_plan(stored(chat), turn.assistant_message_id)
    assert stuck == [] and form is not None
    fixed = MessageTree.from_chat(form["chat"])
    assert fixed.problems() == []
    assert fixed.messages[turn.assistant_message_id]["parentId"] == turn.user_message_id
    assert [m["content"] for m in form["chat"]["messages"]] == ["hi", "echo: hi"]
    assert repair_plan(stored(form["chat"]), None) == ([], None), "a sound chat is left alone"


def test_repair_plan_finishes_an_answer_stopped_before_it_wrote() -> None:
    turn = new_turn("echo", "hi")
    chat = turn.new_chat_form()["chat"]
    answer = chat["history"]["messages"][turn.assistant_message_id]
    answer.update(parentId=None, childrenIds=[], done=False)
    stuck, form = repair_plan(stored(chat), None)
    assert stuck == [turn.assistant_message_id], "deleted first: the server keeps done:false"
    assert form is not None
    fixed = MessageTree.from_chat(form["chat"])
    assert fixed.messages[turn.assistant_message_id]["done"] is True
    assert fixed.problems() == []


def test_an_answer_only_in_output_items_is_found_and_sent_to_the_outlet_filters() -> None:
    turn = new_turn("echo", "hi")
    chat = turn.new_chat_form()["chat"]
    answer = chat["history"]["messages"][turn.assistant_message_id]
    output = [
        {"type": "reasoning", "content": [{"type": "output_text", "text": "thinking"}]},
        {"type": "message", "content": [{"type": "output_text", "text": "echo: hi"}]},
    ]
    # Open WebUI 0.10: the answer is in its output items, the filters ran over empty content
    answer.update(content=" [filtered]", originalContent="", output=output, parentId=None)
    assert unfiltered_answer(stored(chat), turn.assistant_message_id) == "echo: hi"
    form = outlet_form(stored(chat), turn, "c1", "echo: hi")
    assert [(m["role"], m["content"]) for m in form["messages"]] == [
        ("user", "hi"),
        ("assistant", "echo: hi"),
    ]
    assert (form["id"], form["chat_id"], form["model"]) == (turn.assistant_message_id, "c1", "echo")
    assert form["session_id"]
    answer.update(content="", originalContent=None)  # no filter: content stays empty
    assert unfiltered_answer(stored(chat), turn.assistant_message_id) == "echo: hi"

    fixed = stored(chat)
    set_answer(fixed, turn.assistant_message_id, "echo: hi", "echo: hi [filtered]")
    message = fixed.chat["history"]["messages"][turn.assistant_message_id]
    assert (message["content"], message["originalContent"]) == ("echo: hi [filtered]", "echo: hi")
    # 0.11 and later: the filters ran over the answer, content is right
    assert unfiltered_answer(fixed, turn.assistant_message_id) is None
    answer.update(content="echo: hi", originalContent=None, output=[])
    assert unfiltered_answer(stored(chat), turn.assistant_message_id) is None


class LockedOnceServer:
    """A server whose first completion meets a locked SQLite database (what a healthy Open WebUI
    answers while an earlier answer's background work is still writing), then works."""

    def __init__(self) -> None:
        self.chat: dict[str, Any] = {}
        self.completions = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path, method = request.url.path, request.method
        body = json.loads(request.content) if request.content else None
        if (method, path) == ("POST", "/api/v1/chats/new"):
            self.chat = body["chat"]
            return self.chat_answer()
        if (method, path) == ("POST", "/api/chat/completions"):
            self.completions += 1
            if self.completions == 1:
                detail = "(sqlite3.OperationalError) database is locked"
                return httpx.Response(400, json={"detail": detail})
            answer = self.chat["history"]["messages"][body["id"]]
            # what Open WebUI 0.12.4 stores: the answer, unlinked from its question
            answer.update(content="echo: hi", done=True, parentId=None, childrenIds=[])
            return httpx.Response(200, json={"status": True, "task_ids": ["t1"], "chat_id": "c1"})
        if (method, path) == ("GET", "/api/tasks/chat/c1"):
            return httpx.Response(200, json={"task_ids": []})
        if (method, path) == ("GET", "/api/v1/chats/c1"):
            return self.chat_answer()
        if (method, path) == ("POST", "/api/v1/chats/c1"):
            self.chat.update(body["chat"])
            return self.chat_answer()
        return httpx.Response(404, json={"detail": "Not Found"})

    def chat_answer(self) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "id": "c1",
                "user_id": "u",
                "title": self.chat.get("title", ""),
                "chat": self.chat,
                "updated_at": 1,
                "created_at": 1,
                "archived": False,
            },
        )


async def start_chat_on(mode: str, server: Callable[[httpx.Request], httpx.Response]) -> Any:
    """``start_chat("echo", "hi")`` in the given mode, through ``server`` (a MockTransport
    handler)."""
    transport = httpx.MockTransport(server)
    if mode == "sync":
        with ChatsClient(
            "http://x", api_key="k", http_client=httpx.Client(transport=transport)
        ) as c:
            return c.start_chat("echo", "hi")
    async with AsyncChatsClient(
        "http://x", api_key="k", http_client=httpx.AsyncClient(transport=transport)
    ) as ac:
        return await ac.start_chat("echo", "hi")


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_completion_refused_by_a_locked_database_is_sent_again(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import owui_chats_client.lib._conversations as conversations

    waits: list[float] = []
    monkeypatch.setattr(conversations.time, "sleep", waits.append)

    async def no_wait(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", no_wait)
    server = LockedOnceServer()
    reply = await start_chat_on(mode, server)
    assert server.completions == 2 and waits == [0.25]
    assert reply.content == "echo: hi" and reply.done
    assert reply.tree.problems() == [], "the stored answer was linked back to its question"
    assert [m["content"] for m in server.chat["messages"]] == ["hi", "echo: hi"]


class UnsharedTasksServer:
    """Two instances that share the database but not their tasks, behind round-robin: every
    other request lists the answer's task; the answer is marked done two polls after it is
    asked for, then the outlet filter's suffix lands one poll later (what the server writes
    after marking it done)."""

    def __init__(self) -> None:
        self.chat: dict[str, Any] = {}
        self.requests = 0
        self.answer_id = ""
        self.polls = 0
        self.written: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        path, method = request.url.path, request.method
        body = json.loads(request.content) if request.content else None
        if (method, path) == ("POST", "/api/v1/chats/new"):
            self.chat = body["chat"]
            return LockedOnceServer.chat_answer(self)  # type: ignore[arg-type]
        if (method, path) == ("POST", "/api/chat/completions"):
            self.answer_id = body["id"]
            return httpx.Response(200, json={"status": True, "task_ids": ["t1"], "chat_id": "c1"})
        if (method, path) == ("GET", "/api/tasks/chat/c1"):
            self.polls += 1
            answer = self.chat["history"]["messages"][self.answer_id]
            if self.polls == 3:
                answer.update(content="echo: hi", done=True, parentId=None, childrenIds=[])
            if self.polls == 5:
                answer.update(content="echo: hi [filtered]", originalContent="echo: hi")
            listed = ["t1"] if self.polls % 2 == 0 and self.polls < 6 else []
            return httpx.Response(200, json={"task_ids": listed})
        if (method, path) == ("GET", "/api/v1/chats/c1"):
            return LockedOnceServer.chat_answer(self)  # type: ignore[arg-type]
        if (method, path) == ("POST", "/api/v1/chats/c1"):
            self.written.append(copy.deepcopy(body["chat"]["history"]["messages"][self.answer_id]))
            self.chat.update(body["chat"])
            return LockedOnceServer.chat_answer(self)  # type: ignore[arg-type]
        return httpx.Response(404, json={"detail": "Not Found"})


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_an_answer_is_final_only_once_the_stored_one_is(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a poll may list no task while the answer is written elsewhere, the reply is the
    final stored answer, and nothing unfinished is ever written back marked done."""
    import owui_chats_client.lib._conversations as conversations

    monkeypatch.setattr(conversations.time, "sleep", lambda seconds: None)

    async def no_wait(seconds: float) -> None:
        return None

    monkeypatch.setattr(asyncio, "sleep", no_wait)
    server = UnsharedTasksServer()
    reply = await start_chat_on(mode, server)
    assert (reply.content, reply.done) == ("echo: hi [filtered]", True)
    # 1: no task, not done (tasks not shared); 2: listed; 3: done, no task; 4: listed;
    # 5: filtered, no task; 6: no task and the same as at 5: final
    assert server.polls == 6
    assert [m["content"] for m in server.written] == ["echo: hi [filtered]"]
    assert all(m["done"] is True for m in server.written)


def test_the_socket_connection_is_tried_again_unless_refused() -> None:
    """A Socket.IO connection that did not come up is tried again (it is made before the answer
    starts); a refused token, or the last attempt, ends it."""
    import socketio

    from owui_chats_client.lib._live import CONNECT_ATTEMPTS, connect_retry

    flaky = socketio.exceptions.ConnectionError("Unexpected connection error")
    refused = socketio.exceptions.ConnectionError("One or more namespaces failed to connect: /")
    assert [connect_retry(flaky, n) for n in range(CONNECT_ATTEMPTS)] == [0.5, 1.0, None]
    assert connect_retry(refused, 0) is None


async def test_no_live_event_in_time_is_no_event() -> None:
    """An empty event queue answers `NO_EVENT` once the wait is over (on Python 3.10 the timeout
    of ``asyncio.wait_for`` is not the built-in TimeoutError); a waiting event comes at once."""
    from owui_chats_client.lib._live import NO_EVENT, async_next_event

    events: asyncio.Queue[Any] = asyncio.Queue()
    assert await async_next_event(events, 0) is NO_EVENT
    events.put_nowait({"type": "chat:completion"})
    assert await async_next_event(events, 60) == {"type": "chat:completion"}
