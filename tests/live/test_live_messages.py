"""Messages of a chat (update, delete, events) and the statistics built from them."""

from __future__ import annotations

from typing import Any

from live.livekit import create_chat, ids

from owui_chats_client import AsyncJSONLinesStream, JSONLinesStream
from owui_chats_client.types import ChatStatsExport, ChatStatsExportList, ChatUsageStatsListResponse


async def test_update_message(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    updated = await api.update_message(
        made.id, made.assistant_message_id, {"content": "a better answer"}
    )
    assert updated.chat["history"]["messages"][made.assistant_message_id]["content"] == (
        "a better answer"
    )
    stored = (await api.get(made.id)).chat["history"]["messages"]
    assert stored[made.assistant_message_id]["content"] == "a better answer"
    assert stored[made.user_message_id]["content"] == f"about {made.word}"


async def test_delete_message(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    answer = await api.delete_message(made.id, made.assistant_message_id)
    history = answer.chat["history"]
    assert set(history["messages"]) == {made.user_message_id}
    assert history["currentId"] == made.user_message_id
    assert history["messages"][made.user_message_id]["childrenIds"] == []
    stored = (await api.get(made.id)).chat["history"]
    assert set(stored["messages"]) == {made.user_message_id}


async def test_send_message_event(api: Any, new_chat: Any) -> None:
    made = await new_chat()
    status = {"description": "searching the web", "done": False}
    assert (
        await api.send_message_event(
            made.id, made.assistant_message_id, {"type": "status", "data": status}
        )
        is True
    )
    message = (await api.get(made.id)).chat["history"]["messages"][made.assistant_message_id]
    assert message["statusHistory"] == [status]


async def test_usage_stats(fresh_api: Any) -> None:
    made = await create_chat(fresh_api)
    other = await create_chat(fresh_api)
    stats = await fresh_api.get_chat_usage_stats()
    assert isinstance(stats, ChatUsageStatsListResponse)
    assert stats.total == 2
    by_id = {item.id: item for item in stats.items}
    assert set(by_id) == {made.id, other.id}
    item = by_id[made.id]
    assert (item.message_count, item.history_message_count) == (2, 2)
    assert (item.history_user_message_count, item.history_assistant_message_count) == (1, 1)
    assert item.average_response_time == 1.0  # the answer is timestamped 1 s after the question
    assert item.history_models == {"echo": 1}

    first_page = await fresh_api.get_chat_usage_stats(items_per_page=1, page=1)
    second_page = await fresh_api.get_chat_usage_stats(items_per_page=1, page=2)
    assert first_page.total == second_page.total == 2
    assert len(first_page.items) == len(second_page.items) == 1
    assert ids(first_page.items) | ids(second_page.items) == {made.id, other.id}


async def test_exports(fresh_api: Any) -> None:
    made = await create_chat(fresh_api)
    await fresh_api.add_tag(made.id, {"name": made.word})
    other = await create_chat(fresh_api)

    page = await fresh_api.export_chat_stats()
    assert isinstance(page, ChatStatsExportList)
    assert (page.total, page.page) == (2, 1)
    assert ids(page.items) == {made.id, other.id}

    stream = await fresh_api.iter_chat_stats_export()
    assert isinstance(stream, (JSONLinesStream, AsyncJSONLinesStream))
    streamed = await fresh_api.collect(stream)
    assert ids(streamed) == {made.id, other.id}
    assert all(isinstance(item, ChatStatsExport) for item in streamed)

    single = await fresh_api.export_single_chat_stats(made.id)
    assert isinstance(single, ChatStatsExport)
    assert single.id == made.id
    assert single.stats.message_count == 2
    assert single.stats.history_user_message_count == 1
    assert single.tags == [made.word.lower()]

    # only chats updated since a time
    later = await fresh_api.export_chat_stats(updated_at=single.updated_at + 3600)
    assert later.items == []
