"""Property tests: any id is one path segment; any answer either parses or is a validation error."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from owui_unit_support import (
    CHAT,
    COMPLETION,
    COMPLETION_FORM,
    CONFIG,
    STATS_EXPORT,
    TAG_A,
    TASK_ANSWER,
    TITLE,
    USAGE_ITEM,
    FakeServer,
    Harness,
    counted,
    sse,
)

from owui_chats_client import APIResponseValidationError, ChatsClient
from owui_chats_client._releases import NEWEST

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)


class Holder:
    """A fake server whose single answer the test changes between examples."""

    def __init__(self) -> None:
        self.payload: Any = None
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(
            200,
            content=json.dumps(self.payload).encode(),
            headers={"content-type": "application/json"},
        )


def _client(holder: Holder) -> ChatsClient:
    return ChatsClient(
        "https://h",
        "k",
        http_client=httpx.Client(transport=httpx.MockTransport(holder)),
        server_version=NEWEST,
    )


# -- ids ------------------------------------------------------------------------------------------

ID_TEXT = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() and s not in (".", ".."))


@SETTINGS
@given(chat_id=ID_TEXT)
@counted("path id: one encoded segment")
def test_any_id_is_one_segment_that_decodes_back(chat_id: str) -> None:
    holder = Holder()
    holder.payload = [TAG_A]
    client = _client(holder)
    client.get_tags(chat_id)
    raw = holder.requests[-1].url.raw_path.decode("ascii")
    prefix, suffix = "/api/v1/chats/", "/tags"
    assert raw.startswith(prefix) and raw.endswith(suffix)
    segment = raw[len(prefix) : -len(suffix)]
    assert "/" not in segment and "?" not in segment and "#" not in segment
    assert unquote(segment) == chat_id
    assert holder.requests[-1].url.query == b""


@SETTINGS
@given(blank=st.text(alphabet=" \t\r\n\x0b\x0c\u00a0\u2003", max_size=5))
@counted("path id: blank ids refused")
def test_blank_ids_never_reach_the_server(blank: str) -> None:
    holder = Holder()
    client = _client(holder)
    with pytest.raises(ValueError):
        client.get(blank)
    assert holder.requests == []


# -- answers --------------------------------------------------------------------------------------

# method, arguments, a valid answer
TARGETS: list[tuple[str, tuple[Any, ...], Any]] = [
    ("get", ("c1",), CHAT),
    ("get_list", (), [TITLE]),
    ("get_all_tags", (), [TAG_A]),
    ("export_single_chat_stats", ("c1",), STATS_EXPORT),
    ("export_chat_stats", (), {"items": [STATS_EXPORT], "total": 1, "page": 1}),
    ("get_chat_usage_stats", (), {"items": [USAGE_ITEM], "total": 1}),
    ("get_config", (), CONFIG),
    ("mark_unread", ("c1",), {"chat_id": "c1", "folder_unread_counts": {}}),
    ("compact", ("c1",), {"ok": True, "compacted": False, "reason": None}),
    ("chat_completion", (COMPLETION_FORM,), COMPLETION),
    (
        "chat_completion:background",
        ({**COMPLETION_FORM, "chat_id": "c", "session_id": "s"},),
        TASK_ANSWER,
    ),
    ("chat_completed", ({"model": "m", "messages": []},), {"messages": []}),
    (
        "resolve_tool_call",
        ("c", "m", {"call_id": "k", "action": "approve"}),
        {"status": True, "chat_id": "c", "message_id": "m"},
    ),
    (
        "get_shared_chat_access",
        ("c1",),
        [{"id": "g", "principal_type": "user", "principal_id": "u", "permission": "read"}],
    ),
    ("get_archived_count", (), 3),
    ("delete", ("c1",), True),
    ("update_params", ("c1", {}), {}),
]


@st.composite
def mutated(draw: st.DrawFn, valid: Any) -> Any:
    """A valid answer with one part replaced, removed or the whole answer replaced."""
    how = draw(st.sampled_from(["replace_all", "replace_field", "drop_field", "nested"]))
    if how == "replace_all" or not isinstance(valid, (dict, list)) or not valid:
        return draw(JSON)
    if isinstance(valid, list):
        item = draw(mutated(valid[0])) if valid else draw(JSON)
        return [*valid, item]
    data = dict(valid)
    key = draw(st.sampled_from(sorted(data)))
    if how == "drop_field":
        del data[key]
    elif how == "nested" and isinstance(data[key], (dict, list)) and data[key]:
        data[key] = draw(mutated(data[key]))
    else:
        data[key] = draw(JSON)
    return data


def _method(client: ChatsClient, name: str) -> Callable[..., Any]:
    """The client method a target names; ``name:background`` calls it with background=True."""
    method, _, flag = name.partition(":")
    bound: Callable[..., Any] = getattr(client, method)
    return functools.partial(bound, background=True) if flag == "background" else bound


@pytest.mark.parametrize(("name", "args", "valid"), TARGETS, ids=[t[0] for t in TARGETS])
def test_answers_parse_or_raise_validation_errors(
    name: str, args: tuple[Any, ...], valid: Any
) -> None:
    holder = Holder()
    client = _client(holder)
    holder.payload = valid
    method = _method(client, name)
    method(*args)  # the valid answer parses

    @SETTINGS
    @given(payload=mutated(valid))
    @counted(f"mutated answer: {name}")
    def check(payload: Any) -> None:
        holder.payload = payload
        with contextlib.suppress(APIResponseValidationError):
            method(*args)

    check()


@SETTINGS
@given(payload=JSON)
@counted("stream event: any JSON")
def test_stream_events_parse_or_raise_validation_errors(payload: Any) -> None:
    from owui_chats_client import APIStreamError

    reply = sse(payload)
    client = ChatsClient(
        "https://h", "k", http_client=httpx.Client(transport=httpx.MockTransport(FakeServer(reply)))
    )
    stream = client.chat_completion(COMPLETION_FORM, stream=True)
    try:
        with stream:
            list(stream)
    except (APIResponseValidationError, APIStreamError):
        pass
    assert stream.response.is_closed


# -- streams dropped without closing --------------------------------------------------------------


async def test_stream_dropped_after_a_bare_break_is_closed_when_collected(
    harness: Harness,
) -> None:
    chunk = {"id": "x", "choices": [{"index": 0, "delta": {"content": "a"}}]}
    client = harness.client(FakeServer(sse(chunk, chunk, chunk)))
    stream = await harness.call(client.chat_completion, COMPLETION_FORM, stream=True)
    if harness.is_async:
        async for _ in stream:
            break
    else:
        for _ in stream:
            break
    response = stream.response
    del stream
    gc.collect()
    if harness.is_async:
        import asyncio

        for _ in range(3):
            await asyncio.sleep(0)
    assert response.is_closed
