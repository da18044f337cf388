"""Error statuses map to their classes, carry what failed, and never leak the API key."""

from __future__ import annotations

import logging

import pytest
from owui_unit_support import API_KEY, CHAT, FakeServer, Harness, Reply, error, ok

from owui_chats_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APIStreamError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    OpenWebUIError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

STATUS_CLASSES = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
]

VALIDATION_DETAIL = [
    {"type": "missing", "loc": ["body", "chat"], "msg": "Field required", "input": {}},
]


def test_hierarchy() -> None:
    for _, cls in STATUS_CLASSES:
        assert issubclass(cls, APIStatusError)
        assert issubclass(cls, OpenWebUIError)
    assert issubclass(APITimeoutError, APIConnectionError)
    for cls in (APIConnectionError, APIResponseValidationError, APIStreamError, APIStatusError):
        assert issubclass(cls, OpenWebUIError)


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES, ids=[str(s) for s, _ in STATUS_CLASSES])
async def test_status_maps_to_its_class(harness: Harness, status: int, cls: type) -> None:
    detail = VALIDATION_DETAIL if status == 422 else f"server said {status}"
    server = FakeServer(error(status, detail))
    client = harness.client(server, max_retries=0)
    with pytest.raises(cls) as info:
        await harness.call(client.get, "abc")
    exc = info.value
    assert type(exc) is cls
    assert exc.status_code == status
    assert exc.detail == detail
    assert exc.body == {"detail": detail}
    assert exc.method == "GET"
    assert exc.url == "http://h:8080/api/v1/chats/abc"
    assert exc.attempts == 1
    assert exc.response.status_code == status
    text = str(exc)
    if status == 422:
        assert isinstance(exc.detail, list)
        assert "Field required" in text
    else:
        assert f"server said {status}" in text
    assert str(status) in text and "/api/v1/chats/abc" in text
    assert server.calls == 1


async def test_error_body_that_is_not_json(harness: Harness) -> None:
    server = FakeServer(Reply(502, content=b"<html>Bad Gateway</html>"))
    client = harness.client(server, max_retries=0)
    with pytest.raises(InternalServerError) as info:
        await harness.call(client.get_list)
    assert info.value.detail == "<html>Bad Gateway</html>"
    assert "Bad Gateway" in str(info.value)


async def test_unmapped_status_is_a_plain_status_error(harness: Harness) -> None:
    client = harness.client(FakeServer(error(418, "teapot")), max_retries=0)
    with pytest.raises(APIStatusError) as info:
        await harness.call(client.get, "x")
    assert type(info.value) is APIStatusError and info.value.status_code == 418


async def test_post_errors_carry_the_method(harness: Harness) -> None:
    client = harness.client(FakeServer(error(401, "not yours")))
    with pytest.raises(AuthenticationError) as info:
        await harness.call(client.pin, "c1")
    assert info.value.method == "POST"
    assert info.value.url.endswith("/api/v1/chats/c1/pin")


# -- the key never leaks --------------------------------------------------------------------------


def _assert_no_key(exc: BaseException, client: object, caplog: pytest.LogCaptureFixture) -> None:
    assert API_KEY not in str(exc)
    assert API_KEY not in repr(exc)
    assert API_KEY not in repr(exc.args)
    assert API_KEY not in repr(client)
    for record in caplog.records:
        assert API_KEY not in record.getMessage()
        assert API_KEY not in repr(record.args)
    assert API_KEY not in caplog.text


FAILURES = [
    pytest.param(error(401, "bad key"), AuthenticationError, id="401"),
    pytest.param(error(422, VALIDATION_DETAIL), UnprocessableEntityError, id="422"),
    pytest.param(error(503, "down"), InternalServerError, id="503-retried"),
    pytest.param(Reply(200, content=b"<html>login</html>"), APIResponseValidationError, id="html"),
]


@pytest.mark.parametrize(("reply", "cls"), FAILURES)
@pytest.mark.parametrize("logger_level", ["caplog-only", "logger-debug"])
async def test_key_absent_from_errors_and_logs(
    harness: Harness,
    caplog: pytest.LogCaptureFixture,
    reply: Reply,
    cls: type,
    logger_level: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    if logger_level == "logger-debug":
        logging.getLogger("owui_chats_client").setLevel(logging.DEBUG)
        logging.getLogger("httpx").setLevel(logging.DEBUG)
    server = FakeServer(reply)
    client = harness.client(server)
    with pytest.raises(cls) as info:
        await harness.call(client.get, "x")
    _assert_no_key(info.value, client, caplog)
    assert caplog.records, "expected at least the plain-http warning"


@pytest.mark.parametrize("logger_level", ["caplog-only", "logger-debug"])
async def test_key_absent_from_connection_errors_and_logs(
    harness: Harness, caplog: pytest.LogCaptureFixture, logger_level: str
) -> None:
    import httpx

    caplog.set_level(logging.DEBUG)
    if logger_level == "logger-debug":
        logging.getLogger("owui_chats_client").setLevel(logging.DEBUG)
    client = harness.client(FakeServer(httpx.ConnectError))
    with pytest.raises(APIConnectionError) as info:
        await harness.call(client.get, "x")
    _assert_no_key(info.value, client, caplog)
    # retries were logged, without the key
    assert any("retrying GET /api/v1/chats/x" in r.getMessage() for r in caplog.records)


async def test_key_absent_from_successful_call_logs(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("owui_chats_client").setLevel(logging.DEBUG)
    client = harness.client(FakeServer(ok(CHAT)))
    await harness.call(client.get, "x")
    assert any("GET /api/v1/chats/x -> 200" in r.getMessage() for r in caplog.records)
    assert API_KEY not in caplog.text
