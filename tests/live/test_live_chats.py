"""One chat at a time: create, list, search, get, update, delete, tags, pin, archive, folders,
clone, fork, import, params, unread, config and compaction, in both modes."""

from __future__ import annotations

from typing import Any

import pytest
from live.livekit import chat_body, create_chat, ids, unique_word

from owui_chats_client import AuthenticationError, BadRequestError
from owui_chats_client.types import ChatResponse, ChatTitleIdResponse, TagModel


async def test_created_chat_is_listed_and_searchable(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    assert made.id in ids(await api.get_list())
    assert made.id in ids(await api.list_chats())
    assert made.id in ids(await api.get_list(page=1, sort_by="updated_at", sort_dir="desc"))

    by_title = await api.search(made.word)
    assert [chat.id for chat in by_title] == [made.id]
    assert all(isinstance(chat, ChatTitleIdResponse) for chat in by_title)

    content_word = unique_word("c")
    other = await new_chat(f"a message that mentions {content_word}")
    found = await api.search(content_word)
    assert [chat.id for chat in found] == [other.id]
    assert content_word in (found[0].snippet or "")

    assert await api.search(unique_word("nothing")) == []


async def test_get_update_delete(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    chat = await api.get(made.id)
    assert isinstance(chat, ChatResponse)
    assert (chat.id, chat.title, chat.archived) == (made.id, made.title, False)
    assert set(chat.chat["history"]["messages"]) == {
        made.user_message_id,
        made.assistant_message_id,
    }

    new_title = f"Renamed {made.word}"
    updated = await api.update(made.id, {"chat": {"title": new_title}})
    assert updated.title == new_title
    again = await api.get(made.id)
    assert again.title == new_title
    # `chat` is merged into the stored payload: the history is still there.
    assert made.assistant_message_id in again.chat["history"]["messages"]
    assert again.updated_at >= chat.updated_at

    assert await api.delete(made.id) is True
    with pytest.raises(AuthenticationError) as caught:
        await api.get(made.id)
    assert caught.value.status_code == 401
    assert made.id not in ids(await api.get_list())


async def test_tags(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    name = f"Tag {made.word}"
    tags = await api.add_tag(made.id, {"name": name})
    assert [tag.name for tag in tags] == [name]
    assert all(isinstance(tag, TagModel) for tag in tags)
    tag_id = tags[0].id  # the server's normalised id: lower case, "_" for spaces

    assert [tag.name for tag in await api.get_tags(made.id)] == [name]
    assert tag_id in {tag.id for tag in await api.get_all_tags()}
    assert ids(await api.get_by_tags({"name": name})) == {made.id}
    assert ids(await api.get_by_tags({"name": tag_id})) == {made.id}

    assert await api.delete_tag(made.id, {"name": name}) == []
    assert await api.get_tags(made.id) == []
    assert await api.get_by_tags({"name": name}) == []
    assert tag_id not in {tag.id for tag in await api.get_all_tags()}


async def test_delete_all_tags(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    for name in ("first", "second", "third"):
        await api.add_tag(made.id, {"name": f"{name} {made.word}"})
    assert len(await api.get_tags(made.id)) == 3

    assert await api.delete_all_tags(made.id) is True
    assert await api.get_tags(made.id) == []
    assert await api.get_by_tags({"name": f"first {made.word}"}) == []


async def test_pin(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    assert await api.get_pinned_status(made.id) is False
    assert made.id not in ids(await api.get_pinned())

    pinned = await api.pin(made.id)
    assert pinned.pinned is True
    assert await api.get_pinned_status(made.id) is True
    assert made.id in ids(await api.get_pinned())

    unpinned = await api.pin(made.id)  # pin toggles
    assert unpinned.pinned is False
    assert await api.get_pinned_status(made.id) is False
    assert made.id not in ids(await api.get_pinned())


async def test_archive(fresh_api: Any) -> None:
    # A user of its own: the archived count is this test's alone.
    api = fresh_api
    made = await create_chat(api)
    count = await api.get_archived_count()
    assert count == 0

    archived = await api.archive(made.id)
    assert archived.archived is True
    assert await api.get_archived_count() == count + 1
    assert made.id in ids(await api.get_all_archived())
    assert made.id in ids(await api.get_archived_list())
    assert ids(await api.get_archived_list(query=made.word)) == {made.id}
    # archived chats leave the ordinary listing and search
    assert made.id not in ids(await api.get_list())
    assert await api.search(made.word) == []

    restored = await api.archive(made.id)  # archive toggles
    assert restored.archived is False
    assert await api.get_archived_count() == count
    assert made.id not in ids(await api.get_all_archived())
    assert made.id in ids(await api.get_list())


async def test_folders(api: Any, new_chat: Any, seed: Any) -> None:
    made = await new_chat()
    moved = await api.update_folder(made.id, {"folder_id": seed.folder_id})
    assert moved.folder_id == seed.folder_id
    assert (await api.get(made.id)).folder_id == seed.folder_id
    assert made.id in ids(await api.get_by_folder_id(seed.folder_id))
    assert made.id in ids(await api.get_list_by_folder_id(seed.folder_id))
    assert made.id in ids(await api.get_list_by_folder_id(seed.folder_id, page=1))

    out = await api.update_folder(made.id, {"folder_id": None})
    assert out.folder_id is None
    assert made.id not in ids(await api.get_by_folder_id(seed.folder_id))
    assert made.id not in ids(await api.get_list_by_folder_id(seed.folder_id))


async def test_clone(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    titled = await api.clone(made.id, {"title": f"Copy {made.word}"})
    assert titled.id != made.id
    assert titled.title == f"Copy {made.word}"
    assert set(titled.chat["history"]["messages"]) == {
        made.user_message_id,
        made.assistant_message_id,
    }

    untitled = await api.clone(made.id, {})
    assert untitled.title == f"Clone of {made.title}"
    assert {titled.id, untitled.id} <= ids(await api.get_list())
    assert (await api.get(made.id)).title == made.title  # the original is untouched


async def test_fork_at_a_message(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    forked = await api.fork(made.id, {"message_id": made.user_message_id})
    assert forked.id != made.id
    assert forked.title == f"{made.title} (fork)"
    messages = forked.chat["history"]["messages"]
    # the fork keeps the branch up to the message, not what came after it
    assert set(messages) == {made.user_message_id}
    assert forked.chat["history"]["currentId"] == made.user_message_id
    assert forked.id in ids(await api.get_list())


async def test_import_keeps_timestamps_pinned_and_archived(api: Any) -> None:
    word = unique_word()
    first, _, _ = chat_body(f"first {word}", title=f"Imported one {word}")
    second, _, _ = chat_body(f"second {word}", title=f"Imported two {word}")
    imported = await api.import_chats(
        {
            "chats": [
                {
                    "chat": first,
                    "pinned": True,
                    "meta": {"tags": [f"imp{word}"]},
                    "created_at": 1_600_000_000,
                    "updated_at": 1_600_000_100,
                },
                {
                    "chat": second,
                    "archived": True,
                    "created_at": 1_650_000_000,
                    "updated_at": 1_650_000_200,
                },
            ]
        }
    )
    assert [chat.title for chat in imported] == [f"Imported one {word}", f"Imported two {word}"]
    one = await api.get(imported[0].id)
    two = await api.get(imported[1].id)
    assert (one.created_at, one.updated_at, one.pinned, one.archived) == (
        1_600_000_000,
        1_600_000_100,
        True,
        False,
    )
    assert (two.created_at, two.updated_at, two.archived) == (1_650_000_000, 1_650_000_200, True)
    assert one.id in ids(await api.get_pinned())
    assert two.id in ids(await api.get_all_archived())


async def test_update_params(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    params = {"temperature": 0.25, "max_tokens": 64}
    answer = await api.update_params(made.id, params)
    assert answer == params
    assert (await api.get(made.id)).chat["params"] == params


async def test_mark_unread(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    listed = {chat.id: chat for chat in await api.get_list()}
    assert listed[made.id].last_read_at  # a new chat counts as read

    unread = await api.mark_unread(made.id)
    assert unread.chat_id == made.id
    assert unread.last_read_at == 0
    listed = {chat.id: chat for chat in await api.get_list()}
    assert listed[made.id].last_read_at == 0


async def test_config_round_trip(api: Any) -> None:
    original = await api.get_config()
    assert isinstance(original.enable_context_compaction, bool)
    try:
        changed = await api.set_config(
            {**original.to_dict(), "CONTEXT_COMPACTION_TOKEN_THRESHOLD": 12345}
        )
        assert changed.context_compaction_token_threshold == 12345
        assert (await api.get_config()).context_compaction_token_threshold == 12345
    finally:
        restored = await api.set_config(original)
    assert restored.to_dict() == original.to_dict()
    assert (await api.get_config()).to_dict() == original.to_dict()


async def test_compact(api: Any, new_chat: Any) -> None:
    original = await api.get_config()
    with_model = await new_chat()
    without_model = await new_chat(model=None)
    try:
        await api.set_config({**original.to_dict(), "ENABLE_CONTEXT_COMPACTION": False})
        disabled = await api.compact(with_model.id)
        assert (disabled.ok, disabled.compacted, disabled.reason) == (True, False, "disabled")

        await api.set_config({**original.to_dict(), "ENABLE_CONTEXT_COMPACTION": True})
        # no model in the form, in the chat or in the configuration
        with pytest.raises(BadRequestError) as caught:
            await api.compact(without_model.id)
        assert "No model found for context compaction" in str(caught.value.detail)

        done = await api.compact(without_model.id, {"model": "echo"})
        assert (done.ok, done.compacted) == (True, True)
        assert done.dropped_messages == 1 and done.kept_messages == 1
        assert done.summary_chars > 0

        # the chat's own model serves when the form names none; a second pass has nothing to do
        first = await api.compact(with_model.id)
        assert first.compacted is True
        again = await api.compact(with_model.id, {"model": "echo"})
        assert (again.ok, again.compacted, again.reason) == (True, False, "too_short")
    finally:
        await api.set_config(original)
    assert (await api.get_config()).to_dict() == original.to_dict()


async def test_raw_response_and_options(api: Any, new_chat: Any, api_for: Any, seed: Any) -> None:
    made = await new_chat()
    raw = api.wrap(api.client.with_raw_response)
    answer = await raw.get(made.id)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.parse().id == made.id

    quick = api.wrap(api.client.with_options(timeout=5, max_retries=0, headers={"X-A": "b"}))
    assert quick.client.max_retries == 0
    assert (await quick.get(made.id)).title == made.title
    assert (await api.get(made.id)).id == made.id  # the original client still works
    # a base URL that already ends in /api is accepted
    with_api = api_for(seed.api_key, base_url=f"{seed.base_url}/api")
    assert (await with_api.get(made.id)).id == made.id
