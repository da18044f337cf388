"""Faults: retries and their delays, transport failures, bad bodies, broken streams."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from owui_unit_support import (
    CHAT,
    COMPLETION,
    COMPLETION_FORM,
    BrokenStream,
    FakeServer,
    Harness,
    Reply,
    error,
    ndjson,
    ok,
    sse,
)

import owui_chats_client._base as base_module
from owui_chats_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStreamError,
    APITimeoutError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from owui_chats_client.types import ChatResponse

CHUNK = {"id": "x", "choices": [{"index": 0, "delta": {"content": "a"}}]}


def _first_backoff(delay: float) -> bool:
    """attempt 0: 0.5 s less up to 25 % jitter."""
    return 0.375 <= delay <= 0.5


def _second_backoff(delay: float) -> bool:
    return 0.75 <= delay <= 1.0


# -- retries --------------------------------------------------------------------------------------


async def test_429_with_retry_after_then_success(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(429, "slow down", {"Retry-After": "1"}), ok(CHAT))
    client = harness.client(server)
    result = await harness.call(client.get, "x")
    assert isinstance(result, ChatResponse)
    assert server.calls == 2
    assert sleeps == [pytest.approx(1.0)]


async def test_retry_after_ms_is_honoured(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(503, "busy", {"retry-after-ms": "250"}), ok(CHAT))
    await harness.call(harness.client(server).get, "x")
    assert sleeps == [pytest.approx(0.25)]


async def test_retry_after_as_http_date(harness: Harness, sleeps: list[float]) -> None:
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=3), usegmt=True)
    server = FakeServer(error(429, "later", {"Retry-After": when}), ok(CHAT))
    await harness.call(harness.client(server).get, "x")
    assert len(sleeps) == 1 and 1.0 <= sleeps[0] <= 3.0


async def test_retry_after_beyond_the_cap_is_not_waited_for(
    harness: Harness, sleeps: list[float]
) -> None:
    server = FakeServer(error(429, "come back tomorrow", {"Retry-After": "86400"}), ok(CHAT))
    with pytest.raises(RateLimitError) as info:
        await harness.call(harness.client(server).get, "x")
    assert server.calls == 1 and sleeps == []
    assert info.value.attempts == 1


async def test_503_twice_then_success(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(503, "busy"), error(503, "busy"), ok(CHAT))
    result = await harness.call(harness.client(server).get, "x")
    assert isinstance(result, ChatResponse)
    assert server.calls == 3
    assert len(sleeps) == 2
    assert _first_backoff(sleeps[0]) and _second_backoff(sleeps[1])


@pytest.mark.parametrize("max_retries", [1, 2, 3])
async def test_503_beyond_max_retries(
    harness: Harness, sleeps: list[float], max_retries: int
) -> None:
    server = FakeServer(error(503, "still busy"))
    client = harness.client(server, max_retries=max_retries)
    with pytest.raises(InternalServerError) as info:
        await harness.call(client.get, "x")
    assert info.value.attempts == max_retries + 1
    assert server.calls == max_retries + 1
    assert len(sleeps) == max_retries
    assert f"after {max_retries + 1} attempts" in str(info.value)
    assert "still busy" in str(info.value)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("create_new", ({"chat": {}},)),
        ("import_chats", ({"chats": []},)),
        ("pin", ("c1",)),
        ("chat_completion", (COMPLETION_FORM,)),
        ("chat_completed", ({"model": "m", "messages": []},)),
    ],
)
async def test_post_is_not_retried(
    harness: Harness, sleeps: list[float], name: str, args: tuple[Any, ...]
) -> None:
    server = FakeServer(error(503, "busy"), ok(CHAT))
    client = harness.client(server)
    with pytest.raises(InternalServerError) as info:
        await harness.call(getattr(client, name), *args)
    assert server.calls == 1 and sleeps == []
    assert info.value.attempts == 1


async def test_post_connection_failure_is_not_retried(
    harness: Harness, sleeps: list[float]
) -> None:
    server = FakeServer(httpx.ConnectError, ok(CHAT))
    with pytest.raises(APIConnectionError):
        await harness.call(harness.client(server).create_new, {"chat": {}})
    assert server.calls == 1 and sleeps == []


@pytest.mark.parametrize(
    ("name", "args", "reply"),
    [
        ("delete", ("c1",), ok(True)),
        ("update_params", ("c1", {}), ok({})),
        ("get_by_tags", ({"name": "t"},), ok([])),
        ("get_all", (), ndjson(CHAT)),
    ],
)
async def test_idempotent_requests_are_retried(
    harness: Harness, sleeps: list[float], name: str, args: tuple[Any, ...], reply: Reply
) -> None:
    server = FakeServer(error(500, "oops"), reply)
    await harness.call(getattr(harness.client(server), name), *args)
    assert server.calls == 2 and len(sleeps) == 1


async def test_max_retries_zero_means_one_attempt(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(503, "busy"), ok(CHAT))
    with pytest.raises(InternalServerError) as info:
        await harness.call(harness.client(server, max_retries=0).get, "x")
    assert server.calls == 1 and sleeps == [] and info.value.attempts == 1


async def test_client_errors_are_not_retried(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(404, "gone"), ok(CHAT))
    with pytest.raises(NotFoundError):
        await harness.call(harness.client(server).get, "x")
    assert server.calls == 1 and sleeps == []


async def test_with_options_raises_the_retry_count(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(503, "busy"))
    client = harness.client(server, max_retries=1)
    more = client.with_options(max_retries=5)
    assert more._http is client._http
    with pytest.raises(InternalServerError) as info:
        await harness.call(more.get, "x")
    assert info.value.attempts == 6 and server.calls == 6 and len(sleeps) == 5
    # the original keeps its own count
    with pytest.raises(InternalServerError) as info:
        await harness.call(client.get, "x")
    assert info.value.attempts == 2


async def test_backoff_doubles_up_to_the_cap(
    harness: Harness, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base_module, "random", SimpleNamespace(random=lambda: 0.0))
    server = FakeServer(error(502, "bad gateway"))
    with pytest.raises(InternalServerError):
        await harness.call(harness.client(server, max_retries=6).get, "x")
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


async def test_backoff_jitter_takes_off_at_most_a_quarter(
    harness: Harness, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base_module, "random", SimpleNamespace(random=lambda: 0.999999))
    server = FakeServer(error(500, "oops"))
    with pytest.raises(InternalServerError):
        await harness.call(harness.client(server, max_retries=3).get, "x")
    expected = [0.5 * 0.75, 1.0 * 0.75, 2.0 * 0.75]
    assert sleeps == [pytest.approx(e, rel=1e-5) for e in expected]


async def test_backoff_is_random_within_range(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(error(503, "busy"))
    client = harness.client(server, max_retries=2)
    for _ in range(20):
        with pytest.raises(InternalServerError):
            await harness.call(client.get, "x")
    firsts, seconds = sleeps[0::2], sleeps[1::2]
    assert all(_first_backoff(d) for d in firsts)
    assert all(_second_backoff(d) for d in seconds)
    assert len(set(firsts)) > 1, "no jitter"


# -- transport failures ---------------------------------------------------------------------------


@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError])
async def test_connection_failure_after_retries(
    harness: Harness, sleeps: list[float], exc: type[httpx.TransportError]
) -> None:
    server = FakeServer(exc)
    with pytest.raises(APIConnectionError) as info:
        await harness.call(harness.client(server).get, "x")
    assert type(info.value) is APIConnectionError
    assert info.value.attempts == 3 and server.calls == 3
    assert _first_backoff(sleeps[0]) and _second_backoff(sleeps[1])
    assert isinstance(info.value.__cause__, exc)
    assert info.value.method == "GET" and info.value.url.endswith("/api/v1/chats/x")
    assert exc.__name__ in str(info.value)


async def test_connection_failure_then_success(harness: Harness, sleeps: list[float]) -> None:
    server = FakeServer(httpx.ConnectError, ok(CHAT))
    assert isinstance(await harness.call(harness.client(server).get, "x"), ChatResponse)
    assert server.calls == 2 and len(sleeps) == 1


@pytest.mark.parametrize(
    "exc", [httpx.ReadTimeout, httpx.ConnectTimeout, httpx.WriteTimeout, httpx.PoolTimeout]
)
async def test_timeouts(harness: Harness, exc: type[httpx.TimeoutException]) -> None:
    server = FakeServer(exc)
    with pytest.raises(APITimeoutError) as info:
        await harness.call(harness.client(server).get, "x")
    assert isinstance(info.value, APIConnectionError)
    assert info.value.attempts == 3
    assert "timed out" in str(info.value)


async def test_body_cut_during_a_plain_request(harness: Harness) -> None:
    reply = Reply(
        200,
        headers={"content-type": "application/json"},
        stream=lambda: BrokenStream([b'{"id": "c1", '], httpx.RemoteProtocolError),
    )
    server = FakeServer(reply)
    with pytest.raises(APIConnectionError):
        await harness.call(harness.client(server).get, "x")
    assert server.calls == 3


# -- bodies that do not fit -----------------------------------------------------------------------


async def test_html_instead_of_json(harness: Harness) -> None:
    html = b"<!doctype html><html><body>Open WebUI</body></html>"
    server = FakeServer(Reply(200, content=html, headers={"content-type": "text/html"}))
    with pytest.raises(APIResponseValidationError) as info:
        await harness.call(harness.client(server).get, "x")
    message = str(info.value)
    assert "expected JSON" in message
    assert "text/html" in message
    assert "/api/v1/chats/x" in message
    assert "<!doctype html>" in message
    assert info.value.status_code == 200 and info.value.response is not None


@pytest.mark.parametrize("body", [b'{"id": "c1", "title": ', b"", b"[1, 2", b"nul"])
async def test_truncated_or_empty_json(harness: Harness, body: bytes) -> None:
    server = FakeServer(Reply(200, content=body, headers={"content-type": "application/json"}))
    with pytest.raises(APIResponseValidationError):
        await harness.call(harness.client(server).get, "x")


WRONG_SHAPES = [
    ("get", ("x",), [CHAT], "ChatResponse"),
    ("get", ("x",), {k: v for k, v in CHAT.items() if k != "id"}, "'id'"),
    ("get", ("x",), "a string", "ChatResponse"),
    ("get_list", (), {"id": "c1"}, "list"),
    ("get_list", (), [{"title": "no id"}], "'id'"),
    ("get_all_db", (), [CHAT, 5], "ChatResponse"),
    ("delete", ("x",), "yes", "boolean"),
    ("delete", ("x",), None, "boolean"),
    ("get_archived_count", (), "3", "integer"),
    ("get_archived_count", (), True, "integer"),
    ("update_params", ("x", {}), [1], "object"),
    ("mark_unread", ("x",), {}, "'chat_id'"),
    ("get_config", (), [], "ChatConfigForm"),
    ("export_chat_stats", (), {"items": [{"id": "x"}], "total": 1, "page": 1}, ""),
    ("chat_completion", (COMPLETION_FORM,), {"id": "x"}, ""),
    ("chat_completion", (COMPLETION_FORM,), [COMPLETION], ""),
    ("get_chat_usage_stats", (), {"items": "nope", "total": 1}, ""),
]


@pytest.mark.parametrize(
    ("name", "args", "payload", "hint"),
    WRONG_SHAPES,
    ids=[f"{n}-{i}" for i, (n, *_rest) in enumerate(WRONG_SHAPES)],
)
async def test_wrong_shape_is_a_validation_error(
    harness: Harness, name: str, args: tuple[Any, ...], payload: Any, hint: str
) -> None:
    server = FakeServer(ok(payload))
    with pytest.raises(APIResponseValidationError) as info:
        await harness.call(getattr(harness.client(server), name), *args)
    assert hint in str(info.value)
    assert info.value.response is not None


# -- NDJSON ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad_line", ['{"id": "c3", ', "<html>", '["not", "a", "chat"]'])
async def test_ndjson_with_a_bad_line_3(harness: Harness, bad_line: str) -> None:
    lines = [json.dumps(CHAT), json.dumps({**CHAT, "id": "c2"}), bad_line, json.dumps(CHAT)]
    server = FakeServer(ndjson(raw_lines=lines))
    client = harness.client(server)
    with pytest.raises(APIResponseValidationError, match="line 3"):
        await harness.call(client.get_all)

    stream = await harness.call(client.iter_all)
    seen: list[str] = []
    with pytest.raises(APIResponseValidationError, match="line 3") as info:
        if harness.is_async:
            async for chat in stream:
                seen.append(chat.id)
        else:
            for chat in stream:
                seen.append(chat.id)
    assert seen == ["c1", "c2"]
    assert "/api/v1/chats/all" in str(info.value)
    assert stream.response.is_closed


async def test_ndjson_blank_lines_are_skipped(harness: Harness) -> None:
    lines = ["", json.dumps(CHAT), "   ", json.dumps({**CHAT, "id": "c2"}), ""]
    client = harness.client(FakeServer(ndjson(raw_lines=lines)))
    chats = await harness.call(client.get_all)
    assert [c.id for c in chats] == ["c1", "c2"]


async def test_ndjson_stats_export_bad_line(harness: Harness) -> None:
    client = harness.client(FakeServer(ndjson(raw_lines=["{}", "{}", "{}"])))
    stream = await harness.call(client.iter_chat_stats_export)
    with pytest.raises(APIResponseValidationError, match="line 1"):
        await harness.collect(stream)


async def test_ndjson_cut_mid_way(harness: Harness) -> None:
    reply = Reply(
        200,
        headers={"content-type": "application/x-ndjson"},
        stream=lambda: BrokenStream(
            [json.dumps(CHAT).encode() + b"\n", b'{"id": "c2"'], httpx.RemoteProtocolError
        ),
    )
    client = harness.client(FakeServer(reply))
    stream = await harness.call(client.iter_all)
    with pytest.raises(APIConnectionError, match="cut"):
        await harness.collect(stream)
    assert stream.response.is_closed
    with pytest.raises(APIConnectionError):
        await harness.call(client.get_all)


# -- JSON arrays read item by item -----------------------------------------------------------------


class Chunked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A whole body, sent in the given chunks (``sent`` counts those handed out)."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk


def _array_reply(*chunks: bytes, error: type[httpx.TransportError] | None = None) -> Reply:
    return Reply(
        200,
        headers={"content-type": "application/json"},
        stream=lambda: BrokenStream(list(chunks), error) if error else Chunked(list(chunks)),
    )


async def test_array_stream_in_one_byte_chunks(harness: Harness) -> None:
    body = json.dumps([CHAT, {**CHAT, "id": "c2", "title": "Café ☕"}], indent=2).encode()
    reply = _array_reply(*(body[i : i + 1] for i in range(len(body))))
    client = harness.client(FakeServer(reply))
    stream = await harness.call(client.iter_all_db)
    chats = await harness.collect(stream)
    assert [(c.id, c.title) for c in chats] == [("c1", CHAT["title"]), ("c2", "Café ☕")]
    assert stream.raw["id"] == "c2"
    assert stream.response.is_closed


async def test_array_stream_yields_before_the_answer_ends(harness: Harness) -> None:
    """Items come as their bytes arrive: the first is out before the rest is read."""
    chunks = [b"[", *(json.dumps({**CHAT, "id": f"c{n}"}).encode() + b"," for n in range(49))]
    chunks += [json.dumps({**CHAT, "id": "c49"}).encode(), b"]"]
    body = Chunked(chunks)
    client = harness.client(FakeServer(Reply(200, headers={}, stream=lambda: body)))
    stream = await harness.call(client.iter_all_db)
    first = await (stream.__anext__() if harness.is_async else harness.call(stream.__next__))
    assert first.id == "c0" and body.sent <= 3
    rest = await harness.collect(stream)
    assert [c.id for c in rest] == [f"c{n}" for n in range(1, 50)] and body.sent == len(chunks)


async def test_array_stream_cut_or_broken(harness: Harness) -> None:
    first = json.dumps(CHAT).encode()
    cut = _array_reply(b"[" + first + b",", b'{"id": "c2"', error=httpx.RemoteProtocolError)
    client = harness.client(FakeServer(cut))
    stream = await harness.call(client.iter_all_db)
    seen: list[str] = []
    with pytest.raises(APIConnectionError, match="cut"):
        if harness.is_async:
            async for chat in stream:
                seen.append(chat.id)
        else:
            for chat in stream:
                seen.append(chat.id)
    assert seen == ["c1"] and stream.response.is_closed
    # The body ends cleanly, but before the closing ']'.
    ended = harness.client(FakeServer(_array_reply(b"[" + first + b",")))
    with pytest.raises(APIConnectionError, match="cut short after item 1"):
        await harness.collect(await harness.call(ended.iter_all_db))
    for body, says in (
        (b"<html></html>", "not a JSON array"),
        (b"[" + first + b", oops]", "item 2 is not valid JSON"),
        (b'[{"id": 5}]', "item 1 of GET /api/v1/chats/all/db"),
    ):
        broken = harness.client(FakeServer(_array_reply(body)))
        with pytest.raises(APIResponseValidationError, match=re.escape(says)):
            await harness.collect(await harness.call(broken.iter_all_db))


async def test_ndjson_error_status_is_retried_then_raised(
    harness: Harness, sleeps: list[float]
) -> None:
    server = FakeServer(error(503, "busy"))
    with pytest.raises(InternalServerError) as info:
        await harness.call(harness.client(server).iter_all)
    assert info.value.attempts == 3 and len(sleeps) == 2


# -- streamed completions -------------------------------------------------------------------------


def _broken_sse() -> Reply:
    chunk = f"data: {json.dumps(CHUNK)}\n\n".encode()
    return Reply(
        200,
        headers={"content-type": "text/event-stream"},
        stream=lambda: BrokenStream([chunk, chunk], httpx.RemoteProtocolError),
    )


async def test_stream_cut_mid_way_is_a_connection_error(harness: Harness) -> None:
    server = FakeServer(_broken_sse())
    stream = await harness.call(
        harness.client(server).chat_completion, COMPLETION_FORM, stream=True
    )
    received: list[Any] = []
    with pytest.raises(APIConnectionError) as info:
        if harness.is_async:
            async for chunk in stream:
                received.append(chunk)
        else:
            for chunk in stream:
                received.append(chunk)
    assert len(received) == 2
    assert not isinstance(info.value, httpx.HTTPError)
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert "/api/chat/completions" in str(info.value)
    assert stream.response.is_closed
    assert server.calls == 1


async def test_error_event_is_a_stream_error(harness: Harness) -> None:
    server = FakeServer(sse(CHUNK, {"error": {"detail": "boom"}}, CHUNK))
    stream = await harness.call(
        harness.client(server).chat_completion, COMPLETION_FORM, stream=True
    )
    received: list[Any] = []
    with pytest.raises(APIStreamError, match="boom") as info:
        if harness.is_async:
            async for chunk in stream:
                received.append(chunk)
        else:
            for chunk in stream:
                received.append(chunk)
    assert len(received) == 1
    assert info.value.data == {"error": {"detail": "boom"}}
    assert stream.response.is_closed


async def test_error_event_with_a_message(harness: Harness) -> None:
    server = FakeServer(sse({"error": {"message": "model not found"}}))
    stream = await harness.call(
        harness.client(server).chat_completion, COMPLETION_FORM, stream=True
    )
    with pytest.raises(APIStreamError, match="model not found"):
        await harness.collect(stream)


async def test_event_that_is_not_json(harness: Harness) -> None:
    server = FakeServer(sse("not json at all"))
    stream = await harness.call(
        harness.client(server).chat_completion, COMPLETION_FORM, stream=True
    )
    with pytest.raises(APIResponseValidationError, match="not JSON"):
        await harness.collect(stream)
    assert stream.response.is_closed


async def test_completion_error_status_before_the_stream(harness: Harness) -> None:
    server = FakeServer(error(400, "Model not found"))
    with pytest.raises(Exception) as info:
        await harness.call(harness.client(server).chat_completion, COMPLETION_FORM, stream=True)
    assert "Model not found" in str(info.value)
    assert server.calls == 1


async def test_completion_json_body_cut(harness: Harness) -> None:
    reply = Reply(
        200,
        headers={"content-type": "application/json"},
        stream=lambda: BrokenStream([json.dumps(COMPLETION).encode()[:20]], httpx.ReadError),
    )
    with pytest.raises(APIConnectionError):
        await harness.call(harness.client(FakeServer(reply)).chat_completion, COMPLETION_FORM)


# -- closing streams early ------------------------------------------------------------------------


async def _open_stream(harness: Harness, kind: str) -> Any:
    if kind == "sse":
        server = FakeServer(sse(CHUNK, CHUNK, CHUNK))
        client = harness.client(server)
        return await harness.call(client.chat_completion, COMPLETION_FORM, stream=True)
    server = FakeServer(ndjson(CHAT, CHAT, CHAT))
    return await harness.call(harness.client(server).iter_all)


@pytest.mark.parametrize("kind", ["sse", "ndjson"])
async def test_break_inside_with_closes_the_response(harness: Harness, kind: str) -> None:
    stream = await _open_stream(harness, kind)
    count = 0
    if harness.is_async:
        async with stream:
            async for _ in stream:
                count += 1
                break
    else:
        with stream:
            for _ in stream:
                count += 1
                break
    assert count == 1
    assert stream.response.is_closed


@pytest.mark.parametrize("kind", ["sse", "ndjson"])
async def test_with_exit_without_reading_closes_the_response(harness: Harness, kind: str) -> None:
    stream = await _open_stream(harness, kind)
    assert not stream.response.is_closed
    if harness.is_async:
        async with stream:
            pass
    else:
        with stream:
            pass
    assert stream.response.is_closed


@pytest.mark.parametrize("kind", ["sse", "ndjson"])
async def test_exception_inside_the_loop_closes_the_response(harness: Harness, kind: str) -> None:
    stream = await _open_stream(harness, kind)
    with pytest.raises(RuntimeError, match="caller failed"):
        if harness.is_async:
            async with stream:
                async for _ in stream:
                    raise RuntimeError("caller failed")
        else:
            with stream:
                for _ in stream:
                    raise RuntimeError("caller failed")
    assert stream.response.is_closed


@pytest.mark.parametrize("kind", ["sse", "ndjson"])
async def test_close_after_a_break_closes_the_response(harness: Harness, kind: str) -> None:
    stream = await _open_stream(harness, kind)
    if harness.is_async:
        async for _ in stream:
            break
    else:
        for _ in stream:
            break
    await harness.close(stream)
    assert stream.response.is_closed
    await harness.close(stream)  # closing twice is harmless


@pytest.mark.parametrize("kind", ["sse", "ndjson"])
async def test_exhausted_stream_is_closed(harness: Harness, kind: str) -> None:
    stream = await _open_stream(harness, kind)
    assert len(await harness.collect(stream)) == 3
    assert stream.response.is_closed


async def test_json_answer_of_a_streamed_request_is_refused_read_and_closed(
    harness: Harness,
) -> None:
    """A model whose ``stream_response`` parameter overrides ``stream`` answers JSON to
    stream=True: not the `Stream` the call is typed as."""
    client = harness.client(FakeServer(ok(COMPLETION)))
    with pytest.raises(APIResponseValidationError, match="expected server-sent events") as caught:
        await harness.call(client.chat_completion, COMPLETION_FORM, stream=True)
    assert "cmpl-1" in str(caught.value)
    assert caught.value.response is not None and caught.value.response.is_closed
