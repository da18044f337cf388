"""Every operation of the spec on the session server's release, through both clients.

An operation the release has runs its scenario, which asserts the effect; one the release lacks
(its ``x-since`` is newer) must raise `UnsupportedByServerError` naming it and the release, with
nothing sent to its route. The same for every later query parameter and body field: refused
when the release lacks it and a value other than the spec's default is passed, left out when it
is the default, and with its effect where the release has it.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from live.livekit import Api, chat_body, create_chat, ids, poll, unique_word
from matrix.conftest import Context, Release, Sent

from owui_chats_client import (
    AuthenticationError,
    NotFoundError,
    UnsupportedByServerError,
)
from owui_chats_client._generated.api import chats as ops
from owui_chats_client.types import ChatCompletionTaskResponse, ChatResponse

QUESTION = "how do releases differ"
ANSWER = f"echo: {QUESTION}"


Ctx = Context
Scenario = Callable[[Ctx], Awaitable[None]]
SCENARIOS: dict[str, Scenario] = {}


def covers(*names: str) -> Callable[[Scenario], Scenario]:
    """Register a scenario as the one that exercises the operations ``names``."""

    def register(scenario: Scenario) -> Scenario:
        for name in names:
            assert name not in SCENARIOS, name
            SCENARIOS[name] = scenario
        return scenario

    return register


@pytest.fixture
def ctx(rapi: Api, release: Release, sent: Sent, request: pytest.FixtureRequest) -> Ctx:
    return Ctx(rapi, release, sent, request)


# Scenarios that call another operation of the same release first (to restore what they
# change): on a release that lacks both, the operation under test is called alone.
REFUSED_FIRST: dict[str, Scenario] = {}


def test_every_operation_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(ops.OPERATIONS)


@pytest.mark.parametrize("name", ops.OPERATIONS)
async def test_operation(name: str, ctx: Ctx) -> None:
    op = getattr(ops, name)
    scenario = SCENARIOS[name]
    if ctx.release.has(op.SINCE):
        await scenario(ctx)
        assert ctx.sent.reached(op), f"the scenario of {name} did not call it"
        return
    with pytest.raises(UnsupportedByServerError) as caught:
        await REFUSED_FIRST.get(name, scenario)(ctx)
    error = caught.value
    assert (error.method, error.part, error.since) == (name, None, op.SINCE)
    assert error.server_version == ctx.release.version
    assert not ctx.sent.reached(op), ctx.sent.routes()
    assert await ctx.api.server_supports(name) is False


# -- one chat ----------------------------------------------------------------------------------


@covers("create_new", "get", "update", "delete")
async def one_chat(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    chat = await api.get(made.id)
    assert isinstance(chat, ChatResponse)
    assert set(chat.chat["history"]["messages"]) == {
        made.user_message_id,
        made.assistant_message_id,
    }
    renamed = await api.update(made.id, {"chat": {"title": f"Renamed {made.word}"}})
    assert renamed.title == f"Renamed {made.word}"
    again = await api.get(made.id)
    assert again.title == f"Renamed {made.word}"
    assert made.assistant_message_id in again.chat["history"]["messages"]
    assert await api.delete(made.id) is True
    with pytest.raises(AuthenticationError):
        await api.get(made.id)


@covers("get_list", "list_chats", "search")
async def listing(ctx: Ctx) -> None:
    api = ctx.fresh
    made = await create_chat(api)
    other = await create_chat(api, f"a message about {unique_word('c')}")
    assert ids(await api.get_list()) == {made.id, other.id}
    assert ids(await api.list_chats(page=1)) == {made.id, other.id}
    assert [chat.id for chat in await api.search(made.word)] == [made.id]
    assert await api.search(unique_word("nothing")) == []


@covers("get_tags", "add_tag", "delete_tag", "get_all_tags", "get_by_tags")
async def tags(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    name = f"Tag {made.word}"
    assert [tag.name for tag in await api.add_tag(made.id, {"name": name})] == [name]
    assert [tag.name for tag in await api.get_tags(made.id)] == [name]
    assert name.lower().replace(" ", "_") in {tag.id for tag in await api.get_all_tags()}
    assert ids(await api.get_by_tags({"name": name})) == {made.id}
    assert await api.delete_tag(made.id, {"name": name}) == []
    assert await api.get_tags(made.id) == []
    assert await api.get_by_tags({"name": name}) == []


@covers("pin", "get_pinned", "get_pinned_status")
async def pins(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    assert await api.get_pinned_status(made.id) is False
    assert (await api.pin(made.id)).pinned is True
    assert await api.get_pinned_status(made.id) is True
    assert made.id in ids(await api.get_pinned())
    assert (await api.pin(made.id)).pinned is False
    assert made.id not in ids(await api.get_pinned())


@covers("archive", "get_all_archived", "get_archived_list")
async def archiving(ctx: Ctx) -> None:
    api = ctx.fresh
    made = await create_chat(api)
    assert (await api.archive(made.id)).archived is True
    assert ids(await api.get_all_archived()) == {made.id}
    assert ids(await api.get_archived_list(query=made.word)) == {made.id}
    assert await api.get_list() == []
    assert (await api.archive(made.id)).archived is False
    assert await api.get_all_archived() == []


@covers("get_archived_count")
async def archived_count(ctx: Ctx) -> None:
    api = ctx.fresh
    made = await create_chat(api)
    await api.archive(made.id)
    assert await api.get_archived_count() == 1


@covers("archive_all", "unarchive_all")
async def archive_everything(ctx: Ctx) -> None:
    api = ctx.fresh
    made = {(await create_chat(api)).id for _ in range(2)}
    assert await api.archive_all() is True
    assert ids(await api.get_all_archived()) == made
    assert await api.unarchive_all() is True
    assert ids(await api.get_list()) == made


@covers("update_folder", "get_by_folder_id", "get_list_by_folder_id")
async def folders(ctx: Ctx) -> None:
    api, folder = ctx.api, ctx.seed.folder_id
    made = await create_chat(api)
    assert (await api.update_folder(made.id, {"folder_id": folder})).folder_id == folder
    assert made.id in ids(await api.get_by_folder_id(folder))
    listed = {item.id: item for item in await api.get_list_by_folder_id(folder)}
    assert listed[made.id].title == made.title
    assert (await api.update_folder(made.id, {"folder_id": None})).folder_id is None
    assert made.id not in ids(await api.get_list_by_folder_id(folder))


@covers("clone")
async def cloning(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    copy = await api.clone(made.id, {"title": f"Copy {made.word}"})
    assert copy.id != made.id and copy.title == f"Copy {made.word}"
    assert made.assistant_message_id in copy.chat["history"]["messages"]


@covers("fork")
async def forking(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    forked = await api.fork(made.id, {"message_id": made.user_message_id})
    assert forked.id != made.id
    assert set(forked.chat["history"]["messages"]) == {made.user_message_id}


@covers("import_chats")
async def importing(ctx: Ctx) -> None:
    api = ctx.fresh
    word = unique_word()
    body, _, answer_id = chat_body(f"imported {word}", title=f"Imported {word}")
    [chat] = await api.import_chats(
        {"chats": [{"chat": body, "pinned": True, "created_at": 1_600_000_000}]}
    )
    stored = await api.get(chat.id)
    assert (stored.title, stored.pinned, stored.created_at) == (
        f"Imported {word}",
        True,
        1_600_000_000,
    )
    assert answer_id in stored.chat["history"]["messages"]


@covers("update_params")
async def params(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    assert await api.update_params(made.id, {"temperature": 0.25}) == {"temperature": 0.25}
    assert (await api.get(made.id)).chat["params"] == {"temperature": 0.25}


@covers("mark_unread")
async def unread(ctx: Ctx) -> None:
    api = ctx.fresh
    made = await create_chat(api)
    assert (await api.mark_unread(made.id)).last_read_at == 0
    assert {chat.id: chat.last_read_at for chat in await api.get_list()}[made.id] == 0


@covers("mark_all_read")
async def all_read(ctx: Ctx) -> None:
    api = ctx.fresh
    await create_chat(api)
    answer = await api.mark_all_read()
    assert answer.updated_count >= 0
    assert all(chat.last_read_at for chat in await api.get_list())


@covers("get_config", "set_config")
async def config(ctx: Ctx) -> None:
    api = ctx.api
    original = await api.get_config()
    flipped = not original.enable_context_compaction
    try:
        changed = await api.set_config({**original.to_dict(), "ENABLE_CONTEXT_COMPACTION": flipped})
        assert changed.enable_context_compaction is flipped
        assert (await api.get_config()).enable_context_compaction is flipped
    finally:
        await api.set_config(original)
    assert (await api.get_config()).to_dict() == original.to_dict()


async def set_config_alone(ctx: Ctx) -> None:
    form = {
        "ENABLE_CONTEXT_COMPACTION": False,
        "CONTEXT_COMPACTION_PROMPT_TEMPLATE": "{{MESSAGES}}",
    }
    await ctx.api.set_config(form)


async def compact_alone(ctx: Ctx) -> None:
    await ctx.api.compact((await create_chat(ctx.api)).id)


REFUSED_FIRST.update(set_config=set_config_alone, compact=compact_alone)


@covers("compact")
async def compaction(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    original = await api.get_config()
    try:
        await api.set_config({**original.to_dict(), "ENABLE_CONTEXT_COMPACTION": False})
        answer = await api.compact(made.id)
        assert (answer.ok, answer.compacted) == (True, False)
    finally:
        await api.set_config(original)


# -- messages and statistics ---------------------------------------------------------------


@covers("update_message")
async def message_update(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    await api.update_message(made.id, made.assistant_message_id, {"content": "a better answer"})
    stored = (await api.get(made.id)).chat["history"]["messages"]
    assert stored[made.assistant_message_id]["content"] == "a better answer"


@covers("delete_message")
async def message_delete(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    await api.delete_message(made.id, made.assistant_message_id)
    assert set((await api.get(made.id)).chat["history"]["messages"]) == {made.user_message_id}


@covers("send_message_event")
async def message_event(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    status = {"description": "searching", "done": False}
    event = {"type": "status", "data": status}
    assert await api.send_message_event(made.id, made.assistant_message_id, event) is True
    message = (await api.get(made.id)).chat["history"]["messages"][made.assistant_message_id]
    assert message["statusHistory"] == [status]


@covers("get_chat_usage_stats")
async def usage_stats(ctx: Ctx) -> None:
    api = ctx.fresh
    made = {(await create_chat(api)).id for _ in range(2)}
    stats = await api.get_chat_usage_stats()
    assert stats.total == 2
    assert ids(stats.items) == made


@covers("export_chat_stats", "export_single_chat_stats")
async def stats_exports(ctx: Ctx) -> None:
    api = ctx.fresh
    made = await create_chat(api)
    page = await api.export_chat_stats()
    assert (page.total, ids(page.items)) == (1, {made.id})
    assert ids(await api.collect(await api.iter_chat_stats_export())) == {made.id}
    single = await api.export_single_chat_stats(made.id)
    assert single.id == made.id and single.stats.message_count == 2


# -- all of a user's chats -----------------------------------------------------------------


@covers("iter_all")
async def all_chats(ctx: Ctx) -> None:
    api = ctx.fresh
    made = {(await create_chat(api)).id for _ in range(2)}
    assert ids(await api.collect(await api.iter_all())) == made
    assert ids(await api.get_all()) == made


@covers("get_all_db")
async def all_db(ctx: Ctx) -> None:
    theirs = await create_chat(ctx.fresh)
    everything = {chat.id: chat for chat in await ctx.api.get_all_db()}
    assert everything[theirs.id].user_id == ctx.user.id


@covers("get_user_list")
async def user_list(ctx: Ctx) -> None:
    made = await create_chat(ctx.fresh)
    assert ids(await ctx.api.get_user_list(ctx.user.id)) == {made.id}


@covers("delete_all")
async def delete_everything(ctx: Ctx) -> None:
    api = ctx.fresh
    for _ in range(2):
        await create_chat(api)
    assert await api.delete_all() is True
    assert await api.get_all() == []


# -- sharing -------------------------------------------------------------------------------


@covers("share", "get_shared", "get_shared_list", "delete_shared", "clone_shared")
async def sharing(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api)
    share_id = (await api.share(made.id)).share_id
    assert share_id
    assert (await api.get_shared(share_id)).title == made.title
    assert made.id in {item.chat_id for item in await api.get_shared_list()}
    copy = await api.clone_shared(share_id)
    assert copy.id not in (made.id, share_id)
    assert await api.delete_shared(made.id) is True
    with pytest.raises(AuthenticationError):
        await api.get_shared(share_id)


@covers("get_shared_chat_access", "update_shared_chat_access")
async def share_access(ctx: Ctx) -> None:
    api, seed = ctx.api, ctx.seed
    made = await create_chat(api)
    await api.share(made.id)
    grant = {"principal_type": "user", "principal_id": seed.user_id, "permission": "read"}
    await api.update_shared_chat_access(made.id, {"access_grants": [grant]})
    grants = await api.get_shared_chat_access(made.id)
    assert [(g.principal_id, g.permission) for g in grants] == [(seed.user_id, "read")]


@covers("unshare_all")
async def unsharing(ctx: Ctx) -> None:
    api = ctx.fresh
    made = await create_chat(api)
    await api.share(made.id)
    assert await api.unshare_all() is True
    assert await api.get_shared_list() == []


# -- completions and tasks -----------------------------------------------------------------


def form(**extra: Any) -> dict[str, Any]:
    return {"model": "echo", "messages": [{"role": "user", "content": QUESTION}], **extra}


@covers("chat_completion", "chat_completion_api")
async def completions(ctx: Ctx) -> None:
    for method in ("chat_completion", "chat_completion_api"):
        answer = await getattr(ctx.api, method)(form())
        assert answer.choices[0].message.content == ANSWER
        chunks = await ctx.api.collect(await getattr(ctx.api, method)(form(), stream=True))
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text == ANSWER


@covers("list_tasks", "stop_tasks")
async def tasks(ctx: Ctx) -> None:
    api = ctx.api
    made = await create_chat(api, QUESTION)
    # slowecho takes 0.4 s a word: 40 words keep the task running for about 16 s, so that a
    # loaded machine still lists it before it ends (it is stopped long before).
    started = await api.chat_completion(
        {**form(session_id=f"s-{uuid.uuid4()}", chat_id=made.id, id=str(uuid.uuid4()))}
        | {"model": "slowecho", "messages": [{"role": "user", "content": " ".join(["word"] * 40)}]},
        background=True,
    )
    assert isinstance(started, ChatCompletionTaskResponse)
    running = await poll(lambda: api.list_tasks(made.id), until=lambda t: bool(t.task_ids))
    assert running.task_ids == started.task_ids
    assert (await api.stop_tasks(made.id)).status is True
    after = await poll(lambda: api.list_tasks(made.id), until=lambda t: not t.task_ids)
    assert after.task_ids == []


@covers("chat_completed")
async def completed(ctx: Ctx) -> None:
    made = await create_chat(ctx.api, QUESTION)
    done = await ctx.api.chat_completed(
        {
            "model": "echo",
            "messages": [
                {"id": made.user_message_id, "role": "user", "content": QUESTION},
                {"id": made.assistant_message_id, "role": "assistant", "content": ANSWER},
            ],
            "chat_id": made.id,
            "id": made.assistant_message_id,
            "session_id": f"s-{uuid.uuid4()}",
        }
    )
    assert [m.content for m in done.messages] == [QUESTION, f"{ANSWER} [filtered]"]


@covers("chat_action")
async def action(ctx: Ctx) -> None:
    made = await create_chat(ctx.api, QUESTION)
    answer = await ctx.api.chat_action(
        ctx.seed.action_id,
        {
            "model": "echo",
            "messages": [{"role": "user", "content": QUESTION}],
            "chat_id": made.id,
            "id": made.assistant_message_id,
            "session_id": f"s-{uuid.uuid4()}",
        },
    )
    assert answer == {"action": "echoaction", "model": "echo", "messages": 1}


@covers("resolve_tool_call")
async def tool_call(ctx: Ctx) -> None:
    made = await create_chat(ctx.api)
    with pytest.raises(NotFoundError):
        await ctx.api.resolve_tool_call(
            made.id, made.assistant_message_id, {"call_id": "call-x", "action": "approve"}
        )
