"""Routes that act on all of a user's chats, each run as a user created for the test."""

from __future__ import annotations

from typing import Any

from live.livekit import create_chat, ids

from owui_chats_client import AsyncJSONLinesStream, JSONLinesStream
from owui_chats_client.types import ChatResponse


async def test_get_all_and_iter_all(fresh_api: Any) -> None:
    assert await fresh_api.get_all() == []
    made = [await create_chat(fresh_api) for _ in range(3)]
    await fresh_api.archive(made[2].id)

    every = await fresh_api.get_all()
    assert all(isinstance(chat, ChatResponse) for chat in every)
    assert ids(every) == {chat.id for chat in made}  # archived chats included
    by_id = {chat.id: chat for chat in every}
    assert by_id[made[0].id].chat["history"]["currentId"] == made[0].assistant_message_id

    stream = await fresh_api.iter_all()
    assert isinstance(stream, (JSONLinesStream, AsyncJSONLinesStream))
    streamed = await fresh_api.collect(stream)
    assert ids(streamed) == ids(every)


async def test_get_user_list_as_admin(api: Any, fresh_api: Any, fresh_user: Any) -> None:
    assert await api.get_user_list(fresh_user.id) == []
    made = [await create_chat(fresh_api) for _ in range(2)]
    listed = await api.get_user_list(fresh_user.id)
    assert ids(listed) == {chat.id for chat in made}
    assert ids(await api.get_user_list(fresh_user.id, query=made[0].word)) == {made[0].id}
    assert ids(await api.get_user_list(fresh_user.id, page=1, order_by="title")) == ids(listed)


async def test_get_user_list_of_the_second_user(api: Any, api_for: Any, seed: Any) -> None:
    other = api_for(seed.user_api_key)
    made = await create_chat(other)
    try:
        assert made.id in ids(await api.get_user_list(seed.user_id))
        assert made.id not in ids(await api.get_list())
    finally:
        await other.delete(made.id)
    assert made.id not in ids(await api.get_user_list(seed.user_id))


async def test_get_all_db(api: Any, new_chat: Any, fresh_api: Any, fresh_user: Any) -> None:
    mine = await new_chat()
    theirs = await create_chat(fresh_api)
    everything = {chat.id: chat for chat in await api.get_all_db()}
    assert {mine.id, theirs.id} <= set(everything)
    assert everything[theirs.id].user_id == fresh_user.id
    assert everything[mine.id].user_id != fresh_user.id

    # The same answer read item by item: the same chats, in the same order, field for field.
    streamed = await api.collect(await api.iter_all_db())
    assert [chat.id for chat in streamed] == list(everything)
    by_id = {chat.id: chat for chat in streamed}
    assert by_id[theirs.id].to_dict() == everything[theirs.id].to_dict()
    assert by_id[mine.id].user_id == everything[mine.id].user_id


async def test_archive_all_and_unarchive_all(fresh_api: Any) -> None:
    made = [await create_chat(fresh_api) for _ in range(3)]
    assert await fresh_api.get_archived_count() == 0

    assert await fresh_api.archive_all() is True
    assert await fresh_api.get_archived_count() == 3
    assert ids(await fresh_api.get_all_archived()) == {chat.id for chat in made}
    assert await fresh_api.get_list() == []

    assert await fresh_api.unarchive_all() is True
    assert await fresh_api.get_archived_count() == 0
    assert await fresh_api.get_all_archived() == []
    assert ids(await fresh_api.get_list()) == {chat.id for chat in made}


async def test_mark_all_read(fresh_api: Any) -> None:
    made = [await create_chat(fresh_api) for _ in range(2)]
    for chat in made:
        await fresh_api.mark_unread(chat.id)
    assert all(chat.last_read_at == 0 for chat in await fresh_api.get_list())

    answer = await fresh_api.mark_all_read()
    assert answer.updated_count == 2
    assert all(chat.last_read_at for chat in await fresh_api.get_list())


async def test_delete_all(fresh_api: Any) -> None:
    made = [await create_chat(fresh_api) for _ in range(3)]
    await fresh_api.archive(made[0].id)
    await fresh_api.add_tag(made[1].id, {"name": made[1].word})

    assert await fresh_api.delete_all() is True
    assert await fresh_api.get_all() == []
    assert await fresh_api.get_list() == []
    assert await fresh_api.get_archived_count() == 0
    assert await fresh_api.get_by_tags({"name": made[1].word}) == []
