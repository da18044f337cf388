"""Credentials that change and keys that are limited: a JWT expires (``JWT_EXPIRES_IN``, short
here), a client with a callable ``api_key`` goes on with a fresh one, one with the stale token is
told it expired; an API key limited to some routes (``API_KEYS_ALLOWED_ENDPOINTS``) is refused
the others with `PermissionDeniedError` naming the route."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from owui_chats_client import AuthenticationError, ChatsClient, PermissionDeniedError

LIFETIME = 6  # seconds a JWT of this server is valid


ALLOWED = "/api/v1/chats/list,/api/v1/chats/new"


@pytest.fixture(scope="module")
def short_lived() -> Iterator[Any]:
    """A server whose JWTs expire after LIFETIME seconds and whose API keys reach only the
    routes in ALLOWED."""
    import localserver

    server = localserver.LocalServer()
    server.extra_env = {
        "JWT_EXPIRES_IN": f"{LIFETIME}s",
        "ENABLE_API_KEYS_ENDPOINT_RESTRICTIONS": "true",
        "API_KEYS_ALLOWED_ENDPOINTS": ALLOWED,
    }
    with server:
        yield server


def test_a_callable_credential_outlives_an_expired_jwt(short_lived: Any) -> None:
    import localserver

    seed = short_lived.seed
    user = localserver.add_user(
        seed.base_url,
        localserver.sign_in(seed.base_url, "admin@example.com", "owui-Local-Passw0rd!")["token"],
    )
    signed = localserver.sign_in(short_lived.base_url, user["email"], user["password"])
    issued = {"token": signed["token"], "at": time.monotonic(), "renewed": 0}

    def current() -> str:  # what a service does: sign in again before the token runs out
        if time.monotonic() - issued["at"] > LIFETIME / 2:
            fresh = localserver.sign_in(short_lived.base_url, user["email"], user["password"])
            issued.update(token=fresh["token"], at=time.monotonic(), renewed=issued["renewed"] + 1)
        return str(issued["token"])

    stale = ChatsClient(short_lived.base_url, signed["token"])
    refreshed = ChatsClient(short_lived.base_url, current)
    with stale, refreshed:
        made = refreshed.create_new({"chat": {"title": "outlives its token"}})
        assert made is not None and stale.get(made.id) is not None
        time.sleep(LIFETIME + 1)  # the server's clock: the JWT's exp passes
        with pytest.raises(AuthenticationError) as caught:
            stale.get(made.id)
        assert "the JWT sent expired" in str(caught.value)
        assert signed["token"] not in str(caught.value)
        again = refreshed.get(made.id)
        assert again is not None and again.title == "outlives its token"
        assert issued["renewed"] >= 1


def test_an_api_key_limited_to_some_routes(short_lived: Any) -> None:
    with ChatsClient(short_lived.base_url, short_lived.seed.api_key) as client:
        made = client.create_new({"chat": {"title": "limited"}})
        assert made is not None and made.id in {c.id for c in client.get_list()}
        with pytest.raises(PermissionDeniedError) as caught:
            client.get(made.id)
    message = str(caught.value)
    assert f"(GET /api/v1/chats/{made.id})" in message
    assert "API_KEYS_ALLOWED_ENDPOINTS" in message
    assert short_lived.seed.api_key not in message
