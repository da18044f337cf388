"""The conversation methods on the session server's release, in both modes: the stored answers
are the model's, after the outlet filter, in a sound tree; live answers arrive in pieces that
join to them; a timeout stops the answer and leaves the chat sound."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from live.livekit import Api, assert_consistent, echo, unique_word

from owui_chats_client import TasksTimeoutError

LONG = " ".join(f"w{i}" for i in range(12))  # slowecho takes 0.4 s a word: about 5 s


async def test_three_turns_are_stored_in_order(rapi: Api) -> None:
    word = unique_word()
    questions = [f"first {word}", f"second {word}", f"third {word}"]
    replies = [await rapi.start_chat("echo", questions[0])]
    for question in questions[1:]:
        replies.append(await rapi.send_message(replies[0].chat_id, question))
    for reply, question in zip(replies, questions, strict=True):
        assert (reply.content, reply.done, reply.error) == (echo(question), True, None)
    tree = assert_consistent(await rapi.get(replies[0].chat_id))
    assert [(m["role"], m["content"]) for m in tree.path()] == [
        (role, text)
        for question in questions
        for role, text in (("user", question), ("assistant", echo(question)))
    ]
    assert tree.current_id == replies[-1].message_id
    assert (await rapi.list_tasks(replies[0].chat_id)).task_ids == []


async def test_a_live_answer_joins_to_the_stored_one(
    seed: Any, client_for: Callable[[str], Api]
) -> None:
    api = client_for(seed.admin_token)  # the Socket.IO channel takes a JWT
    word = unique_word()
    first = await api.start_chat("echo", f"before {word}")
    stream = api.client.stream_message(first.chat_id, f"one two three {word}", model="slowecho")
    if api.is_async:
        async with stream:
            pieces = [piece async for piece in stream]
    else:
        with stream:
            pieces = list(stream)
    assert len(pieces) > 1, pieces
    assert "".join(pieces) == stream.reply.content == echo(f"one two three {word}")
    tree = assert_consistent(await api.get(first.chat_id))
    assert tree.messages[stream.reply.message_id]["content"] == stream.reply.content


async def test_a_timeout_stops_the_answer(rapi: Api) -> None:
    first = await rapi.start_chat("echo", f"start {unique_word()}")
    with pytest.raises(TasksTimeoutError) as caught:
        await rapi.send_message(first.chat_id, LONG, model="slowecho", timeout=0.5)
    assert (await rapi.list_tasks(first.chat_id)).task_ids == []
    tree = assert_consistent(await rapi.get(first.chat_id))
    assert tree.messages[caught.value.message_id or ""]["done"] is True
    after = await rapi.send_message(first.chat_id, "after the stop")
    assert after.content == echo("after the stop")
