"""Regression tests for facade behaviour that was once wrong: sorting of folder lists, raw
responses of composite calls, and the status and route carried by stream validation errors."""

from __future__ import annotations

import json

import pytest
from owui_unit_support import CHAT, COMPLETION_FORM, TITLE, FakeServer, Harness, ndjson, ok, sse

from owui_chats_client import APIResponse, APIResponseValidationError


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
