"""The auto-paging iterators against the real server: more than one page (60) is read whole,
page by page, and nothing is listed twice."""

from __future__ import annotations

from typing import Any

import httpx
from live.livekit import chat_body, unique_word

PAGE = 60


async def items(iterator: Any) -> list[Any]:
    if hasattr(iterator, "__aiter__"):
        return [item async for item in iterator]
    return list(iterator)


async def import_many(api: Any, count: int, word: str) -> set[str]:
    chats = []
    for n in range(count):
        body, _, _ = chat_body(f"question {n} {word}", title=f"Paged {n} {word}")
        chats.append({"chat": body})
    imported = await api.import_chats({"chats": chats})
    assert len(imported) == count
    return {chat.id for chat in imported}


async def test_iterators_read_every_page(fresh_api: Any, fresh_user: Any, api: Any) -> None:
    word = unique_word()
    made = await import_many(fresh_api, PAGE + 3, word)

    listed = [chat.id for chat in await items(fresh_api.client.iter_list())]
    assert sorted(listed) == sorted(made)  # two pages, no duplicates
    assert len(await fresh_api.get_list(page=2)) == 3

    found = [chat.id for chat in await items(fresh_api.client.iter_search(word))]
    assert sorted(found) == sorted(made)

    by_admin = [chat.id for chat in await items(api.client.iter_user_list(fresh_user.id))]
    assert sorted(by_admin) == sorted(made)

    assert await fresh_api.archive_all() is True
    archived = [chat.id for chat in await items(fresh_api.client.iter_archived_list())]
    assert sorted(archived) == sorted(made)
    assert await items(fresh_api.client.iter_list()) == []


async def test_short_lists_are_one_page(fresh_api: Any, api: Any, new_chat: Any, seed: Any) -> None:
    word = unique_word()
    made = sorted(await import_many(fresh_api, 2, word))
    for chat_id in made:
        assert (await fresh_api.share(chat_id)).share_id
    shared = await items(fresh_api.client.iter_shared_list())
    assert sorted(chat.chat_id for chat in shared) == made

    chat = await new_chat()
    await api.update_folder(chat.id, {"folder_id": seed.folder_id})
    in_folder = [c.id for c in await items(api.client.iter_list_by_folder_id(seed.folder_id))]
    assert chat.id in in_folder
    assert len(in_folder) == len(set(in_folder))


async def test_a_folder_list_of_more_than_one_page(
    fresh_api: Any, fresh_user: Any, seed: Any
) -> None:
    """The folder list answers 10 chats a page (not 60): a folder of 13 is read whole."""
    folder = httpx.post(
        f"{seed.base_url}/api/v1/folders/",
        json={"name": unique_word("folder")},
        headers={"Authorization": f"Bearer {fresh_user.token}"},
        timeout=30,
    ).json()
    word = unique_word()
    chats = [{"chat": chat_body(f"q {n} {word}")[0], "folder_id": folder["id"]} for n in range(13)]
    made = {chat.id for chat in await fresh_api.import_chats({"chats": chats})}
    assert len(await fresh_api.get_list_by_folder_id(folder["id"])) == 10
    listed = [c.id for c in await items(fresh_api.client.iter_list_by_folder_id(folder["id"]))]
    assert sorted(listed) == sorted(made)
