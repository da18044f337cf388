"""Bad input fails before any request is sent; odd ids stay one path segment."""

from __future__ import annotations

from typing import Any

import pytest
from owui_unit_support import CHAT, FakeServer, Harness, ok

from owui_chats_client.types import ChatForm, TagForm

BAD_IDS = ["", None, " ", "\t\n", ".", ".."]

# method name -> builds the call arguments with ``bad`` in one id position
ID_CALLS: dict[str, Any] = {
    "get": lambda bad: (bad,),
    "delete": lambda bad: (bad,),
    "update": lambda bad: (bad, {"chat": {}}),
    "update_params": lambda bad: (bad, {}),
    "update_message/id": lambda bad: (bad, "m1", {"content": "x"}),
    "update_message/message_id": lambda bad: ("c1", bad, {"content": "x"}),
    "delete_message/message_id": lambda bad: ("c1", bad),
    "send_message_event/message_id": lambda bad: ("c1", bad, {"type": "t", "data": {}}),
    "resolve_tool_call/id": lambda bad: (bad, "m1", {"call_id": "k", "action": "approve"}),
    "get_pinned_status": lambda bad: (bad,),
    "pin": lambda bad: (bad,),
    "fork": lambda bad: (bad,),
    "clone": lambda bad: (bad, {}),
    "clone_shared": lambda bad: (bad,),
    "compact": lambda bad: (bad,),
    "archive": lambda bad: (bad,),
    "share": lambda bad: (bad,),
    "delete_shared": lambda bad: (bad,),
    "update_shared_chat_access": lambda bad: (bad, {"access_grants": []}),
    "get_shared_chat_access": lambda bad: (bad,),
    "mark_unread": lambda bad: (bad,),
    "update_folder": lambda bad: (bad, {"folder_id": None}),
    "get_tags": lambda bad: (bad,),
    "add_tag": lambda bad: (bad, {"name": "t"}),
    "delete_tag": lambda bad: (bad, {"name": "t"}),
    "delete_all_tags": lambda bad: (bad,),
    "get_shared": lambda bad: (bad,),
    "get_user_list": lambda bad: (bad,),
    "get_by_folder_id": lambda bad: (bad,),
    "get_list_by_folder_id": lambda bad: (bad,),
    "export_single_chat_stats": lambda bad: (bad,),
    "list_tasks": lambda bad: (bad,),
    "stop_tasks": lambda bad: (bad,),
    "chat_action": lambda bad: (bad, {"model": "m", "messages": []}),
}


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
@pytest.mark.parametrize("target", list(ID_CALLS))
async def test_bad_ids_raise_value_error_without_a_request(
    harness: Harness, target: str, bad: Any
) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    method = getattr(client, target.split("/")[0])
    with pytest.raises(ValueError):
        await harness.call(method, *ID_CALLS[target](bad))
    assert server.calls == 0


@pytest.mark.parametrize("bad", [1, 2.5, b"c1", ["c1"], object()], ids=repr)
async def test_ids_of_the_wrong_type_raise_type_error(harness: Harness, bad: Any) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    with pytest.raises(TypeError, match="id"):
        await harness.call(client.get, bad)
    assert server.calls == 0


FORM_CALLS: dict[str, tuple[tuple[Any, ...], str]] = {
    # method -> (arguments before the form, expected model name)
    "create_new": ((), "ChatForm"),
    "import_chats": ((), "ChatsImportForm"),
    "set_config": ((), "ChatConfigForm"),
    "get_by_tags": ((), "TagFilterForm"),
    "update": (("c1",), "ChatForm"),
    "update_message": (("c1", "m1"), "MessageForm"),
    "send_message_event": (("c1", "m1"), "EventForm"),
    "resolve_tool_call": (("c1", "m1"), "ResolveToolCallForm"),
    "fork": (("c1",), "ForkForm"),
    "clone": (("c1",), "CloneForm"),
    "compact": (("c1",), "CompactChatForm"),
    "share": (("c1",), "ShareChatForm"),
    "update_shared_chat_access": (("c1",), "ChatAccessGrantsForm"),
    "update_folder": (("c1",), "ChatFolderIdForm"),
    "add_tag": (("c1",), "TagForm"),
    "delete_tag": (("c1",), "TagForm"),
    "chat_completion": ((), "ChatCompletionForm"),
    "chat_completion_api": ((), "ChatCompletionForm"),
    "chat_completed": ((), "ChatCompletedForm"),
    "chat_completed_api": ((), "ChatCompletedForm"),
    "chat_action": (("a1",), "ChatActionForm"),
}


@pytest.mark.parametrize("wrong", [42, "text", ["list"]], ids=["int", "str", "list"])
@pytest.mark.parametrize("name", list(FORM_CALLS))
async def test_wrong_form_type_raises_type_error_naming_the_model(
    harness: Harness, name: str, wrong: Any
) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    before, model_name = FORM_CALLS[name]
    with pytest.raises(TypeError, match=model_name):
        await harness.call(getattr(client, name), *before, wrong)
    assert server.calls == 0


async def test_form_of_another_model_is_a_type_error(harness: Harness) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    with pytest.raises(TypeError, match="ChatForm") as info:
        await harness.call(client.create_new, TagForm(name="t"))
    assert "TagForm" in str(info.value)
    with pytest.raises(TypeError, match="TagForm"):
        await harness.call(client.add_tag, "c1", ChatForm(chat={}))
    assert server.calls == 0


MISSING_FIELDS = [
    ("create_new", (), {"folder_id": "f"}, "chat"),
    ("import_chats", (), {}, "chats"),
    ("import_chats", (), {"chats": [{"pinned": True}]}, "chat"),
    ("set_config", (), {"ENABLE_CONTEXT_COMPACTION": True}, "CONTEXT_COMPACTION_PROMPT_TEMPLATE"),
    ("get_by_tags", (), {"skip": 1}, "name"),
    ("update", ("c1",), {"title": "x"}, "chat"),
    ("send_message_event", ("c1", "m1"), {"type": "status"}, "data"),
    ("resolve_tool_call", ("c1", "m1"), {"call_id": "k"}, "action"),
    ("update_shared_chat_access", ("c1",), {"share_mode": None}, "access_grants"),
    ("add_tag", ("c1",), {}, "name"),
    ("delete_tag", ("c1",), {"id": "x"}, "name"),
    ("chat_completion", (), {"model": "m"}, "messages"),
    ("chat_completed", (), {"messages": []}, "model"),
    ("chat_action", ("a1",), {"model": "m"}, "messages"),
]


@pytest.mark.parametrize(
    ("name", "before", "form", "field"),
    MISSING_FIELDS,
    ids=[f"{m[0]}-{m[3]}" for m in MISSING_FIELDS],
)
async def test_dict_missing_a_required_field_raises_value_error_naming_it(
    harness: Harness, name: str, before: tuple[Any, ...], form: dict[str, Any], field: str
) -> None:
    server = FakeServer(ok(CHAT))
    client = harness.client(server)
    with pytest.raises(ValueError, match=field):
        await harness.call(getattr(client, name), *before, form)
    assert server.calls == 0


async def test_non_dict_params_and_non_str_search_text(harness: Harness) -> None:
    server = FakeServer(ok({}))
    client = harness.client(server)
    with pytest.raises(TypeError):
        await harness.call(client.update_params, "c1", ["temperature"])
    with pytest.raises(TypeError):
        await harness.call(client.search, None)
    with pytest.raises(TypeError):
        await harness.call(client.search, 5)
    assert server.calls == 0


ODD_IDS = [
    ("a/b", "a%2Fb"),
    ("../x", "..%2Fx"),
    ("x?y=1", "x%3Fy%3D1"),
    ("a#b", "a%23b"),
    ("%2F", "%252F"),
    ("a b", "a%20b"),
    ("caf\u00e9/\u65e5\u672c", "caf%C3%A9%2F%E6%97%A5%E6%9C%AC"),
    ("...", "..."),
    ("a+b&c=d;e", "a%2Bb%26c%3Dd%3Be"),
]


@pytest.mark.parametrize(("raw", "encoded"), ODD_IDS, ids=[i for i, _ in ODD_IDS])
async def test_odd_ids_are_one_encoded_path_segment(
    harness: Harness, raw: str, encoded: str
) -> None:
    server = FakeServer(ok({**CHAT, "task_ids": []}))
    client = harness.client(server)

    await harness.call(client.get, raw)
    assert server.last.url.raw_path == f"/api/v1/chats/{encoded}".encode()
    assert server.last.url.query == b""

    await harness.call(client.update_message, raw, raw, {"content": "x"})
    assert server.last.url.raw_path == f"/api/v1/chats/{encoded}/messages/{encoded}".encode()

    await harness.call(client.list_tasks, raw)
    assert server.last.url.raw_path == f"/api/tasks/chat/{encoded}".encode()


async def test_search_text_is_encoded_as_a_query_value(harness: Harness) -> None:
    server = FakeServer(ok([]))
    client = harness.client(server)
    await harness.call(client.search, "a&b=c /?#")
    assert server.last.url.params["text"] == "a&b=c /?#"
    assert server.last.url.path == "/api/v1/chats/search"
