"""Credentials that change: a JWT expires (``JWT_EXPIRES_IN``, short here), a client with a
callable ``api_key`` goes on with a fresh one, one with the stale token is told it expired."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from owui_chats_client import AuthenticationError, ChatsClient

LIFETIME = 6  # seconds a JWT of this server is valid


@pytest.fixture(scope="module")
def short_lived() -> Iterator[Any]:
    """A server whose JWTs expire after LIFETIME seconds."""
    import localserver

    server = localserver.LocalServer()
    server.extra_env = {"JWT_EXPIRES_IN": f"{LIFETIME}s"}
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
