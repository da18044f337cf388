"""Completions: the synthetic chat id, untouched caller input, and the three kinds of answer."""

from __future__ import annotations

import copy
import json
import re
import uuid
from typing import Any

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

from owui_chats_client import APIResponseValidationError, APIStreamError, AsyncStream, Stream
from owui_chats_client.types import (
    ChatCompletionChunk,
    ChatCompletionForm,
    ChatCompletionResponse,
    ChatCompletionTaskResponse,
    Unset,
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
        "tool_ids": ["t"],
        "max_tokens": 5,
        "response_format": {"type": "json_object"},
    }
    await harness.call(getattr(client, method), form)
    sent = body_of(server.last)
    assert sent["max_tokens"] == 5
    assert sent["response_format"] == {"type": "json_object"}
    assert sent["tool_ids"] == ["t"]
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
    stream = await harness.call(getattr(client, method), COMPLETION_FORM, stream=True)
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
    stream = await harness.call(client.chat_completion, COMPLETION_FORM, stream=True)
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
        getattr(client, method),
        {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"},
        background=True,
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


# Event shapes that Open WebUI passes on from backends and pipe functions.
ODD_EVENTS = [
    {"choices": [{"delta": {"content": "no index"}}]},
    {"id": "x", "choices": [{"index": 0, "delta": {"content": "!"}, "extra": 1}], "more": True},
    {"sources": [{"source": {"name": "doc"}, "document": ["text"]}]},
    {"selected_model_id": "echo"},
    {"usage": {"prompt_tokens": 1, "completion_tokens": 2}},
    [1, 2],
    "just text",
]


@pytest.mark.parametrize("method", METHODS)
async def test_every_json_event_is_yielded_with_its_raw_form(harness: Harness, method: str) -> None:
    client = harness.client(FakeServer(sse(*[json.dumps(e) for e in ODD_EVENTS])))
    stream = await harness.call(getattr(client, method), COMPLETION_FORM, stream=True)
    received, raws = [], []
    if harness.is_async:
        async for chunk in stream:
            received.append(chunk)
            raws.append(stream.raw)
    else:
        for chunk in stream:
            received.append(chunk)
            raws.append(stream.raw)
    assert raws == ODD_EVENTS
    assert all(isinstance(c, ChatCompletionChunk) for c in received)
    assert received[0].choices[0].delta.content == "no index"
    assert isinstance(received[0].choices[0].index, Unset)
    assert isinstance(received[0].id, Unset)
    assert received[1]["more"] is True and received[1].choices[0]["extra"] == 1
    assert received[2]["sources"][0]["document"] == ["text"]
    assert isinstance(received[2].choices, Unset)
    assert received[3]["selected_model_id"] == "echo"
    assert received[1].to_dict() == ODD_EVENTS[1]
    assert stream.response.is_closed


@pytest.mark.parametrize("bad", ["{not json", '{"error": {"detail": "backend down"}}'])
async def test_malformed_or_error_events_still_raise(harness: Harness, bad: str) -> None:
    good = json.dumps({"choices": [{"delta": {"content": "a"}}]})
    client = harness.client(FakeServer(sse(good, bad, good)))
    stream = await harness.call(client.chat_completion, COMPLETION_FORM, stream=True)
    with pytest.raises((APIResponseValidationError, APIStreamError)):
        await harness.collect(stream)
    assert stream.response.is_closed


async def test_stream_keyword_sets_the_body_field(harness: Harness) -> None:
    server = FakeServer(sse({"choices": []}), ok(COMPLETION))
    client = harness.client(server)
    stream = await harness.call(
        client.chat_completion, {**COMPLETION_FORM, "stream": False}, stream=True
    )
    await harness.collect(stream)
    assert body_of(server.last)["stream"] is True
    await harness.call(client.chat_completion, {**COMPLETION_FORM, "stream": True}, stream=False)
    assert body_of(server.last)["stream"] is False


async def test_null_answer_to_a_stream_request_is_an_empty_stream(harness: Harness) -> None:
    """A stored chat without session_id: the server stores the answer and answers null."""
    client = harness.client(FakeServer(ok(None)))
    stream = await harness.call(
        client.chat_completion, {**COMPLETION_FORM, "chat_id": "c1", "id": "m2"}, stream=True
    )
    assert isinstance(stream, AsyncStream if harness.is_async else Stream)
    assert await harness.collect(stream) == []


async def test_background_needs_session_and_chat_before_sending(harness: Harness) -> None:
    server = FakeServer(ok(TASK_ANSWER))
    client = harness.client(server)
    with pytest.raises(ValueError, match="session_id and chat_id"):
        await harness.call(client.chat_completion, COMPLETION_FORM, background=True)
    with pytest.raises(ValueError, match="session_id"):
        await harness.call(
            client.chat_completion, {**COMPLETION_FORM, "chat_id": "c1"}, background=True
        )
    assert server.calls == 0
    task = await harness.call(
        client.chat_completion,
        {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"},
        background=True,
    )
    assert isinstance(task, ChatCompletionTaskResponse) and task.task_ids == ["t1", "t2"]


async def test_extra_query_body_and_headers_reach_the_server(harness: Harness) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    await harness.call(
        client.chat_completion,
        COMPLETION_FORM,
        extra_query={"debug": "1"},
        extra_body={"new_field": [1]},
        extra_headers={"X-Trace": "t"},
    )
    sent = server.last
    assert sent.url.params["debug"] == "1"
    assert body_of(sent)["new_field"] == [1] and body_of(sent)["model"] == COMPLETION_FORM["model"]
    assert sent.headers["x-trace"] == "t"
    assert sent.headers["authorization"].startswith("Bearer ")


# -- the answer's kind follows the keywords: a body that would change it is refused ---------------


@pytest.mark.parametrize("method", METHODS)
async def test_stream_field_without_the_keyword_is_refused_before_sending(
    harness: Harness, method: str
) -> None:
    server = FakeServer(sse({"choices": []}))
    client = harness.client(server)
    with pytest.raises(ValueError, match=r'"stream": true.*pass stream=True'):
        await harness.call(getattr(client, method), {**COMPLETION_FORM, "stream": True})
    form = ChatCompletionForm.from_dict({**COMPLETION_FORM, "stream": True})
    with pytest.raises(ValueError, match="pass stream=True"):
        await harness.call(getattr(client, method), form)
    with pytest.raises(ValueError, match="pass stream=True"):
        await harness.call(getattr(client, method), COMPLETION_FORM, extra_body={"stream": True})
    assert server.calls == 0


async def test_stream_false_in_the_form_is_a_single_answer(harness: Harness) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    result = await harness.call(client.chat_completion, {**COMPLETION_FORM, "stream": False})
    assert isinstance(result, ChatCompletionResponse)
    assert body_of(server.last)["stream"] is False


async def test_extra_body_against_the_stream_keyword_is_refused(harness: Harness) -> None:
    server = FakeServer(ok(COMPLETION))
    client = harness.client(server)
    with pytest.raises(ValueError, match='extra_body sets "stream" to True against stream=False'):
        await harness.call(
            client.chat_completion, COMPLETION_FORM, stream=False, extra_body={"stream": True}
        )
    with pytest.raises(ValueError, match='extra_body sets "stream" to False against stream=True'):
        await harness.call(
            client.chat_completion, COMPLETION_FORM, stream=True, extra_body={"stream": False}
        )
    assert server.calls == 0


@pytest.mark.parametrize("method", METHODS)
async def test_session_id_without_background_is_refused_before_sending(
    harness: Harness, method: str
) -> None:
    server = FakeServer(ok(TASK_ANSWER))
    client = harness.client(server)
    form = {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"}
    for stream in (None, False, True):
        with pytest.raises(ValueError, match=r"session_id.*pass background=True"):
            await harness.call(getattr(client, method), form, stream=stream)
    with pytest.raises(ValueError, match="session_id"):
        await harness.call(getattr(client, method), COMPLETION_FORM, extra_body={"session_id": "s"})
    assert server.calls == 0


async def test_stream_and_background_together_are_refused(harness: Harness) -> None:
    server = FakeServer(ok(TASK_ANSWER))
    client = harness.client(server)
    form = {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"}
    with pytest.raises(ValueError, match="stream=True with background=True"):
        await harness.call(client.chat_completion, form, stream=True, background=True)
    assert server.calls == 0


async def test_background_task_ignores_a_stream_field(harness: Harness) -> None:
    """A background task answers its ids whatever ``stream`` says: the type holds."""
    server = FakeServer(ok(TASK_ANSWER))
    client = harness.client(server)
    form = {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s", "stream": True}
    task = await harness.call(client.chat_completion, form, background=True)
    assert isinstance(task, ChatCompletionTaskResponse)
    assert body_of(server.last)["stream"] is True


@pytest.mark.parametrize(
    ("reply", "keywords", "expected"),
    [
        (sse({"choices": []}), {}, "expected a single JSON answer"),
        (ok(TASK_ANSWER), {}, "expected ChatCompletionResponse"),
        (ok(None), {}, "expected ChatCompletionResponse"),
        (ok(COMPLETION), {"stream": True}, "expected server-sent events"),
        (ok(COMPLETION), {"background": True}, "expected ChatCompletionTaskResponse"),
        (sse({"choices": []}), {"background": True}, "expected a background task's answer"),
    ],
)
async def test_an_answer_of_another_kind_is_a_validation_error(
    harness: Harness, reply: Any, keywords: dict[str, Any], expected: str
) -> None:
    """What the server answers, whatever it is, is the type the call says, or an error."""
    client = harness.client(FakeServer(reply))
    form = {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"}
    with pytest.raises(APIResponseValidationError, match=expected) as caught:
        await harness.call(
            client.chat_completion,
            form if keywords.get("background") else COMPLETION_FORM,
            **keywords,
        )
    assert caught.value.response is not None and caught.value.response.is_closed
