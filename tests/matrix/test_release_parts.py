"""Every query parameter and body field that came later than its operation (``LATER`` of the
generated modules), on the session server's release, through both clients.

Where the release has it, a value other than the spec's default takes effect. Where it lacks it,
that value is refused before the route is reached, and a call that leaves it at the default
reaches the route without it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from live.livekit import Api, chat_body, create_chat, ids, unique_word
from matrix.conftest import Context, Release, Sent

from owui_chats_client import UnsupportedByServerError
from owui_chats_client._generated.api import chats as ops
from owui_chats_client._releases import present

# A part's scenario gets the context and whether to pass its non-default value; when it passes
# it and the release has the part, the scenario asserts the effect.
PartScenario = Callable[["PartCtx", bool], Awaitable[None]]
PARTS: dict[tuple[str, str], PartScenario] = {}
#: Other later parts a scenario passes with the one under test (refused first, maybe).
ALSO: dict[tuple[str, str], set[str]] = {}
LATER = [
    (name, part.label().split(" ")[-1], part)
    for name in ops.OPERATIONS
    for part in getattr(ops, name).LATER
]


class PartCtx(Context):
    """A `Context` with the part under test and whether the release has it."""

    def __init__(
        self,
        api: Api,
        release: Release,
        sent: Sent,
        request: pytest.FixtureRequest,
        label: str,
        since: str,
    ) -> None:
        super().__init__(api, release, sent, request)
        self.label = label
        self.has = release.has(since)

    def new_folder(self) -> str:
        """A folder of the test's own user."""
        made = httpx.post(
            f"{self.release.seed.base_url}/api/v1/folders/",
            json={"name": unique_word("folder")},
            headers={"Authorization": f"Bearer {self.user.token}"},
            timeout=30,
        )
        made.raise_for_status()
        return str(made.json()["id"])


def part(name: str, *labels: str) -> Callable[[PartScenario], PartScenario]:
    def register(scenario: PartScenario) -> PartScenario:
        for label in labels:
            PARTS[(name, label)] = scenario
        return scenario

    return register


def test_every_later_part_has_a_scenario() -> None:
    assert set(PARTS) == {(name, label) for name, label, _ in LATER}


@pytest.mark.parametrize(("name", "label", "later"), LATER, ids=[f"{n}:{p}" for n, p, _ in LATER])
async def test_later_part(
    name: str,
    label: str,
    later: Any,
    rapi: Api,
    release: Release,
    sent: Sent,
    request: pytest.FixtureRequest,
) -> None:
    op = getattr(ops, name)
    if not release.has(op.SINCE):
        return  # the whole operation is refused: test_release_operations.py
    ctx = PartCtx(rapi, release, sent, request, label, later.since)
    scenario = PARTS[(name, label)]
    assert await rapi.server_supports(name, label) is ctx.has
    if ctx.has:
        await scenario(ctx, True)
        return
    with pytest.raises(UnsupportedByServerError) as caught:
        await scenario(ctx, True)
    refused = caught.value
    allowed = {later.label()} | {
        p.label() for p in op.LATER if p.label().split(" ")[-1] in ALSO.get((name, label), ())
    }
    assert (refused.method, refused.part in allowed) == (name, True), refused
    assert refused.since == later.since
    assert not sent.reached(op), sent.routes()

    await scenario(ctx, False)  # at the default: sent, without the part
    requests = sent.to(op)
    assert requests, sent.routes()
    for request in requests:
        if later.where == "query":
            assert later.path[0] not in request.url.params
        else:
            assert not request.content or not present(json.loads(request.content), later.path)


# -- sorting -------------------------------------------------------------------------------


async def _sorted(ctx: PartCtx, give: bool, method: str, *args: Any) -> None:
    """Three chats, sorted by title (in the default direction, descending) or oldest first:
    ``updated_at`` ascending (named as well for the folder list, whose default order,
    ``unread_updated_at``, has no direction)."""
    api = ctx.fresh
    word = unique_word()
    folder = args[0] if args else None
    chats = [
        {"chat": chat_body(title=f"{letter} {word}")[0], "folder_id": folder, "updated_at": at}
        for letter, at in (("b", 1_700_000_300), ("c", 1_700_000_100), ("a", 1_700_000_200))
    ]
    made = {chat.id for chat in await api.import_chats({"chats": chats})}
    if ctx.label == "sort_by":
        asked, expected = {"sort_by": "title"}, "cba"
    else:
        asked, expected = {"sort_dir": "asc"}, "cab"
        if folder is not None:
            asked["sort_by"] = "updated_at"
    listed = await getattr(api, method)(*args, **(asked if give else {}))
    titles = [item.title for item in listed if item.id in made]
    assert len(titles) == 3
    if give:
        assert titles == [f"{x} {word}" for x in expected]


@part("get_list", "sort_by", "sort_dir")
async def list_sorted(ctx: PartCtx, give: bool) -> None:
    await _sorted(ctx, give, "get_list")


@part("list_chats", "sort_by", "sort_dir")
async def list_chats_sorted(ctx: PartCtx, give: bool) -> None:
    await _sorted(ctx, give, "list_chats")


ALSO[("get_list_by_folder_id", "sort_dir")] = {"sort_by"}


@part("get_list_by_folder_id", "sort_by", "sort_dir")
async def folder_sorted(ctx: PartCtx, give: bool) -> None:
    folder = ctx.new_folder()
    await _sorted(ctx, give, "get_list_by_folder_id", folder)


# -- chat fields ---------------------------------------------------------------------------


@part("create_new", "variables")
async def new_with_variables(ctx: PartCtx, give: bool) -> None:
    body = chat_body()[0]
    made = await ctx.api.create_new(
        {"chat": body, **({"variables": {"city": "Lisbon"}} if give else {})}
    )
    if give:
        assert (await ctx.api.get(made.id)).variables == {"city": "Lisbon"}


@part("update", "variables")
async def update_variables(ctx: PartCtx, give: bool) -> None:
    made = await create_chat(ctx.api)
    form: dict[str, Any] = {"chat": {"title": made.title}}
    if give:
        form["variables"] = {"city": "Porto"}
    await ctx.api.update(made.id, form)
    if give:
        assert (await ctx.api.get(made.id)).variables == {"city": "Porto"}


@part("import_chats", "chats[].archived", "chats[].current_message_id", "chats[].variables")
async def import_later_fields(ctx: PartCtx, give: bool) -> None:
    body, _, answer_id = chat_body()
    item: dict[str, Any] = {"chat": body, "archived": False}  # the default: never refused
    values = {"archived": True, "current_message_id": answer_id, "variables": {"k": "v"}}
    field = ctx.label.removeprefix("chats[].")
    if give:
        item[field] = values[field]
    [chat] = await ctx.fresh.import_chats({"chats": [item]})
    if give:
        stored = await ctx.fresh.get(chat.id)
        assert getattr(stored, field) == values[field]
        if field == "archived":
            assert chat.id in ids(await ctx.fresh.get_all_archived())


@part("update_message", "voice")
async def message_voice(ctx: PartCtx, give: bool) -> None:
    made = await create_chat(ctx.api)
    form: dict[str, Any] = {"content": "spoken"}
    if give:
        form["voice"] = {"voice": "alloy", "duration": 1.5}
    await ctx.api.update_message(made.id, made.assistant_message_id, form)
    message = (await ctx.api.get(made.id)).chat["history"]["messages"][made.assistant_message_id]
    assert message["content"] == "spoken"
    if give:
        assert message["meta"]["voice"] == {"voice": "alloy", "duration": 1.5}


@part("share", "share_mode")
async def share_continue(ctx: PartCtx, give: bool) -> None:
    made = await create_chat(ctx.api)
    shared = await ctx.api.share(made.id, {"share_mode": "continue"} if give else None)
    if give:
        assert (await ctx.api.get_shared(shared.share_id)).chat.get("share_mode") == "continue"


@part("update_shared_chat_access", "share_mode")
async def access_continue(ctx: PartCtx, give: bool) -> None:
    made = await create_chat(ctx.api)
    shared = await ctx.api.share(made.id)
    form: dict[str, Any] = {"access_grants": []}
    if give:
        form["share_mode"] = "continue"
    await ctx.api.update_shared_chat_access(made.id, form)
    if give:
        assert (await ctx.api.get_shared(shared.share_id)).chat.get("share_mode") == "continue"


# -- configuration -------------------------------------------------------------------------

CONFIG_VALUES = {
    "CONTEXT_COMPACTION_MODEL": "echo",
    "CONTEXT_COMPACTION_RETENTION_PERCENTAGE": 40,
    "CONTEXT_COMPACTION_TOKEN_CAP": 4321,
    "ENABLE_TOOL_PERMISSIONS": True,
    "ENABLE_TOOL_SEARCH": True,
    "TOOL_SEARCH_ALWAYS_LOADED": ["web_search"],
    "TOOL_SEARCH_DEFER_BUILTIN_TOOLS": False,
    "TOOL_SEARCH_DEFER_THRESHOLD": 123,
}


@part("set_config", *CONFIG_VALUES)
async def config_field(ctx: PartCtx, give: bool) -> None:
    api = ctx.api
    original = await api.get_config()
    label = ctx.label
    form = original.to_dict()
    if give:
        form[label] = CONFIG_VALUES[label]
    changed = await api.set_config(form)  # refused here when the release lacks the field
    try:
        if give:
            assert changed.to_dict()[label] == CONFIG_VALUES[label]
            assert (await api.get_config()).to_dict()[label] == CONFIG_VALUES[label]
    finally:
        await api.set_config(original)
