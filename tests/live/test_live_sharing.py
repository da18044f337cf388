"""Sharing a chat: share ids, who may open a share, copies of a share, and unsharing."""

from __future__ import annotations

from typing import Any

import pytest
from live.livekit import create_chat, ids

from owui_chats_client import AuthenticationError
from owui_chats_client.types import AccessGrant, SharedChatResponse


async def test_share_get_and_stop_sharing(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    shared = await api.share(made.id)
    share_id = shared.share_id
    assert isinstance(share_id, str) and share_id
    assert (await api.get(made.id)).share_id == share_id

    snapshot = await api.get_shared(share_id)
    assert snapshot.id == share_id
    assert snapshot.title == made.title
    assert made.assistant_message_id in snapshot.chat["history"]["messages"]

    listed = {item.chat_id: item for item in await api.get_shared_list()}
    assert isinstance(listed[made.id], SharedChatResponse)
    assert listed[made.id].share_id == share_id
    assert made.id in {item.chat_id for item in await api.get_shared_list(query=made.word)}

    assert await api.delete_shared(made.id) is True
    assert (await api.get(made.id)).share_id is None
    with pytest.raises(AuthenticationError):
        await api.get_shared(share_id)
    assert made.id not in {item.chat_id for item in await api.get_shared_list()}


async def test_shared_chat_access(api: Any, new_chat: Any, api_for: Any, seed: Any) -> None:
    made = await new_chat()
    share_id = (await api.share(made.id)).share_id
    other = api_for(seed.user_api_key)

    # shared, but granted to no one: the second user may neither read nor copy it
    assert await api.get_shared_chat_access(made.id) == []
    with pytest.raises(AuthenticationError):
        await other.get_shared(share_id)
    with pytest.raises(AuthenticationError):
        await other.clone_shared(share_id)

    grant = {"principal_type": "user", "principal_id": seed.user_id, "permission": "read"}
    updated = await api.update_shared_chat_access(made.id, {"access_grants": [grant]})
    assert updated.id == made.id
    grants = await api.get_shared_chat_access(made.id)
    assert all(isinstance(item, AccessGrant) for item in grants)
    assert [(g.principal_type, g.principal_id, g.permission) for g in grants] == [
        ("user", seed.user_id, "read")
    ]

    assert (await other.get_shared(share_id)).title == made.title
    copy = await other.clone_shared(share_id)
    assert copy.user_id == seed.user_id
    assert copy.title == f"Clone of {made.title}"
    assert copy.id in ids(await other.get_list())
    assert copy.id not in ids(await api.get_list())

    await api.update_shared_chat_access(made.id, {"access_grants": []})
    assert await api.get_shared_chat_access(made.id) == []
    with pytest.raises(AuthenticationError):
        await other.get_shared(share_id)
    await other.delete(copy.id)


async def test_owner_clones_own_share(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    share_id = (await api.share(made.id)).share_id
    copy = await api.clone_shared(share_id)
    assert copy.id not in (made.id, share_id)
    assert copy.title == f"Clone of {made.title}"
    assert set(copy.chat["history"]["messages"]) == {
        made.user_message_id,
        made.assistant_message_id,
    }


async def test_unshare_all(fresh_api: Any) -> None:
    first = await create_chat(fresh_api)
    second = await create_chat(fresh_api)
    kept_private = await create_chat(fresh_api)
    share_ids = [(await fresh_api.share(chat.id)).share_id for chat in (first, second)]
    assert {item.chat_id for item in await fresh_api.get_shared_list()} == {first.id, second.id}

    assert await fresh_api.unshare_all() is True
    assert await fresh_api.get_shared_list() == []
    for chat in (first, second, kept_private):
        assert (await fresh_api.get(chat.id)).share_id is None
    for share_id in share_ids:
        with pytest.raises(AuthenticationError):
            await fresh_api.get_shared(share_id)
