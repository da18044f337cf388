"""MessageTree: the invariants of a chat's history hold after every step, branches included,
and `repair` undoes what the server does to a stored answer."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from owui_chats_client import MessageTree
from owui_chats_client.lib._tree import CURRENT


def assert_sound(tree: MessageTree) -> None:
    """The invariants, checked here without the tree's own `problems`."""
    messages = tree.messages
    ids = [m["id"] for m in messages.values()]
    assert len(ids) == len(set(ids)), "ids are unique"
    for key, message in messages.items():
        assert message["id"] == key
        parent = message["parentId"]
        if parent is not None:
            assert key in messages[parent]["childrenIds"], "a parent lists its child"
        for child in message["childrenIds"]:
            assert messages[child]["parentId"] == key, "a child names its parent"
        assert len(message["childrenIds"]) == len(set(message["childrenIds"]))
    if not messages:
        assert tree.current_id is None
        return
    assert tree.current_id in messages
    assert messages[tree.current_id]["childrenIds"] == [], "currentId is a leaf"
    linear = tree.linear()
    assert linear[0]["parentId"] is None, "the list starts at a root"
    assert linear[-1]["id"] == tree.current_id, "and ends at currentId"
    for before, after in itertools.pairwise(linear):
        assert after["parentId"] == before["id"], "each entry is the next one's parent"
    assert tree.problems() == []


# One step of a conversation: ask (under the current message or under an earlier answer),
# answer the current question, or answer an earlier question again (a branch).
steps = st.lists(
    st.tuples(st.sampled_from(["ask", "answer", "branch", "ask_under"]), st.integers(0, 50)),
    max_size=30,
)


def play(plan: list[tuple[str, int]]) -> MessageTree:
    tree = MessageTree()
    for kind, pick in plan:
        users = [k for k, m in tree.messages.items() if m["role"] == "user"]
        answers = [k for k, m in tree.messages.items() if m["role"] == "assistant"]
        current = tree.messages.get(tree.current_id or "")
        if kind == "ask":
            tree.add_user(f"q{len(tree.messages)}", models=["m"], parent_id=CURRENT)
        elif kind == "ask_under" and answers:
            tree.add_user("again", models=["m"], parent_id=answers[pick % len(answers)])
        elif kind == "answer" and current is not None and current["role"] == "user":
            tree.add_assistant(current["id"], model="m", content="a", done=True)
        elif kind == "branch" and users:
            tree.add_assistant(users[pick % len(users)], model="m2", content="b", done=True)
        assert_sound(tree)
    return tree


@settings(max_examples=200, deadline=None)
@given(steps)
def test_invariants_hold_after_every_step(plan: list[tuple[str, int]]) -> None:
    play(plan)


@settings(max_examples=200, deadline=None)
@given(steps, st.data())
def test_repair_undoes_what_the_server_stores(plan: list[tuple[str, int]], data: Any) -> None:
    tree = play(plan)
    answers = [k for k, m in tree.messages.items() if m["role"] == "assistant"]
    if not answers:
        return
    sound = copy.deepcopy(tree.messages), tree.current_id
    broken = data.draw(st.sampled_from(answers))
    # What Open WebUI 0.12.4 leaves after a completion: the answer loses its parent and
    # children, while its question still lists it.
    children = tree.messages[broken]["childrenIds"]
    tree.messages[broken]["parentId"] = None
    tree.messages[broken]["childrenIds"] = []
    assert tree.problems() != [], "the question still lists the answer: a broken link"
    tree.repair(sound[1])
    for child in children:
        assert tree.messages[child]["parentId"] == broken
    assert_sound(tree)
    assert {k: m["parentId"] for k, m in tree.messages.items()} == {
        k: m["parentId"] for k, m in sound[0].items()
    }
    assert tree.current_id == sound[1]
    assert tree.repair(sound[1]) is False, "a sound tree is left as it is"


def test_a_branch_is_current_and_the_parent_keeps_both_answers() -> None:
    tree = MessageTree()
    question = tree.add_user("hi", models=["m"])
    first = tree.add_assistant(question["id"], model="m", content="one", done=True)
    second = tree.add_assistant(question["id"], model="m", content="two", done=True)
    assert tree.messages[question["id"]]["childrenIds"] == [first["id"], second["id"]]
    assert tree.current_id == second["id"]
    assert [m["content"] for m in tree.linear()] == ["hi", "two"]
    assert_sound(tree)


def test_messages_look_like_the_pages() -> None:
    tree = MessageTree()
    question = tree.add_user("hi", models=["echo"], timestamp=1)
    answer = tree.add_assistant(question["id"], model="echo", timestamp=2)
    assert question == {
        "id": question["id"],
        "parentId": None,
        "childrenIds": [answer["id"]],
        "role": "user",
        "content": "hi",
        "timestamp": 1,
        "models": ["echo"],
    }
    assert answer == {
        "id": answer["id"],
        "parentId": question["id"],
        "childrenIds": [],
        "role": "assistant",
        "content": "",
        "model": "echo",
        "modelName": "echo",
        "modelIdx": 0,
        "timestamp": 2,
    }
    assert "done" not in answer, "a placeholder has no done flag until the server sets it"
    fields = tree.chat_fields()
    assert fields["history"] == {"messages": tree.messages, "currentId": answer["id"]}
    assert fields["messages"] == [question, answer]
    fields["messages"][0]["content"] = "changed"
    assert tree.messages[question["id"]]["content"] == "hi", "chat_fields returns copies"


def test_from_chat_reads_history_or_the_linear_list() -> None:
    tree = MessageTree()
    question = tree.add_user("hi", models=["m"])
    tree.add_assistant(question["id"], model="m", content="yo", done=True)
    again = MessageTree.from_chat({"history": tree.history()})
    assert again.messages == tree.messages and again.current_id == tree.current_id
    linear_only = MessageTree.from_chat({"messages": tree.linear()})
    assert linear_only.messages == tree.messages
    assert linear_only.current_id == tree.current_id
    assert MessageTree.from_chat(None).messages == {}


def test_bad_additions_are_refused() -> None:
    tree = MessageTree()
    question = tree.add_user("hi", models=["m"], message_id="q")
    with pytest.raises(ValueError, match="already in the tree"):
        tree.add_user("again", models=["m"], message_id="q")
    with pytest.raises(ValueError, match="no message 'nope'"):
        tree.add_assistant("nope", model="m")
    with pytest.raises(ValueError, match="no parent message"):
        tree.add_user("x", models=["m"], parent_id="missing")
    assert list(tree.messages) == [question["id"]]


def test_validate_names_every_problem() -> None:
    tree = MessageTree(
        {
            "a": {"id": "a", "parentId": None, "childrenIds": ["b"], "role": "user"},
            "b": {"id": "b", "parentId": None, "childrenIds": [], "role": "assistant"},
        },
        "a",
    )
    with pytest.raises(ValueError) as caught:
        tree.validate()
    text = str(caught.value)
    assert "b names another parent" in text and "currentId a is not a leaf" in text
    assert tree.repair() is True
    tree.validate()
    assert tree.current_id == "b"


def test_repair_cuts_a_cycle_of_parents() -> None:
    tree = MessageTree(
        {
            "a": {"id": "a", "parentId": "b", "childrenIds": ["b"], "role": "user"},
            "b": {"id": "b", "parentId": "a", "childrenIds": ["a"], "role": "assistant"},
        },
        "b",
    )
    assert tree.problems() != []
    assert tree.repair() is True
    assert_sound(tree)
    assert [m["id"] for m in tree.linear()] in (["a", "b"], ["b", "a"])
