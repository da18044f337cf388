"""Completions through the seeded echo model: plain, streamed, background tasks, outlet filters,
actions and tool-call resolution."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from live.livekit import poll, wait_until_idle

from owui_chats_client import AsyncStream, NotFoundError, Stream
from owui_chats_client.types import (
    ChatCompletionChunk,
    ChatCompletionResponse,
    ChatCompletionTaskResponse,
)

QUESTION = "how are the tests going today"
ANSWER = f"echo: {QUESTION}"


def form(**extra: Any) -> dict[str, Any]:
    return {"model": "echo", "messages": [{"role": "user", "content": QUESTION}], **extra}


def text_of(chunks: list[ChatCompletionChunk]) -> str:
    parts = []
    for chunk in chunks:
        for choice in chunk.choices or []:
            content = getattr(choice.delta, "content", None)
            if isinstance(content, str):
                parts.append(content)
    return "".join(parts)


@pytest.mark.parametrize("method", ["chat_completion", "chat_completion_api"])
async def test_completion(api: Any, method: str) -> None:
    answer = await getattr(api, method)(form())
    assert isinstance(answer, ChatCompletionResponse)
    assert answer.model == "echo"
    assert answer.choices[0].message.role == "assistant"
    assert answer.choices[0].message.content == ANSWER
    assert answer.choices[0].finish_reason == "stop"


@pytest.mark.parametrize("method", ["chat_completion", "chat_completion_api"])
async def test_streamed_completion_equals_the_plain_one(api: Any, method: str) -> None:
    plain = await getattr(api, method)(form())
    stream = await getattr(api, method)(form(), stream=True)
    assert isinstance(stream, (Stream, AsyncStream))
    chunks = await api.collect(stream)  # read inside `with` / `async with`
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert len(chunks) > len(ANSWER.split(" "))  # one chunk per word, then the final one
    assert text_of(chunks) == plain.choices[0].message.content == ANSWER
    assert stream.response.is_closed


async def test_stream_left_early_releases_the_connection(api: Any) -> None:
    # A short answer, so that little is left to run on the server after the client has gone.
    stream = await api.chat_completion(
        {"model": "slowecho", "messages": [{"role": "user", "content": "hi"}]}, stream=True
    )
    if api.is_async:
        async with stream:
            first = await stream.__anext__()
    else:
        with stream:
            first = next(stream)
    assert text_of([first]) == "echo:"
    assert stream.response.is_closed


async def test_synthetic_local_chat_id(api: Any, seed: Any) -> None:
    # Without a chat id the client sends `local:api-<uuid4>`: a temporary chat that the server
    # runs and never stores; a background task (a session id) on it echoes the id.
    answer = await api.chat_completion(form())
    assert answer.choices[0].message.content == ANSWER
    chat_id = f"local:api-{uuid.uuid4()}"
    task = await api.chat_completion(
        form(session_id=f"session-{uuid.uuid4()}", chat_id=chat_id), background=True
    )
    assert isinstance(task, ChatCompletionTaskResponse)
    assert task.status is True and task.chat_id == chat_id
    wait_until_idle(seed.base_url, seed.admin_token)  # the task runs on after the answer
    # A session id without background=True would be answered as a task all the same: refused
    # before anything is sent, as the call is typed as a single answer.
    with pytest.raises(ValueError, match="pass background=True"):
        await api.chat_completion(form(session_id=f"session-{uuid.uuid4()}"))


async def test_background_task_writes_the_answer(api: Any, new_chat: Any) -> None:
    made = await new_chat(QUESTION)
    message_id = str(uuid.uuid4())
    answer = await api.chat_completion(
        form(session_id=f"session-{uuid.uuid4()}", chat_id=made.id, id=message_id, stream=True),
        background=True,  # a stream field does not change a background task's answer
    )
    assert isinstance(answer, ChatCompletionTaskResponse)
    assert answer.chat_id == made.id
    assert len(answer.task_ids) == 1

    async def stored() -> dict[str, Any]:
        chat = await api.get(made.id)
        return chat.chat["history"]["messages"].get(message_id) or {}

    # The task stores the answer (done), then the outlet filters' version of it: the global
    # filter's suffix shows up a moment after `done`.
    filtered = f"{ANSWER} [filtered]"
    message = await poll(stored, until=lambda m: m.get("content") == filtered)
    assert message["content"] == filtered
    assert message["done"] is True
    assert message["originalContent"] == ANSWER
    assert message["meta"]["task_id"] == answer.task_ids[0]
    finished = await poll(lambda: api.list_tasks(made.id), until=lambda t: not t.task_ids)
    assert finished.task_ids == []


async def test_list_and_stop_tasks(api: Any, new_chat: Any) -> None:
    made = await new_chat(QUESTION)
    message_id = str(uuid.uuid4())
    started = await api.chat_completion(
        {
            **form(session_id=f"session-{uuid.uuid4()}", chat_id=made.id, id=message_id),
            "model": "slowecho",  # 0.4 s a word: still running when it is stopped
            "stream": True,
        },
        background=True,
    )
    assert len(started.task_ids) == 1
    task_id = started.task_ids[0]
    running = await poll(lambda: api.list_tasks(made.id), until=lambda t: task_id in t.task_ids)
    assert running.task_ids == [task_id]

    stopped = await api.stop_tasks(made.id)
    assert stopped.status is True
    assert task_id in (stopped.message or "")
    after = await poll(lambda: api.list_tasks(made.id), until=lambda t: not t.task_ids)
    assert after.task_ids == []
    assert message_id in (await api.get(made.id)).chat["history"]["messages"]
    # How much of the answer the message holds depends on when the stop arrived; not asserted.

    # nothing left to stop (the server's message varies: "No tasks found." on a chat that never
    # ran one, "Finalized pending approval message." right after a stop)
    nothing = await api.stop_tasks(made.id)
    assert nothing.status is True
    assert task_id not in (nothing.message or "")


@pytest.mark.parametrize("method", ["chat_completed", "chat_completed_api"])
async def test_chat_completed_runs_the_outlet_filter(api: Any, new_chat: Any, method: str) -> None:
    made = await new_chat(QUESTION)
    messages = [
        {"id": made.user_message_id, "role": "user", "content": QUESTION},
        {"id": made.assistant_message_id, "role": "assistant", "content": ANSWER},
    ]
    done = await getattr(api, method)(
        {
            "model": "echo",
            "messages": messages,
            "chat_id": made.id,
            "id": made.assistant_message_id,
            "session_id": f"session-{uuid.uuid4()}",
        }
    )
    assert [m.content for m in done.messages] == [QUESTION, f"{ANSWER} [filtered]"]
    assert [m.id for m in done.messages] == [made.user_message_id, made.assistant_message_id]
    assert done.chat_id == made.id


async def test_chat_action(api: Any, new_chat: Any, seed: Any) -> None:
    made = await new_chat(QUESTION)
    answer = await api.chat_action(
        seed.action_id,
        {
            "model": "echo",
            "messages": [
                {"role": "user", "content": QUESTION},
                {"role": "assistant", "content": ANSWER},
            ],
            "chat_id": made.id,
            "id": made.assistant_message_id,
            "session_id": f"session-{uuid.uuid4()}",
        },
    )
    assert answer == {"action": "echoaction", "model": "echo", "messages": 2}


async def test_resolve_tool_call_without_a_pending_call(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    with pytest.raises(NotFoundError) as caught:
        await api.resolve_tool_call(
            made.id,
            made.assistant_message_id,
            {"call_id": f"call-{uuid.uuid4()}", "action": "approve"},
        )
    assert caught.value.status_code == 404
    assert caught.value.detail == "Tool call not found."


async def test_stream_yields_events_of_any_shape(api: Any) -> None:
    """A pipe that yields sources, a selected model, chunks without index, usage: every event
    arrives, as a chunk with its absent fields UNSET and the event itself as ``stream.raw``."""
    stream = await api.chat_completion({**form(), "model": "oddshapes"}, stream=True)
    chunks: list[ChatCompletionChunk] = []
    raws: list[Any] = []
    if api.is_async:
        async with stream:
            async for chunk in stream:
                chunks.append(chunk)
                raws.append(stream.raw)
    else:
        with stream:
            for chunk in stream:
                chunks.append(chunk)
                raws.append(stream.raw)
    assert raws[:2] == [
        {"sources": [{"source": {"name": "doc"}, "document": ["text"]}]},
        {"selected_model_id": "oddshapes"},
    ]
    assert chunks[0]["sources"][0]["document"] == ["text"]
    assert {"usage": {"prompt_tokens": 1, "completion_tokens": 2}} in raws
    assert text_of(chunks) == "odd shapes"
    assert [chunk.to_dict() for chunk in chunks] == raws
    assert stream.response.is_closed
