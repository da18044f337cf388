"""Every public method of both clients: the request it sends and the value it returns."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from owui_unit_support import (
    AGGREGATE,
    API_KEY,
    CHAT,
    COMPLETION,
    COMPLETION_FORM,
    CONFIG,
    NO_BODY,
    STATS_EXPORT,
    TAG_A,
    TAG_B,
    TITLE,
    USAGE_ITEM,
    FakeServer,
    Harness,
    Reply,
    body_of,
    ndjson,
    ok,
)

from owui_chats_client import APIResponseValidationError, AsyncChatsClient, ChatsClient
from owui_chats_client.types import (
    UNSET,
    AccessGrant,
    ChatCompletedResponse,
    ChatCompletionResponse,
    ChatConfigForm,
    ChatResponse,
    ChatsReadResponse,
    ChatStatsExport,
    ChatStatsExportList,
    ChatTaskList,
    ChatTitleIdResponse,
    ChatUnreadResponse,
    ChatUsageStatsListResponse,
    CompactChatResponse,
    ResolveToolCallResponse,
    SharedChatResponse,
    StopTasksResponse,
    TagModel,
)

NOT_ENDPOINTS = {
    "server_version",  # tests/unit/test_releases.py
    "server_supports",
    "close",
    "aclose",
    "with_options",
    "with_raw_response",
    "timeout",
    "max_retries",
    "base_url",
    # conversation methods: several routes each (tests/unit/test_conversation_steps.py, tests/live)
    "start_chat",
    "send_message",
    "wait_for_tasks",
    "stream_chat",
    "stream_message",
}


@dataclass
class Exchange:
    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    body: Any = NO_BODY  # a value to compare, or a predicate over the decoded body
    reply: Reply = field(default_factory=lambda: ok(True))


@dataclass
class Case:
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    exchanges: list[Exchange]
    check: Callable[[Any], bool]
    streamed: bool = False  # the result is a stream: collect it before ``check``


def _is_chat(value: Any) -> bool:
    return isinstance(value, ChatResponse) and value.id == "c1" and value.title == "Hello"


def _is_chats(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 1 and _is_chat(value[0])


def _is_titles(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], ChatTitleIdResponse)
        and value[0].id == "c1"
    )


def _is_tags(value: Any) -> bool:
    return [type(t) for t in value] == [TagModel, TagModel] and [t.name for t in value] == [
        "a",
        "b",
    ]


def _has_local_chat_id(body: Any) -> bool:
    chat_id = body.get("chat_id", "")
    prefix = "local:api-"
    if not chat_id.startswith(prefix):
        return False
    parsed = uuid.UUID(chat_id[len(prefix) :])
    return (
        parsed.version == 4
        and body["model"] == "m"
        and body["messages"] == [{"role": "user", "content": "hi"}]
    )


CHAT_PATH = "/api/v1/chats/c1"
GRANT = {"id": "g1", "principal_type": "user", "principal_id": "u2", "permission": "read"}
COMPLETED_FORM = {"model": "m", "messages": [{"role": "assistant", "content": "x"}]}

CASES: list[Case] = [
    Case(
        "get_chat_usage_stats",
        (),
        {"items_per_page": 10, "page": 2},
        [
            Exchange(
                "GET",
                "/api/v1/chats/stats/usage",
                {"items_per_page": "10", "page": "2"},
                reply=ok({"items": [USAGE_ITEM], "total": 1}),
            )
        ],
        lambda r: isinstance(r, ChatUsageStatsListResponse) and r.total == 1,
    ),
    Case(
        "export_chat_stats",
        (),
        {"updated_at": 5, "page": 2},
        [
            Exchange(
                "GET",
                "/api/v1/chats/stats/export",
                {"updated_at": "5", "page": "2", "stream": "false"},
                reply=ok({"items": [STATS_EXPORT], "total": 1, "page": 2}),
            )
        ],
        lambda r: (
            isinstance(r, ChatStatsExportList)
            and r.page == 2
            and isinstance(r.items[0], ChatStatsExport)
        ),
    ),
    Case(
        "iter_chat_stats_export",
        (),
        {"updated_at": 5},
        [
            Exchange(
                "GET",
                "/api/v1/chats/stats/export",
                {"updated_at": "5", "page": "1", "stream": "true"},
                reply=ndjson(STATS_EXPORT, {**STATS_EXPORT, "id": "c2"}),
            )
        ],
        lambda r: [type(x) for x in r] == [ChatStatsExport] * 2 and r[1].id == "c2",
        streamed=True,
    ),
    Case(
        "export_single_chat_stats",
        ("c1",),
        {},
        [Exchange("GET", "/api/v1/chats/stats/export/c1", reply=ok(STATS_EXPORT))],
        lambda r: (
            isinstance(r, ChatStatsExport) and r.stats.message_count == AGGREGATE["message_count"]
        ),
    ),
    Case(
        "get_list",
        (),
        {"page": 2, "sort_by": "title", "sort_dir": "asc"},
        [
            Exchange(
                "GET",
                "/api/v1/chats/list",
                {
                    "page": "2",
                    "include_pinned": "false",
                    "include_folders": "false",
                    "sort_by": "title",
                    "sort_dir": "asc",
                },
                reply=ok([TITLE]),
            )
        ],
        _is_titles,
    ),
    Case(
        "list_chats",
        (1,),
        {"include_pinned": True},
        [
            Exchange(
                "GET",
                "/api/v1/chats/",
                {
                    "page": "1",
                    "include_pinned": "true",
                    "include_folders": "false",
                    "sort_by": "updated_at",
                    "sort_dir": "desc",
                },
                reply=ok([TITLE]),
            )
        ],
        _is_titles,
    ),
    Case(
        "delete_all",
        (),
        {},
        [Exchange("DELETE", "/api/v1/chats/", reply=ok(True))],
        lambda r: r is True,
    ),
    Case(
        "mark_all_read",
        (),
        {},
        [Exchange("POST", "/api/v1/chats/read", reply=ok({"updated_count": 3}))],
        lambda r: isinstance(r, ChatsReadResponse) and r.updated_count == 3,
    ),
    Case(
        "get_user_list",
        ("u1",),
        {"page": 1, "query": "q", "order_by": "title", "direction": "asc"},
        [
            Exchange(
                "GET",
                "/api/v1/chats/list/user/u1",
                {"page": "1", "query": "q", "order_by": "title", "direction": "asc"},
                reply=ok([TITLE]),
            )
        ],
        _is_titles,
    ),
    Case(
        "create_new",
        ({"chat": {"title": "Hello"}, "folder_id": None},),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/new",
                body={"chat": {"title": "Hello"}, "folder_id": None},
                reply=ok(CHAT),
            )
        ],
        _is_chat,
    ),
    Case(
        "import_chats",
        ({"chats": [{"chat": {"title": "a"}, "pinned": True, "created_at": 5}]},),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/import",
                body={"chats": [{"chat": {"title": "a"}, "pinned": True, "created_at": 5}]},
                reply=ok([CHAT]),
            )
        ],
        _is_chats,
    ),
    Case(
        "get_config",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/config", reply=ok(CONFIG))],
        lambda r: isinstance(r, ChatConfigForm) and r.enable_context_compaction is True,
    ),
    Case(
        "set_config",
        (CONFIG,),
        {},
        [Exchange("POST", "/api/v1/chats/config", body=CONFIG, reply=ok(CONFIG))],
        lambda r: (
            isinstance(r, ChatConfigForm)
            and r.context_compaction_prompt_template == CONFIG["CONTEXT_COMPACTION_PROMPT_TEMPLATE"]
        ),
    ),
    Case(
        "search",
        ("hello world",),
        {"page": 2},
        [
            Exchange(
                "GET",
                "/api/v1/chats/search",
                {"text": "hello world", "page": "2"},
                reply=ok([TITLE]),
            )
        ],
        _is_titles,
    ),
    Case(
        "get_by_folder_id",
        ("f1",),
        {},
        [Exchange("GET", "/api/v1/chats/folder/f1", reply=ok([CHAT]))],
        _is_chats,
    ),
    Case(
        "get_list_by_folder_id",
        ("f1",),
        {"page": 3},
        [
            Exchange(
                "GET",
                "/api/v1/chats/folder/f1/list",
                # sort_by/sort_dir not given: the spec's defaults
                {"page": "3", "sort_by": "unread_updated_at", "sort_dir": "desc"},
                reply=ok([TITLE, {k: v for k, v in TITLE.items() if k != "created_at"}]),
            )
        ],
        lambda r: (
            [type(i).__name__ for i in r] == ["FolderChatTitleIdResponse"] * 2
            and r[0].created_at == 1
            and r[1].created_at is UNSET
        ),
    ),
    Case(
        "get_pinned",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/pinned", reply=ok([TITLE]))],
        _is_titles,
    ),
    Case(
        "iter_all",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/all", reply=ndjson(CHAT, {**CHAT, "id": "c2"}))],
        lambda r: [c.id for c in r] == ["c1", "c2"] and all(isinstance(c, ChatResponse) for c in r),
        streamed=True,
    ),
    Case(
        "iter_all_db",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/all/db", reply=ok([CHAT, {**CHAT, "id": "c2"}]))],
        lambda r: [c.id for c in r] == ["c1", "c2"] and all(isinstance(c, ChatResponse) for c in r),
        streamed=True,
    ),
    Case(
        "get_all",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/all", reply=ndjson(CHAT, {**CHAT, "id": "c2"}))],
        lambda r: (
            isinstance(r, list)
            and [c.id for c in r] == ["c1", "c2"]
            and all(isinstance(c, ChatResponse) for c in r)
        ),
    ),
    Case(
        "get_all_archived",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/all/archived", reply=ok([CHAT]))],
        _is_chats,
    ),
    Case(
        "get_all_tags",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/all/tags", reply=ok([TAG_A, TAG_B]))],
        _is_tags,
    ),
    Case(
        "get_all_db",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/all/db", reply=ok([CHAT]))],
        _is_chats,
    ),
    Case(
        "get_archived_list",
        (),
        {"page": 1, "query": "q", "order_by": "updated_at", "direction": "desc"},
        [
            Exchange(
                "GET",
                "/api/v1/chats/archived",
                {"page": "1", "query": "q", "order_by": "updated_at", "direction": "desc"},
                reply=ok([TITLE]),
            )
        ],
        _is_titles,
    ),
    Case(
        "archive_all",
        (),
        {},
        [Exchange("POST", "/api/v1/chats/archive/all", reply=ok(True))],
        lambda r: r is True,
    ),
    Case(
        "unarchive_all",
        (),
        {},
        [Exchange("POST", "/api/v1/chats/unarchive/all", reply=ok(True))],
        lambda r: r is True,
    ),
    Case(
        "get_archived_count",
        (),
        {},
        [Exchange("GET", "/api/v1/chats/archived/count", reply=ok(7))],
        lambda r: r == 7 and type(r) is int,
    ),
    Case(
        "get_shared_list",
        (),
        {"page": 2},
        [
            Exchange(
                "GET",
                "/api/v1/chats/shared",
                {"page": "2"},
                reply=ok(
                    [
                        {
                            "id": "s1",
                            "chat_id": "c1",
                            "title": "Hello",
                            "share_id": "s1",
                            "updated_at": 2,
                            "created_at": 1,
                        }
                    ]
                ),
            )
        ],
        lambda r: isinstance(r[0], SharedChatResponse) and r[0].chat_id == "c1",
    ),
    Case(
        "get_shared",
        ("s1",),
        {},
        [Exchange("GET", "/api/v1/chats/share/s1", reply=ok(CHAT))],
        _is_chat,
    ),
    Case(
        "get_by_tags",
        ({"name": "a", "skip": 0, "limit": 10},),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/tags",
                body={"name": "a", "skip": 0, "limit": 10},
                reply=ok([TITLE]),
            )
        ],
        _is_titles,
    ),
    Case("get", ("c1",), {}, [Exchange("GET", CHAT_PATH, reply=ok(CHAT))], _is_chat),
    Case(
        "update",
        ("c1", {"chat": {"title": "New"}}),
        {},
        [Exchange("POST", CHAT_PATH, body={"chat": {"title": "New"}}, reply=ok(CHAT))],
        _is_chat,
    ),
    Case(
        "update_params",
        ("c1", {"temperature": 0.5}),
        {},
        [
            Exchange(
                "PATCH",
                "/api/v1/chats/c1/params",
                body={"temperature": 0.5},
                reply=ok({"temperature": 0.5}),
            )
        ],
        lambda r: r == {"temperature": 0.5},
    ),
    Case(
        "update_message",
        ("c1", "m1", {"content": "edited"}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/c1/messages/m1",
                body={"content": "edited"},
                reply=ok(CHAT),
            )
        ],
        _is_chat,
    ),
    Case(
        "delete_message",
        ("c1", "m1"),
        {},
        [Exchange("DELETE", "/api/v1/chats/c1/messages/m1", reply=ok(CHAT))],
        _is_chat,
    ),
    Case(
        "send_message_event",
        ("c1", "m1", {"type": "status", "data": {"description": "working"}}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/c1/messages/m1/event",
                body={"type": "status", "data": {"description": "working"}},
                reply=ok(True),
            )
        ],
        lambda r: r is True,
    ),
    Case(
        "resolve_tool_call",
        ("c1", "m1", {"call_id": "k1", "action": "approve"}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/c1/messages/m1/resolve",
                body={"call_id": "k1", "action": "approve"},
                reply=ok({"status": True, "chat_id": "c1", "message_id": "m1"}),
            )
        ],
        lambda r: isinstance(r, ResolveToolCallResponse) and r.message_id == "m1",
    ),
    Case(
        "delete",
        ("c1",),
        {},
        [Exchange("DELETE", CHAT_PATH, reply=ok(True))],
        lambda r: r is True,
    ),
    Case(
        "get_pinned_status",
        ("c1",),
        {},
        [Exchange("GET", "/api/v1/chats/c1/pinned", reply=ok(False))],
        lambda r: r is False,
    ),
    Case("pin", ("c1",), {}, [Exchange("POST", "/api/v1/chats/c1/pin", reply=ok(CHAT))], _is_chat),
    Case(
        "fork",
        ("c1", {"message_id": "m1"}),
        {},
        [Exchange("POST", "/api/v1/chats/c1/fork", body={"message_id": "m1"}, reply=ok(CHAT))],
        _is_chat,
    ),
    Case(
        "clone",
        ("c1", {"title": "Copy"}),
        {},
        [Exchange("POST", "/api/v1/chats/c1/clone", body={"title": "Copy"}, reply=ok(CHAT))],
        _is_chat,
    ),
    Case(
        "clone_shared",
        ("s1",),
        {},
        [Exchange("POST", "/api/v1/chats/s1/clone/shared", reply=ok(CHAT))],
        _is_chat,
    ),
    Case(
        "compact",
        ("c1", {"model": "m"}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/c1/compact",
                body={"model": "m"},
                reply=ok({"ok": True, "compacted": True, "dropped_messages": 4}),
            )
        ],
        lambda r: isinstance(r, CompactChatResponse) and r.compacted is True,
    ),
    Case(
        "archive",
        ("c1",),
        {},
        [Exchange("POST", "/api/v1/chats/c1/archive", reply=ok({**CHAT, "archived": True}))],
        lambda r: isinstance(r, ChatResponse) and r.archived is True,
    ),
    Case(
        "share",
        ("c1", {"share_mode": "continue"}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/c1/share",
                body={"share_mode": "continue"},
                reply=ok({**CHAT, "share_id": "s1"}),
            )
        ],
        lambda r: isinstance(r, ChatResponse) and r.share_id == "s1",
    ),
    Case(
        "delete_shared",
        ("c1",),
        {},
        [Exchange("DELETE", "/api/v1/chats/c1/share", reply=ok(True))],
        lambda r: r is True,
    ),
    Case(
        "unshare_all",
        (),
        {},
        [Exchange("DELETE", "/api/v1/chats/share/all", reply=ok(True))],
        lambda r: r is True,
    ),
    Case(
        "update_shared_chat_access",
        ("c1", {"access_grants": [GRANT]}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/shared/c1/access/update",
                body={"access_grants": [GRANT]},
                reply=ok(CHAT),
            )
        ],
        _is_chat,
    ),
    Case(
        "get_shared_chat_access",
        ("c1",),
        {},
        [Exchange("GET", "/api/v1/chats/shared/c1/access", reply=ok([GRANT]))],
        lambda r: isinstance(r[0], AccessGrant) and r[0].principal_id == "u2",
    ),
    Case(
        "mark_unread",
        ("c1",),
        {},
        [Exchange("POST", "/api/v1/chats/c1/unread", reply=ok({"chat_id": "c1"}))],
        lambda r: isinstance(r, ChatUnreadResponse) and r.chat_id == "c1",
    ),
    Case(
        "update_folder",
        ("c1", {"folder_id": "f1"}),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chats/c1/folder",
                body={"folder_id": "f1"},
                reply=ok({**CHAT, "folder_id": "f1"}),
            )
        ],
        lambda r: isinstance(r, ChatResponse) and r.folder_id == "f1",
    ),
    Case(
        "get_tags",
        ("c1",),
        {},
        [Exchange("GET", "/api/v1/chats/c1/tags", reply=ok([TAG_A, TAG_B]))],
        _is_tags,
    ),
    Case(
        "add_tag",
        ("c1", {"name": "b"}),
        {},
        [Exchange("POST", "/api/v1/chats/c1/tags", body={"name": "b"}, reply=ok([TAG_A, TAG_B]))],
        _is_tags,
    ),
    Case(
        "delete_tag",
        ("c1", {"name": "c"}),
        {},
        [Exchange("DELETE", "/api/v1/chats/c1/tags", body={"name": "c"}, reply=ok([TAG_A, TAG_B]))],
        _is_tags,
    ),
    Case(
        "delete_all_tags",
        ("c1",),
        {},
        [
            Exchange("GET", "/api/v1/chats/c1/tags", reply=ok([TAG_A, TAG_B])),
            Exchange("DELETE", "/api/v1/chats/c1/tags", body={"name": "a"}, reply=ok([TAG_B])),
            Exchange("DELETE", "/api/v1/chats/c1/tags", body={"name": "b"}, reply=ok([])),
        ],
        lambda r: r is True,
    ),
    Case(
        "list_tasks",
        ("c1",),
        {},
        [Exchange("GET", "/api/tasks/chat/c1", reply=ok({"task_ids": ["t1"]}))],
        lambda r: isinstance(r, ChatTaskList) and r.task_ids == ["t1"],
    ),
    Case(
        "stop_tasks",
        ("c1",),
        {},
        [Exchange("POST", "/api/tasks/chat/c1/stop", reply=ok({"status": True}))],
        lambda r: isinstance(r, StopTasksResponse) and r.status is True,
    ),
    Case(
        "chat_completion",
        (COMPLETION_FORM,),
        {},
        [
            Exchange(
                "POST",
                "/api/chat/completions",
                body=_has_local_chat_id,
                reply=ok(COMPLETION),
            )
        ],
        lambda r: (
            isinstance(r, ChatCompletionResponse) and r.choices[0].message.content == "hi there"
        ),
    ),
    Case(
        "chat_completion_api",
        (COMPLETION_FORM,),
        {},
        [
            Exchange(
                "POST",
                "/api/v1/chat/completions",
                body=_has_local_chat_id,
                reply=ok(COMPLETION),
            )
        ],
        lambda r: isinstance(r, ChatCompletionResponse) and r.id == "cmpl-1",
    ),
    Case(
        "chat_completed",
        (COMPLETED_FORM,),
        {},
        [
            Exchange(
                "POST",
                "/api/chat/completed",
                body=COMPLETED_FORM,
                reply=ok({**COMPLETED_FORM, "chat_id": "c1"}),
            )
        ],
        lambda r: isinstance(r, ChatCompletedResponse) and r.chat_id == "c1",
    ),
    Case(
        "chat_completed_api",
        (COMPLETED_FORM,),
        {},
        [
            Exchange(
                "POST",
                "/api/chat/completed",
                body=COMPLETED_FORM,
                reply=ok({**COMPLETED_FORM, "chat_id": "c1"}),
            )
        ],
        lambda r: isinstance(r, ChatCompletedResponse) and len(r.messages) == 1,
    ),
    Case(
        "chat_action",
        ("act1", {"model": "m", "messages": [], "chat_id": "c1"}),
        {},
        [
            Exchange(
                "POST",
                "/api/chat/actions/act1",
                body={"model": "m", "messages": [], "chat_id": "c1"},
                reply=ok({"anything": [1, 2]}),
            )
        ],
        lambda r: r == {"anything": [1, 2]},
    ),
]


def _titles(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [{**TITLE, "id": f"c{start + n}"} for n in range(count)]


def _paged(name: str, path: str, args: tuple[Any, ...], query: dict[str, str]) -> Case:
    """An auto-paging iterator: a full page (60), then a short one ends it."""
    shared = (
        {"chat_id": "c", "title": "T", "share_id": "s", "updated_at": 2, "created_at": 1}
        if name == "iter_shared_list"
        else None
    )

    def page(count: int, start: int) -> list[dict[str, Any]]:
        if shared:
            return [{**shared, "id": f"c{start + n}"} for n in range(count)]
        return _titles(count, start)

    return Case(
        name,
        args,
        {},
        [
            Exchange("GET", path, {**query, "page": "1"}, reply=ok(page(60, 0))),
            Exchange("GET", path, {**query, "page": "2"}, reply=ok(page(2, 60))),
        ],
        lambda r: [item.id for item in r] == [f"c{n}" for n in range(62)],
        streamed=True,
    )


LIST_DEFAULTS = {
    "include_pinned": "false",
    "include_folders": "false",
    "sort_by": "updated_at",
    "sort_dir": "desc",
}
CASES += [
    _paged("iter_list", "/api/v1/chats/list", (), LIST_DEFAULTS),
    _paged("iter_search", "/api/v1/chats/search", ("hi",), {"text": "hi"}),
    _paged("iter_archived_list", "/api/v1/chats/archived", (), {}),
    _paged("iter_user_list", "/api/v1/chats/list/user/u1", ("u1",), {}),
    _paged(
        "iter_list_by_folder_id",
        "/api/v1/chats/folder/f1/list",
        ("f1",),
        {"sort_by": "unread_updated_at", "sort_dir": "desc"},
    ),
    _paged("iter_shared_list", "/api/v1/chats/shared", (), {}),
]

CASES_BY_NAME = {case.name: case for case in CASES}


def public_methods(cls: type) -> set[str]:
    return {m for m in dir(cls) if not m.startswith("_")} - NOT_ENDPOINTS


def test_table_covers_every_public_method() -> None:
    assert len(CASES_BY_NAME) == len(CASES), "a method is listed twice"
    assert set(CASES_BY_NAME) == public_methods(ChatsClient)


def test_both_clients_offer_the_same_methods() -> None:
    assert public_methods(ChatsClient) == public_methods(AsyncChatsClient)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
async def test_method(harness: Harness, case: Case) -> None:
    server = FakeServer(*(e.reply for e in case.exchanges))
    client = harness.client(server)

    result = await harness.call(getattr(client, case.name), *case.args, **case.kwargs)
    if case.streamed:
        result = await harness.collect(result)

    assert case.check(result), f"unexpected result of {case.name}: {result!r}"
    assert server.calls == len(case.exchanges)
    for request, expected in zip(server.requests, case.exchanges, strict=True):
        assert request.method == expected.method
        assert request.url.path == expected.path
        assert "/api/api/" not in request.url.path
        assert request.url.host == "h"
        assert dict(request.url.params) == expected.query
        assert request.headers["authorization"] == f"Bearer {API_KEY}"
        body = body_of(request)
        if callable(expected.body):
            assert expected.body(body), f"unexpected body: {body!r}"
        else:
            assert body == expected.body


@pytest.mark.parametrize("name", ["get_list", "list_chats"], ids=["get_list", "list_chats"])
async def test_list_defaults_are_the_specs(harness: Harness, name: str) -> None:
    server = FakeServer(ok([TITLE]))
    client = harness.client(server)
    await harness.call(getattr(client, name))
    assert dict(server.last.url.params) == {
        "include_pinned": "false",
        "include_folders": "false",
        "sort_by": "updated_at",
        "sort_dir": "desc",
    }


async def test_optional_bodies_may_be_left_out(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    for name in ("fork", "share"):
        assert _is_chat(await harness.call(getattr(client, name), "c1"))
        assert server.last.method == "POST"
        assert body_of(server.last) is NO_BODY
    compacted = FakeServer(ok({"ok": True, "compacted": False, "reason": "short"}))
    client = harness.client(compacted)
    result = await harness.call(client.compact, "c1")
    assert isinstance(result, CompactChatResponse) and result.reason == "short"
    assert compacted.last.url.path == "/api/v1/chats/c1/compact"


@pytest.mark.parametrize("name", ["get", "get_shared", "pin", "archive"])
async def test_null_answers_become_none(harness: Harness, name: str) -> None:
    client = harness.client(FakeServer(ok(None)))
    assert await harness.call(getattr(client, name), "c1") is None


async def test_create_new_never_answers_null(harness: Harness) -> None:
    """The spec says so (the server answers 400 instead): null is a validation error."""
    client = harness.client(FakeServer(ok(None)))
    with pytest.raises(APIResponseValidationError, match="expected ChatResponse"):
        await harness.call(client.create_new, {"chat": {}})


async def test_delete_all_tags_without_tags_only_reads(harness: Harness) -> None:
    server = FakeServer(ok([]))
    client = harness.client(server)
    assert await harness.call(client.delete_all_tags, "c1") is True
    assert [(r.method, r.url.path) for r in server.requests] == [("GET", "/api/v1/chats/c1/tags")]


async def test_delete_all_tags_through_raw_response_still_returns_true(harness: Harness) -> None:
    server = FakeServer(ok([TAG_A]), ok([]))
    client = harness.client(server)
    assert await harness.call(client.with_raw_response.delete_all_tags, "c1") is True
    assert [r.method for r in server.requests] == ["GET", "DELETE"]


async def test_raw_response_client_pages_through_plain_items(harness: Harness) -> None:
    """The auto-paging iterators read pages for themselves, also on a raw-response client."""
    server = FakeServer(ok(_titles(60)), ok(_titles(1, 60)))
    raw = harness.client(server).with_raw_response
    items = await harness.collect(raw.iter_list())
    assert [item.id for item in items] == [f"c{n}" for n in range(61)]
    assert server.calls == 2
