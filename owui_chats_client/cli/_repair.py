"""Repairing a chat's message tree: what ``import`` does to every chat and ``doctor --fix`` to
the stored ones.

A chat whose tree is broken (``history.currentId`` naming no message, a child id that points
nowhere, a message whose parent is missing, a cycle) or whose answer was left unfinished
(``done: false``, no task writing it) is one the web page cannot open: it waits on it forever.
`MessageTree.repair` restores the links and a current leaf; an unfinished answer is marked
done, keeping what it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from owui_chats_client.lib._tree import MessageTree


def unfinished(tree: MessageTree) -> list[str]:
    """The answers of a tree left ``done: false``."""
    return [
        key
        for key, message in tree.messages.items()
        if message.get("role") == "assistant" and message.get("done") is False
    ]


def diagnose(chat: Any) -> tuple[list[str], list[str]]:
    """What is wrong with a chat payload's tree, in words (empty when it is sound), and the ids
    of its unfinished answers."""
    if not isinstance(chat, dict):
        return [], []
    tree = MessageTree.from_chat(chat)
    stuck = unfinished(tree)
    return [*tree.problems(), *(_unfinished_words(key) for key in stuck)], stuck


def _unfinished_words(key: str) -> str:
    return f"{key}: answer left unfinished (done: false)"


def repair(chat: dict[str, Any], *, finish: Iterable[str] | None = None) -> list[str]:
    """Repair a chat payload in place (its ``history`` and ``messages``); returns what was
    wrong, in words (empty: nothing changed). ``finish``: the unfinished answers to mark done
    (default all of them)."""
    tree = MessageTree.from_chat(chat)
    found = tree.problems()
    stuck = unfinished(tree) if finish is None else [k for k in finish if k in tree.messages]
    if not found and not stuck:
        return []
    if found:
        tree.repair()
    for key in stuck:
        tree.messages[key]["done"] = True
        found.append(_unfinished_words(key))
    chat.update(tree.chat_fields())
    return found
