"""Conversations against the real server, in both modes: start_chat and send_message store
ordered, well-linked turns with the outlet filter's effect; 20 at once land in their own chats;
live answers arrive in pieces that join to the stored answer; timeouts, Ctrl-C and cancellation
stop the answer and leave the chat consistent; the chat opens in Open WebUI's own web page."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from live.browser import browser
from live.livekit import SUFFIX, assert_consistent, echo, unique_word

from owui_chats_client import (
    AsyncChatsClient,
    ChatReply,
    ChatsClient,
    ConversationError,
    TasksTimeoutError,
)
from owui_chats_client.lib._steps import output_text

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = Path(os.environ.get("OWUI_TEST_OUTPUT", ROOT / "test-output"))
LONG = " ".join(f"w{i}" for i in range(12))  # slowecho takes 0.4 s a word: about 5 s


async def test_start_and_continue_twice_holds_three_turns_in_order(api: Any) -> None:
    word = unique_word()
    questions = [f"first {word}", f"second {word}", f"third {word}"]
    first = await api.start_chat("echo", questions[0])
    second = await api.send_message(first.chat_id, questions[1])  # model taken from the chat
    third = await api.send_message(first.chat_id, questions[2])

    for reply, question in zip([first, second, third], questions, strict=True):
        assert isinstance(reply, ChatReply)
        assert reply.chat_id == first.chat_id
        assert reply.content == echo(question), "the stored answer, after the outlet filter"
        assert reply.done is True and reply.error is None and reply.model == "echo"

    chat = await api.get(first.chat_id)
    tree = assert_consistent(chat)
    path = tree.path()
    assert [(m["role"], m["content"]) for m in path] == [
        ("user", questions[0]),
        ("assistant", echo(questions[0])),
        ("user", questions[1]),
        ("assistant", echo(questions[1])),
        ("user", questions[2]),
        ("assistant", echo(questions[2])),
    ]
    assert [m["id"] for m in path[1::2]] == [r.message_id for r in (first, second, third)]
    assert [m["id"] for m in path[0::2]] == [r.user_message_id for r in (first, second, third)]
    assert tree.current_id == third.message_id == chat.current_message_id
    assert all(m["models"] == ["echo"] for m in path[0::2])
    assert all(m["model"] == "echo" and m["done"] is True for m in path[1::2])
    assert third.chat.chat["history"] == chat.chat["history"], "the reply carries the stored chat"
    assert chat.title == "New Chat", "no title generation unless asked"
    assert (await api.list_tasks(first.chat_id)).task_ids == []


async def test_system_prompt_params_title_and_tags(api: Any) -> None:
    word = unique_word()
    reply = await api.start_chat(
        "echo",
        f"name me {word}",
        system="Answer briefly.",
        params={"temperature": 0.25},
        generate_title=True,
        generate_tags=True,
    )
    assert reply.content == echo(f"name me {word}")
    params = reply.chat.chat["params"]
    assert params == {"temperature": 0.25, "system": "Answer briefly."}
    # The server's own title generation ran (with the echo model its title echoes the prompt).
    assert reply.title != "New Chat" and reply.chat.title == reply.title
    assert await api.get_tags(reply.chat_id), "the server's tag generation tagged the chat"
    assert_consistent(reply.chat)

    nxt = await api.send_message(reply.chat_id, f"again {word}", model="slowecho")
    assert nxt.content == echo(f"again {word}") and nxt.model == "slowecho"
    stored = await api.get(reply.chat_id)
    assert stored.chat["models"] == ["slowecho"], "the chat now selects the model used"
    assert stored.chat["params"]["system"] == "Answer briefly.", "kept for the next turns"


async def test_a_branch_keeps_the_tree_sound(api: Any) -> None:
    """A second answer to the same question (as the page's regenerate makes) stays linked."""
    word = unique_word()
    first = await api.start_chat("echo", f"branch {word}")
    tree = first.tree
    branch = tree.add_assistant(first.user_message_id, model="echo", content="other", done=True)
    await api.update(first.chat_id, {"chat": tree.chat_fields()})
    reply = await api.send_message(first.chat_id, f"after branch {word}")
    tree = assert_consistent(await api.get(first.chat_id))
    assert tree.messages[first.user_message_id]["childrenIds"] == [first.message_id, branch["id"]]
    assert [m["content"] for m in tree.path()] == [
        f"branch {word}",
        "other",
        f"after branch {word}",
        echo(f"after branch {word}"),
    ]
    assert tree.current_id == reply.message_id


async def test_raw_response_clients_converse_too(api: Any) -> None:
    raw = api.wrap(api.client.with_raw_response)
    reply = await raw.start_chat("echo", "raw mode")
    assert isinstance(reply, ChatReply) and reply.content == echo("raw mode")
    again = await raw.send_message(reply.chat_id, "raw again")
    assert again.content == echo("raw again")
    assert_consistent(again.chat)


async def test_twenty_at_once_from_one_async_client(async_client: AsyncChatsClient) -> None:
    word = unique_word()
    starts = await asyncio.gather(
        *(async_client.start_chat("echo", f"open {i} {word}") for i in range(20))
    )
    assert len({s.chat_id for s in starts}) == 20
    replies = await asyncio.gather(
        *(
            async_client.send_message(start.chat_id, f"next {i} {word}")
            for i, start in enumerate(starts)
        )
    )
    for i, (start, reply) in enumerate(zip(starts, replies, strict=True)):
        assert reply.chat_id == start.chat_id
        assert reply.content == echo(f"next {i} {word}")
        tree = assert_consistent(await async_client.get(start.chat_id))
        assert [m["content"] for m in tree.path()] == [
            f"open {i} {word}",
            echo(f"open {i} {word}"),
            f"next {i} {word}",
            echo(f"next {i} {word}"),
        ], f"chat {i} holds only its own turns"


async def test_live_answer_arrives_in_pieces(seed: Any, api_for: Callable[..., Any]) -> None:
    api = api_for(seed.admin_token)  # the Socket.IO channel takes a JWT, not an sk- key
    word = unique_word()
    first = await api.start_chat("echo", f"before {word}")
    stream = api.client.stream_message(first.chat_id, f"one two three {word}", model="slowecho")
    pieces: list[str] = []
    if api.is_async:
        async with stream:
            pieces = [piece async for piece in stream]
    else:
        with stream:
            pieces = list(stream)
    reply = stream.reply
    assert len(pieces) > 1, pieces
    assert "".join(pieces) == reply.content == echo(f"one two three {word}")
    stored = await api.get(first.chat_id)
    tree = assert_consistent(stored)
    assert tree.messages[reply.message_id]["content"] == "".join(pieces)
    assert [m["content"] for m in tree.path()][-2:] == [f"one two three {word}", reply.content]

    fresh = api.client.stream_chat("slowecho", f"new {word}")
    if api.is_async:
        async with fresh:
            started = [piece async for piece in fresh]
    else:
        with fresh:
            started = list(fresh)
    assert len(started) > 1 and "".join(started) == fresh.reply.content == echo(f"new {word}")
    assert_consistent(await api.get(fresh.reply.chat_id))


async def test_closing_a_live_answer_early_stops_it(seed: Any, api_for: Callable[..., Any]) -> None:
    api = api_for(seed.admin_token)
    first = await api.start_chat("echo", f"start {unique_word()}")
    stream = api.client.stream_message(first.chat_id, LONG, model="slowecho")
    if api.is_async:
        piece = await stream.__anext__()
        await stream.aclose()
    else:
        piece = next(stream)
        stream.close()
    assert piece == "echo:"
    with pytest.raises(ConversationError, match="not been read to its end"):
        _ = stream.reply
    assert (await api.list_tasks(first.chat_id)).task_ids == [], "closing stopped the answer"
    tree = assert_consistent(await api.get(first.chat_id))
    answer = tree.messages[tree.current_id or ""]
    assert answer["role"] == "assistant" and answer["done"] is True
    assert tree.path()[-2]["content"] == LONG


def test_an_api_key_on_the_socket_receives_no_events(seed: Any) -> None:
    """Why live answers need a JWT: a socket authenticated with an sk- key is accepted but joins
    no room, so the events of an answer reach only the JWT's socket."""
    import queue

    import socketio

    received: queue.Queue[Any] = queue.Queue()
    with_key = socketio.Client(reconnection=False)
    with_key.on("events", received.put)
    with_key.connect(
        seed.base_url,
        socketio_path="/ws/socket.io",
        auth={"token": seed.api_key},
        transports=["websocket"],
    )
    try:
        client = ChatsClient(seed.base_url, api_key=seed.admin_token, timeout=60)
        with client, client.stream_chat("echo", f"key check {unique_word()}") as stream:
            pieces = list(stream)
        assert pieces and "".join(pieces) == stream.reply.content  # the JWT's socket got them
    finally:
        with_key.disconnect()
    assert received.empty()


async def test_timeout_stops_the_answer_and_leaves_the_chat_consistent(api: Any) -> None:
    first = await api.start_chat("echo", f"start {unique_word()}")
    with pytest.raises(TasksTimeoutError) as caught:
        await api.send_message(first.chat_id, LONG, model="slowecho", timeout=0.5)
    error = caught.value
    assert error.chat_id == first.chat_id and error.task_ids and error.message_id
    assert ", ".join(error.task_ids) in str(error), "the message names the tasks"
    assert (await api.list_tasks(first.chat_id)).task_ids == [], "the tasks were stopped"
    stored = await api.get(first.chat_id)
    tree = assert_consistent(stored)
    answer = tree.messages[error.message_id]
    assert answer["done"] is True and tree.current_id == error.message_id
    assert answer["parentId"] == tree.path()[-2]["id"]
    # The chat goes on normally afterwards.
    after = await api.send_message(first.chat_id, "after the stop")
    assert after.content == echo("after the stop")


async def test_wait_for_tasks_times_out_naming_the_tasks(api: Any) -> None:
    first = await api.start_chat("echo", f"start {unique_word()}")
    tree = first.tree
    question = tree.add_user(LONG, models=["slowecho"], parent_id=tree.current_id)
    answer = tree.add_assistant(question["id"], model="slowecho")
    await api.update(first.chat_id, {"chat": tree.chat_fields()})
    started = await api.chat_completion(
        {
            "model": "slowecho",
            "stream": True,
            "messages": [{"role": "user", "content": LONG}],
            "chat_id": first.chat_id,
            "id": answer["id"],
            "session_id": f"test-{unique_word()}",
        },
        background=True,
    )
    with pytest.raises(TasksTimeoutError) as caught:
        await api.wait_for_tasks(first.chat_id, timeout=0.3)
    assert caught.value.task_ids == started.task_ids
    assert all(task in str(caught.value) for task in started.task_ids)
    assert (await api.list_tasks(first.chat_id)).task_ids == []
    tree = assert_consistent(await api.get(first.chat_id))
    assert tree.messages[answer["id"]]["parentId"] == question["id"], "repaired after the stop"
    assert tree.messages[answer["id"]]["done"] is True


def interrupt_after_first_running_poll(client: Any, action: Callable[[], None]) -> list[Any]:
    """Wrap ``client.list_tasks`` so that ``action`` runs once, right after the first poll that
    sees a running task (a deterministic stand-in for a user pressing Ctrl-C then)."""
    seen: list[Any] = []
    original = client.list_tasks

    if isinstance(client, AsyncChatsClient):

        async def wrapped(chat_id: str) -> Any:
            result = await original(chat_id)
            seen.append(result)
            if result.task_ids and len([r for r in seen if r.task_ids]) == 1:
                action()
            return result

    else:

        def wrapped(chat_id: str) -> Any:  # type: ignore[misc]
            result = original(chat_id)
            seen.append(result)
            if result.task_ids and len([r for r in seen if r.task_ids]) == 1:
                action()
            return result

    client.list_tasks = wrapped
    return seen


def test_ctrl_c_stops_the_answer(seed: Any) -> None:
    with ChatsClient(seed.base_url, api_key=seed.api_key, timeout=60) as client:
        first = client.start_chat("echo", f"start {unique_word()}")

        def ctrl_c() -> None:
            raise KeyboardInterrupt

        interrupt_after_first_running_poll(client, ctrl_c)
        with pytest.raises(KeyboardInterrupt):
            client.send_message(first.chat_id, LONG, model="slowecho")
        assert client.list_tasks(first.chat_id).task_ids == []
        stored = client.get(first.chat_id)
        assert stored is not None
        tree = assert_consistent(stored)
        assert tree.messages[tree.current_id or ""]["done"] is True
        assert tree.path()[-2]["content"] == LONG


async def test_cancelling_the_wait_stops_the_answer(seed: Any) -> None:
    async with AsyncChatsClient(seed.base_url, api_key=seed.api_key, timeout=60) as client:
        first = await client.start_chat("echo", f"start {unique_word()}")
        running = asyncio.Event()
        interrupt_after_first_running_poll(client, running.set)
        task = asyncio.create_task(client.send_message(first.chat_id, LONG, model="slowecho"))
        await running.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert (await client.list_tasks(first.chat_id)).task_ids == []
        stored = await client.get(first.chat_id)
        assert stored is not None
        tree = assert_consistent(stored)
        assert tree.messages[tree.current_id or ""]["done"] is True
        assert tree.path()[-2]["content"] == LONG


def test_the_chat_opens_in_the_web_page(seed: Any, sync_client: ChatsClient) -> None:
    """Open WebUI's own page, in headless Chromium, shows every question and answer."""
    word = unique_word()
    questions = [f"Alpha {word}", f"Bravo {word}", f"Charlie {word}"]
    reply = sync_client.start_chat("echo", questions[0])
    for question in questions[1:]:
        reply = sync_client.send_message(reply.chat_id, question)
    tree = assert_consistent(reply.chat)
    answers = [m for m in tree.path() if m["role"] == "assistant"]
    # The page renders an answer from its `output` items, which the outlet filter leaves as the
    # model wrote them; `content` carries the filter's suffix.
    shown = [output_text(m.get("output") or []) or m["content"] for m in answers]
    assert [m["content"] for m in answers] == [s + SUFFIX for s in shown]

    with browser() as page:
        page.open_as(seed.base_url, f"/c/{reply.chat_id}", seed.admin_token)
        needles = [*questions, *shown]
        page.wait_for(
            "(() => { const t = document.body.innerText; return "
            + " && ".join(f"t.includes({text!r})" for text in needles)
            + "; })()"
        )
        # Close the release notes the server shows on a first sign-in, if they are open.
        page.evaluate(
            "[...document.querySelectorAll('button')]"
            '.filter(b => b.innerText.includes("Okay, Let\'s Go")).forEach(b => b.click())'
        )
        page.wait_for('!document.body.innerText.includes("Okay, Let\'s Go")', deadline=10)
        text = page.text()
        shot = page.screenshot(OUTPUT / "conversation-in-web-page.png")
    positions = [text.index(needle) for needle in [*questions, *shown]]
    order = [positions[0], positions[3], positions[1], positions[4], positions[2], positions[5]]
    assert order == sorted(order), "questions and answers appear in order"
    assert "Loading" not in text.split(questions[0])[1], "the chat is not left loading"
    assert shot.stat().st_size > 10_000
    print(f"\nscreenshot: {shot}")
