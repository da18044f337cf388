"""Errors from the real server, each with an API key and with a JWT."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from live.livekit import ids

from owui_chats_client import AuthenticationError, NotFoundError, UnprocessableEntityError

CREDENTIALS = ["api_key", "jwt"]


def admin_credential(seed: Any, kind: str) -> str:
    return str(seed.api_key if kind == "api_key" else seed.admin_token)


def second_user_credential(seed: Any, kind: str) -> str:
    return str(seed.user_api_key if kind == "api_key" else seed.user_token)


def wrong_credential(seed: Any, kind: str) -> str:
    if kind == "api_key":
        return f"sk-{uuid.uuid4().hex}"
    # a well-formed JWT whose signature does not match
    header, payload, signature = str(seed.admin_token).split(".")
    return f"{header}.{payload}.{signature[::-1]}"


@pytest.mark.parametrize("kind", CREDENTIALS)
async def test_wrong_credential(api_for: Any, seed: Any, kind: str) -> None:
    client = api_for(wrong_credential(seed, kind))
    with pytest.raises(AuthenticationError) as caught:
        await client.get_list()
    assert caught.value.status_code == 401
    assert caught.value.method == "GET"
    assert "/api/v1/chats/list" in caught.value.url
    with pytest.raises(AuthenticationError):
        await client.create_new({"chat": {"title": "never stored"}})


@pytest.mark.parametrize("kind", CREDENTIALS)
async def test_right_credential(api_for: Any, seed: Any, kind: str) -> None:
    client = api_for(admin_credential(seed, kind))
    made = await client.create_new({"chat": {"title": f"Both credentials {kind}"}})
    assert made.id in ids(await client.get_list())
    assert await client.delete(made.id) is True


@pytest.mark.parametrize("kind", CREDENTIALS)
async def test_another_users_chat_is_out_of_reach(
    api: Any, new_chat: Any, api_for: Any, seed: Any, kind: str
) -> None:
    made = await new_chat()
    other = api_for(second_user_credential(seed, kind))

    with pytest.raises(AuthenticationError):
        await other.get(made.id)
    with pytest.raises(AuthenticationError):
        await other.update(made.id, {"chat": {"title": "taken over"}})
    with pytest.raises(NotFoundError):
        await other.delete(made.id)
    assert made.id not in ids(await other.get_list())
    assert await other.search(made.word) == []
    # ordinary users may not use the admin routes
    with pytest.raises(AuthenticationError):
        await other.get_user_list(seed.admin_id)
    with pytest.raises(AuthenticationError):
        await other.get_all_db()

    still = await api.get(made.id)
    assert still.title == made.title


@pytest.mark.parametrize("kind", CREDENTIALS)
async def test_missing_chat(api_for: Any, seed: Any, kind: str) -> None:
    client = api_for(admin_credential(seed, kind))
    missing = str(uuid.uuid4())
    # Open WebUI answers 401 for a chat it cannot find for the caller...
    for call in (
        lambda: client.get(missing),
        lambda: client.get_tags(missing),
        lambda: client.update(missing, {"chat": {"title": "x"}}),
        lambda: client.pin(missing),
        lambda: client.get_pinned_status(missing),
        lambda: client.get_shared(missing),
    ):
        with pytest.raises(AuthenticationError) as caught:
            await call()
        assert caught.value.status_code == 401
    # ...but 404 when deleting it
    with pytest.raises(NotFoundError) as gone:
        await client.delete(missing)
    assert gone.value.status_code == 404
    assert "could not find" in str(gone.value.detail)


@pytest.mark.parametrize("kind", CREDENTIALS)
async def test_invalid_bodies_give_the_servers_validation_errors(
    api_for: Any, seed: Any, kind: str, api: Any, new_chat: Any
) -> None:
    client = api_for(admin_credential(seed, kind))
    # `chat` is free-form for the client, but the server wants an object
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.create_new({"chat": "not an object"})
    assert caught.value.status_code == 422
    assert isinstance(caught.value.detail, list)
    assert caught.value.detail[0]["loc"] == ["body", "chat"]
    assert caught.value.detail[0]["type"] == "dict_type"

    with pytest.raises(UnprocessableEntityError) as caught:
        await client.get_by_tags({"name": "x", "skip": "many"})
    assert [error["loc"] for error in caught.value.detail] == [["body", "skip"]]

    made = await new_chat()
    with pytest.raises(UnprocessableEntityError) as caught:
        await client.update(made.id, {"chat": ["a", "list"]})
    assert caught.value.detail[0]["loc"] == ["body", "chat"]
    assert (await api.get(made.id)).title == made.title
