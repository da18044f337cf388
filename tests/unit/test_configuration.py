"""Base URL, API key, environment, options, raw responses and redirects."""

from __future__ import annotations

import pathlib

import httpx
import pytest
from owui_unit_support import (
    API_KEY,
    CHAT,
    COMPLETION,
    COMPLETION_FORM,
    TASK_ANSWER,
    TITLE,
    FakeServer,
    Harness,
    Reply,
    ndjson,
    ok,
    sse,
)

from owui_chats_client import (
    APIResponse,
    AsyncChatsClient,
    AsyncJSONLinesStream,
    AsyncStream,
    ChatsClient,
    JSONLinesStream,
    OpenWebUIError,
    Stream,
)
from owui_chats_client.types import ChatCompletionTaskResponse, ChatResponse


@pytest.mark.parametrize(
    "base_url",
    ["http://h:8080", "http://h:8080/", "http://h:8080/api", "http://h:8080/api/"],
)
async def test_base_url_forms_all_reach_the_same_routes(harness: Harness, base_url: str) -> None:
    server = FakeServer(ok(CHAT), ok({"messages": []}), ok(COMPLETION))
    client = harness.client(server, base_url=base_url)
    assert client.base_url == "http://h:8080"

    await harness.call(client.get, "x")
    await harness.call(client.chat_completed, {"model": "m", "messages": []})
    await harness.call(client.chat_completion_api, {"model": "m", "messages": []})

    paths = [r.url.path for r in server.requests]
    assert paths == ["/api/v1/chats/x", "/api/chat/completed", "/api/v1/chat/completions"]
    assert all("/api/api" not in str(r.url) for r in server.requests)
    assert all(r.url.port == 8080 and r.url.host == "h" for r in server.requests)


async def test_base_url_under_a_sub_path_is_kept(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server, base_url="https://example.org/owui/api/")
    await harness.call(client.get, "x")
    assert str(server.last.url) == "https://example.org/owui/api/v1/chats/x"


async def test_environment_is_read_at_construction(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENWEBUI_BASE_URL", "http://from-env:3000/api")
    monkeypatch.setenv("OPENWEBUI_API_KEY", "sk-from-env")
    server = FakeServer(ok(CHAT))
    client = harness.client(server, base_url=None, api_key=None)
    # later changes of the environment do not affect a built client
    monkeypatch.setenv("OPENWEBUI_BASE_URL", "http://elsewhere:1")
    monkeypatch.setenv("OPENWEBUI_API_KEY", "sk-other")

    await harness.call(client.get, "x")
    assert str(server.last.url) == "http://from-env:3000/api/v1/chats/x"
    assert server.last.headers["authorization"] == "Bearer sk-from-env"


async def test_explicit_arguments_win_over_the_environment(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENWEBUI_BASE_URL", "http://from-env:3000")
    monkeypatch.setenv("OPENWEBUI_API_KEY", "sk-from-env")
    server = FakeServer(ok(CHAT))
    client = harness.client(server, base_url="http://h:8080", api_key=API_KEY)
    await harness.call(client.get, "x")
    assert server.last.url.host == "h"
    assert server.last.headers["authorization"] == f"Bearer {API_KEY}"


@pytest.mark.parametrize("cls", [ChatsClient, AsyncChatsClient])
def test_missing_base_url_is_a_clear_error(cls: type) -> None:
    with pytest.raises(OpenWebUIError) as info:
        cls(api_key="k")
    message = str(info.value)
    assert "base_url" in message and "OPENWEBUI_BASE_URL" in message


@pytest.mark.parametrize("cls", [ChatsClient, AsyncChatsClient])
@pytest.mark.parametrize("base_url", ["h:8080", "ftp://h", "http://", "/api"])
def test_base_url_that_is_not_an_http_url_is_rejected(cls: type, base_url: str) -> None:
    with pytest.raises((ValueError, OpenWebUIError)):
        cls(base_url, "k")


@pytest.mark.parametrize("cls", [ChatsClient, AsyncChatsClient])
@pytest.mark.parametrize("api_key", ["", "   "])
def test_blank_api_key_is_rejected(cls: type, api_key: str) -> None:
    with pytest.raises(ValueError):
        cls("http://h:8080", api_key)


async def test_bearer_header_and_accept(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    await harness.call(client.get, "x")
    assert server.last.headers["authorization"] == f"Bearer {API_KEY}"
    assert server.last.headers["accept"] == "application/json"


async def test_no_key_sends_no_authorization(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server, api_key=None)
    await harness.call(client.get, "x")
    assert "authorization" not in server.last.headers


async def test_default_headers_and_with_options_headers(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server, default_headers={"X-Team": "a", "X-Keep": "1"})
    await harness.call(client.get, "x")
    assert server.last.headers["x-team"] == "a"

    other = client.with_options(headers={"X-Team": "b"})
    await harness.call(other.get, "x")
    assert server.last.headers["x-team"] == "b"
    assert server.last.headers["x-keep"] == "1"
    # the original is unchanged
    await harness.call(client.get, "x")
    assert server.last.headers["x-team"] == "a"


async def test_with_options_shares_the_pool_and_changes_settings(harness: Harness) -> None:
    client = harness.client(FakeServer(ok(CHAT)), max_retries=1, timeout=30)
    other = client.with_options(max_retries=5, timeout=httpx.Timeout(3.0))
    assert other._http is client._http
    assert type(other) is type(client)
    assert (client.max_retries, other.max_retries) == (1, 5)
    assert client.timeout == httpx.Timeout(30)
    assert other.timeout == httpx.Timeout(3.0)
    with pytest.raises(ValueError):
        client.with_options(max_retries=-1)


async def test_timeout_is_sent_with_each_request(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server, timeout=12.5)
    await harness.call(client.get, "x")
    assert server.last.extensions["timeout"]["read"] == 12.5
    await harness.call(client.with_options(timeout=2.0).get, "x")
    assert server.last.extensions["timeout"]["read"] == 2.0


async def test_closing_a_client_leaves_a_passed_http_client_open(harness: Harness) -> None:
    client = harness.client(FakeServer(ok(CHAT)))
    if harness.is_async:
        async with client:
            pass
    else:
        with client:
            pass
    assert not client._http.is_closed


@pytest.mark.parametrize("cls", [ChatsClient, AsyncChatsClient])
def test_wrong_http_client_type_is_rejected(cls: type) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    wrong_class = httpx.AsyncClient if cls is ChatsClient else httpx.Client
    wrong = wrong_class(transport=transport)
    with pytest.raises(TypeError, match="http_client"):
        cls("http://h:8080", "k", http_client=wrong)


async def test_own_pool_is_closed_with_the_client(harness: Harness) -> None:
    client = harness.client_class("http://h:8080", "k")
    assert client._http.follow_redirects is True
    if harness.is_async:
        await client.aclose()
    else:
        client.close()
    assert client._http.is_closed


# -- with_raw_response ----------------------------------------------------------------------------


async def test_with_raw_response(harness: Harness) -> None:
    server = FakeServer(Reply(200, json=CHAT, headers={"x-request-id": "r-1"}))
    client = harness.client(server)
    raw = await harness.call(client.with_raw_response.get, "x")
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "r-1"
    assert isinstance(raw.parsed, ChatResponse) and raw.parsed.id == "c1"
    assert raw.parse() is raw.parsed
    # the client itself still returns plain values
    assert isinstance(await harness.call(client.get, "x"), ChatResponse)


async def test_with_raw_response_of_lists_and_completions(harness: Harness) -> None:
    server = FakeServer(ok([TITLE]))
    client = harness.client(server)
    raw = await harness.call(client.with_raw_response.get_list)
    assert isinstance(raw, APIResponse) and raw.parsed[0].id == "c1"

    completion = {"id": "x", "choices": [{"index": 0, "message": {"role": "assistant"}}]}
    client = harness.client(FakeServer(ok(completion)))
    raw = await harness.call(
        client.with_raw_response.chat_completion, {"model": "m", "messages": []}
    )
    assert isinstance(raw, APIResponse) and raw.status_code == 200 and raw.parsed.id == "x"


async def test_raw_response_completions_wrap_single_answers_only(harness: Harness) -> None:
    """As their overloads type them: events stay a stream, single answers are `APIResponse`."""
    server = FakeServer(sse({"choices": []}), ok(TASK_ANSWER))
    raw = harness.client(server).with_raw_response
    stream = await harness.call(raw.chat_completion, COMPLETION_FORM, stream=True)
    assert isinstance(stream, AsyncStream if harness.is_async else Stream)
    assert len(await harness.collect(stream)) == 1
    task = await harness.call(
        raw.chat_completion_api,
        {**COMPLETION_FORM, "chat_id": "c1", "session_id": "s"},
        background=True,
    )
    assert isinstance(task, APIResponse) and task.status_code == 200
    assert isinstance(task.parsed, ChatCompletionTaskResponse) and task.parsed.task_ids == [
        "t1",
        "t2",
    ]


async def test_raw_response_streams_are_the_clients_own(harness: Harness) -> None:
    server = FakeServer(ndjson(CHAT))
    raw = harness.client(server).with_raw_response
    stream = await harness.call(raw.iter_all)
    assert isinstance(stream, AsyncJSONLinesStream if harness.is_async else JSONLinesStream)
    assert [chat.id for chat in await harness.collect(stream)] == ["c1"]


# -- redirects ------------------------------------------------------------------------------------


def _redirecting_server(location: str) -> FakeServer:
    def first(request: httpx.Request) -> httpx.Response:
        return httpx.Response(307, headers={"location": location})

    return FakeServer(first, Reply(200, json=CHAT))


async def test_redirect_to_another_host_drops_the_key(harness: Harness) -> None:
    server = _redirecting_server("http://other-host:9000/api/v1/chats/x")
    client = harness.client(server, follow_redirects=True)
    result = await harness.call(client.get, "x")
    assert isinstance(result, ChatResponse)
    first, second = server.requests
    assert first.headers["authorization"] == f"Bearer {API_KEY}"
    assert second.url.host == "other-host"
    assert "authorization" not in second.headers
    assert all(API_KEY not in str(v) for v in second.headers.values())


async def test_redirect_on_the_same_host_keeps_the_key(harness: Harness) -> None:
    server = _redirecting_server("/api/v1/chats/y")
    client = harness.client(server, follow_redirects=True)
    await harness.call(client.get, "x")
    second = server.requests[1]
    assert second.url.path == "/api/v1/chats/y"
    assert second.headers["authorization"] == f"Bearer {API_KEY}"


def test_repr_names_the_server_only() -> None:
    client = ChatsClient("http://h:8080", API_KEY)
    assert repr(client) == "ChatsClient(base_url='http://h:8080')"
    assert API_KEY not in repr(client) and API_KEY not in str(client)
    client.close()


@pytest.mark.parametrize("target", ["other-host", "same-host"])
def test_own_default_client_follows_redirects_and_guards_the_key(
    monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    location = "http://other-host:9000/api/v1/chats/x" if target == "other-host" else "/moved"
    server = _redirecting_server(location)
    client = ChatsClient("http://h:8080", API_KEY)
    assert client._http.follow_redirects is True
    client._http._transport = httpx.MockTransport(server)
    try:
        assert isinstance(client.get("x"), ChatResponse)
    finally:
        client.close()
    second = server.requests[1]
    if target == "other-host":
        assert second.url.host == "other-host"
        assert "authorization" not in second.headers
    else:
        assert second.url.path == "/moved"
        assert second.headers["authorization"] == f"Bearer {API_KEY}"


def test_verify_takes_a_ca_file_a_context_or_false(tmp_path: pathlib.Path) -> None:
    import ssl

    import owui_chats_client._base as base

    with pytest.raises(ValueError, match="no CA file at"):
        ChatsClient("https://h", "k", verify=str(tmp_path / "absent.pem"))
    with pytest.raises(ValueError, match="set it on http_client"):
        ChatsClient("https://h", "k", verify=False, http_client=httpx.Client())
    with pytest.raises(TypeError, match="verify must be"):
        ChatsClient("https://h", "k", verify=3)  # type: ignore[arg-type]
    context = ssl.create_default_context()
    assert ChatsClient("https://h", "k", verify=context)._verify is context
    assert ChatsClient("https://h", "k", verify=False)._verify is False
    assert ChatsClient("https://h", "k")._verify is base.default_ssl_context()


def _jwt(exp: float) -> str:
    import base64
    import json

    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256'})}.{part({'id': 'u1', 'exp': exp})}.c2lnbmF0dXJl"


async def test_a_callable_api_key_is_asked_for_each_request(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    keys = iter(["sk-first", "sk-second", "sk-third"])
    client = harness.client(server, api_key=lambda: next(keys))
    await harness.call(client.get, "c1")
    await harness.call(client.with_options(timeout=5).get, "c1")
    assert [r.headers["Authorization"] for r in server.requests] == [
        "Bearer sk-first",
        "Bearer sk-second",
    ]
    empty = harness.client(FakeServer(ok(CHAT)), api_key=lambda: "")
    with pytest.raises(ValueError, match="api_key\\(\\) must be a non-empty string"):
        await harness.call(empty.get, "c1")


async def test_a_401_for_an_expired_jwt_says_so(harness: Harness) -> None:
    import time

    from owui_chats_client import AuthenticationError

    expired = _jwt(time.time() - 120)
    server = FakeServer(Reply(401, json={"detail": "Invalid token"}))
    client = harness.client(server, api_key=expired)
    with pytest.raises(AuthenticationError) as caught:
        await harness.call(client.get, "c1")
    message = str(caught.value)
    assert "Invalid token" in message and "the JWT sent expired 12" in message
    assert expired not in message and expired.split(".")[1] not in message
    fresh = harness.client(server, api_key=_jwt(time.time() + 3600))
    with pytest.raises(AuthenticationError) as caught:
        await harness.call(fresh.get, "c1")
    assert "expired" not in str(caught.value)


async def test_a_403_for_an_api_key_names_the_endpoint_restrictions(harness: Harness) -> None:
    from owui_chats_client import PermissionDeniedError

    server = FakeServer(Reply(403, json={"detail": "You do not have permission"}))
    with pytest.raises(PermissionDeniedError) as caught:
        await harness.call(harness.client(server).get, "c1")
    assert "(GET /api/v1/chats/c1)" in str(caught.value)
    assert "API_KEYS_ALLOWED_ENDPOINTS" in str(caught.value)
    assert API_KEY not in str(caught.value)
    with pytest.raises(PermissionDeniedError) as caught:
        await harness.call(harness.client(server, api_key="eyJ.a.b").get, "c1")
    assert "API_KEYS_ALLOWED_ENDPOINTS" not in str(caught.value)
