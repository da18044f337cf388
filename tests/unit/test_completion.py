"""Completions: the synthetic chat id, untouched caller input, and the three kinds of answer."""

from __future__ import annotations

import copy
import re
import uuid

import pytest
from owui_unit_support import (
    COMPLETION,
    COMPLETION_FORM,
    TASK_ANSWER,
    FakeServer,
    Harness,
    body_of,
    ok,
    sse,
)

from owui_chats_client import AsyncStream, Stream
from owui_chats_client.types import (
    ChatCompletionChunk,
    ChatCompletionForm,
    ChatCompletionResponse,
    ChatCompletionTaskResponse,
)

LOCAL_ID = re.compile(r"^local:api-([0-9a-f-]{36})$")
METHODS = ["chat_completion", "chat_completion_api"]
PATHS = {
    "chat_completion": "/api/chat/completions",
    "chat_completion_api": "/api/v1/chat/completions",
}


def _uuid4_of(chat_id: str) -> uuid.UUID:
    match = LOCAL_ID.match(chat_id)
    assert match, chat_id
    value = uuid.UUID(match.group(1))
    assert value.version == 4
    return value


@pytest.mark.parametrize("method", METHODS)
async def test_missing_chat_id_gets_a_fresh_local_one(harness: Harness, method: str) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    await harness.call(getattr(client, method), COMPLETION_FORM)
    await harness.call(getattr(client, method), COMPLETION_FORM)
    first, second = (body_of(r)["chat_id"] for r in server.requests)
    assert _uuid4_of(first) != _uuid4_of(second)
    assert all(r.url.path == PATHS[method] for r in server.requests)


@pytest.mark.parametrize("method", METHODS)
async def test_empty_chat_id_gets_a_local_one(harness: Harness, method: str) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    await harness.call(getattr(client, method), {**COMPLETION_FORM, "chat_id": ""})
    _uuid4_of(body_of(server.last)["chat_id"])


@pytest.mark.parametrize("method", METHODS)
async def test_given_chat_id_is_kept(harness: Harness, method: str) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    await harness.call(getattr(client, method), {**COMPLETION_FORM, "chat_id": "c42"})
    assert body_of(server.last)["chat_id"] == "c42"
    form = ChatCompletionForm.from_dict({**COMPLETION_FORM, "chat_id": "local:mine"})
    await harness.call(getattr(client, method), form)
    assert body_of(server.last)["chat_id"] == "local:mine"


@pytest.mark.parametrize("method", METHODS)
async def test_callers_dict_is_not_modified(harness: Harness, method: str) -> None:
    form = {
        **COMPLETION_FORM,
        "stream": False,
        "params": {"temperature": 0.1},
        "custom_field": {"nested": [1, 2]},
    }
    before = copy.deepcopy(form)
    client = harness.client(FakeServer(ok(COMPLETION)))
    await harness.call(getattr(client, method), form)
    assert form == before
    assert "chat_id" not in form


@pytest.mark.parametrize("method", METHODS)
async def test_callers_form_object_is_not_modified(harness: Harness, method: str) -> None:
    form = ChatCompletionForm.from_dict({**COMPLETION_FORM, "extra_key": "x"})
    before = form.to_dict()
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    await harness.call(getattr(client, method), form)
    assert form.to_dict() == before
    assert "chat_id" not in form.to_dict()
    assert form.additional_properties == {"extra_key": "x"}
    sent = body_of(server.last)
    assert sent["extra_key"] == "x"
    _uuid4_of(sent["chat_id"])


@pytest.mark.parametrize("method", METHODS)
async def test_unknown_keys_pass_through(harness: Harness, method: str) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    form = {
        **COMPLETION_FORM,
        "session_id": "sess",
        "tool_ids": ["t"],
        "max_tokens": 5,
        "response_format": {"type": "json_object"},
    }
    await harness.call(getattr(client, method), form)
    sent = body_of(server.last)
    assert sent["max_tokens"] == 5
    assert sent["response_format"] == {"type": "json_object"}
    assert sent["session_id"] == "sess" and sent["tool_ids"] == ["t"]
    assert sent["messages"] == COMPLETION_FORM["messages"]


@pytest.mark.parametrize("method", METHODS)
async def test_streamed_answer_yields_typed_chunks(harness: Harness, method: str) -> None:
    chunks = [
        {
            "id": "x",
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}}],
        },
        {
            "id": "x",
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": "lo"}}],
        },
        {
            "id": "x",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            "usage": {"total_tokens": 3},
        },
    ]
    server = FakeServer(sse(*chunks))
    client = harness.client(server)
    stream = await harness.call(getattr(client, method), {**COMPLETION_FORM, "stream": True})
    assert isinstance(stream, AsyncStream if harness.is_async else Stream)
    received = await harness.collect(stream)
    assert all(isinstance(c, ChatCompletionChunk) for c in received)
    assert len(received) == 3
    text = "".join(c.choices[0].delta.content or "" for c in received[:2])
    assert text == "Hello"
    assert received[2].choices[0].finish_reason == "stop"
    assert stream.response.is_closed
    assert body_of(server.last)["stream"] is True


async def test_stream_without_done_marker_ends_with_the_body(harness: Harness) -> None:
    chunk = {"id": "x", "choices": [{"index": 0, "delta": {"content": "a"}}]}
    client = harness.client(FakeServer(sse(chunk, chunk, done=False)))
    stream = await harness.call(client.chat_completion, {**COMPLETION_FORM, "stream": True})
    assert len(await harness.collect(stream)) == 2
    assert stream.response.is_closed


@pytest.mark.parametrize("method", METHODS)
async def test_json_answer_gives_a_completion(harness: Harness, method: str) -> None:
    client = harness.client(FakeServer(ok(COMPLETION)))
    result = await harness.call(getattr(client, method), COMPLETION_FORM)
    assert isinstance(result, ChatCompletionResponse)
    assert result.choices[0].message.content == "hi there"


@pytest.mark.parametrize("method", METHODS)
async def test_task_answer_gives_a_task_response(harness: Harness, method: str) -> None:
    server = FakeServer(ok(TASK_ANSWER))
    client = harness.client(server)
    result = await harness.call(
        getattr(client, method), {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"}
    )
    assert isinstance(result, ChatCompletionTaskResponse)
    assert result.status is True
    assert result.task_ids == ["t1", "t2"]
    assert result.chat_id == "c1"


async def test_completion_form_needs_model_and_messages(harness: Harness) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    with pytest.raises(ValueError, match="model"):
        await harness.call(client.chat_completion, {"messages": []})
    with pytest.raises(ValueError, match="messages"):
        await harness.call(client.chat_completion, {"model": "m"})
    assert server.calls == 0
