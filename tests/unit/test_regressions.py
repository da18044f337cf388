"""Regression tests for facade behaviour that was once wrong: sorting of folder lists, raw
responses of composite calls, and the status and route carried by stream validation errors."""

from __future__ import annotations

import gc
import json
import weakref

import httpx
import pytest
from owui_unit_support import CHAT, COMPLETION_FORM, TITLE, FakeServer, Harness, ndjson, ok, sse

from owui_chats_client import APIResponse, APIResponseValidationError


async def test_a_response_read_whole_is_freed_without_the_garbage_collector(
    harness: Harness,
) -> None:
    # httpx binds a response and its stream to each other; a long import once held many
    # batches' bodies until the cyclic collector ran.
    sent: list[weakref.ref[httpx.Response]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        response = httpx.Response(200, json=[CHAT])
        sent.append(weakref.ref(response))
        return response

    client = harness.client(answer)
    enabled = gc.isenabled()
    gc.disable()
    try:
        imported = await harness.call(client.import_chats, {"chats": [{"chat": {"title": "t"}}]})
        assert [chat.id for chat in imported] == ["c1"]
        assert len(sent) == 1
        assert sent[0]() is None
        # A raw response is kept, and its body can still be read.
        raw = await harness.call(client.with_raw_response.import_chats, {"chats": []})
        assert sent[1]() is raw.http_response
        assert [chat.id for chat in raw.parsed] == ["c1"]
        assert json.loads(raw.http_response.read())[0]["id"] == "c1"
        assert b"".join(raw.http_response.iter_bytes()) == raw.http_response.content
    finally:
        if enabled:
            gc.enable()


async def test_get_list_by_folder_id_accepts_sorting(harness: Harness) -> None:
    server = FakeServer(ok([TITLE]))
    client = harness.client(server)
    await harness.call(client.get_list_by_folder_id, "f1", sort_by="title", sort_dir="asc")
    assert server.last.url.params["sort_by"] == "title"
    assert server.last.url.params["sort_dir"] == "asc"


async def test_raw_response_of_get_all(harness: Harness) -> None:
    client = harness.client(FakeServer(ndjson(CHAT)))
    raw = await harness.call(client.with_raw_response.get_all)
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert [c.id for c in raw.parsed] == ["c1"]


async def test_ndjson_validation_error_has_a_status_code(harness: Harness) -> None:
    client = harness.client(FakeServer(ndjson(raw_lines=[json.dumps(CHAT), "[1]"])))
    with pytest.raises(APIResponseValidationError, match="line 2") as info:
        await harness.call(client.get_all)
    assert info.value.response is not None
    assert info.value.status_code == 200


async def test_sse_validation_error_has_status_code_and_route(harness: Harness) -> None:
    client = harness.client(FakeServer(sse({"id": "x", "choices": 5})))
    stream = await harness.call(client.chat_completion, COMPLETION_FORM, stream=True)
    with pytest.raises(APIResponseValidationError) as info:
        await harness.collect(stream)
    assert info.value.status_code == 200
    assert "/api/chat/completions" in str(info.value)
