"""A chat's message tree, as the Open WebUI web page stores it. Nothing here does I/O.

A stored chat keeps its messages twice: ``history`` (``{"messages": {id: message},
"currentId": id}``, a tree linked by ``parentId`` and ``childrenIds``) and ``messages`` (the
linear list from the root to ``currentId``, which older pages read). `MessageTree` builds and
extends both the way the page does, and repairs the links the server leaves broken after a
completion.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

Message = dict[str, Any]


class MessageTree:
    """The ``history`` of a chat: messages by id, linked both ways, and the current leaf.

    The tree keeps its own copies of the messages it is given (each message's dict and
    ``childrenIds`` list; nested values such as ``files`` are shared), and hands out copies.

    Invariants (see `problems`): every link is mutual (``m.parentId == p`` exactly when ``m.id``
    is in ``p.childrenIds``), ``currentId`` is a leaf, ids are unique and match their keys, and
    the linear list (`path`) runs from a root to ``currentId``.
    """

    def __init__(
        self, messages: Mapping[str, Mapping[str, Any]] | None = None, current_id: str | None = None
    ) -> None:
        self.messages: dict[str, Message] = {
            key: _copy(value) for key, value in (messages or {}).items()
        }
        self.current_id = current_id

    # -- reading and writing chats -------------------------------------------------------------

    @classmethod
    def from_chat(cls, chat: Mapping[str, Any] | None) -> MessageTree:
        """The tree of a chat payload (a `ChatResponse`'s ``chat``); from its linear
        ``messages`` list when it has no ``history``."""
        chat = chat or {}
        history = chat.get("history")
        if isinstance(history, Mapping) and isinstance(history.get("messages"), Mapping):
            messages = {
                str(key): value
                for key, value in history["messages"].items()
                if isinstance(value, Mapping)
            }
            current = history.get("currentId")
            return cls(messages, current if isinstance(current, str) else None)
        tree = cls()
        parent: str | None = None
        for item in chat.get("messages") or []:
            if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
                continue
            message = _copy(item)
            message["parentId"] = parent
            message["childrenIds"] = []
            tree.messages[message["id"]] = message
            if parent is not None:
                tree.messages[parent]["childrenIds"].append(message["id"])
            parent = message["id"]
        tree.current_id = parent
        return tree

    def history(self) -> dict[str, Any]:
        """``{"messages": ..., "currentId": ...}``, a copy ready to send."""
        return {
            "messages": {key: _copy(value) for key, value in self.messages.items()},
            "currentId": self.current_id,
        }

    def linear(self) -> list[Message]:
        """The linear ``messages`` list: copies of the messages from the root to ``currentId``."""
        return [_copy(message) for message in self.path()]

    def chat_fields(self) -> dict[str, Any]:
        """The ``history`` and ``messages`` fields of a chat payload."""
        return {"history": self.history(), "messages": self.linear()}

    # -- navigation ----------------------------------------------------------------------------

    def path(self, leaf_id: str | None = None) -> list[Message]:
        """The messages from the root down to ``leaf_id`` (default ``currentId``)."""
        node = leaf_id if leaf_id is not None else self.current_id
        path: list[Message] = []
        seen: set[str] = set()
        while node is not None and node in self.messages and node not in seen:
            seen.add(node)
            message = self.messages[node]
            path.append(message)
            parent = message.get("parentId")
            node = parent if isinstance(parent, str) else None
        path.reverse()
        return path

    def last_leaf(self, message_id: str) -> str:
        """The leaf reached from ``message_id`` by always taking the last child (as the page
        does when it shows a message)."""
        node = message_id
        seen = {node}
        while True:
            children = [c for c in self._children(node) if c in self.messages and c not in seen]
            if not children:
                return node
            node = children[-1]
            seen.add(node)

    # -- building ------------------------------------------------------------------------------

    def add_user(
        self,
        content: str,
        *,
        models: Iterable[str],
        parent_id: str | _Current | None = None,
        message_id: str | None = None,
        timestamp: int | None = None,
    ) -> Message:
        """Add a user message under ``parent_id`` (``None``: a new root; ``CURRENT``: under
        ``currentId``) and make it current. Returns the stored message."""
        parent = self.current_id if isinstance(parent_id, _Current) else parent_id
        message: Message = {
            "id": message_id or str(uuid.uuid4()),
            "parentId": parent,
            "childrenIds": [],
            "role": "user",
            "content": content,
            "timestamp": int(time.time()) if timestamp is None else timestamp,
            "models": list(models),
        }
        return self._attach(message)

    def add_assistant(
        self,
        parent_id: str,
        *,
        model: str,
        model_name: str | None = None,
        content: str = "",
        done: bool | None = None,
        message_id: str | None = None,
        timestamp: int | None = None,
    ) -> Message:
        """Add an assistant message answering ``parent_id`` and make it current.

        A placeholder (the default) has empty content and no ``done`` flag: the server sets
        ``done: true`` when the answer is stored. A second answer to the same question is a
        branch: it becomes the parent's last child and the current message.
        """
        if parent_id not in self.messages:
            raise ValueError(f"no message {parent_id!r} to answer")
        message: Message = {
            "id": message_id or str(uuid.uuid4()),
            "parentId": parent_id,
            "childrenIds": [],
            "role": "assistant",
            "content": content,
            "model": model,
            "modelName": model_name or model,
            "modelIdx": 0,
            "timestamp": int(time.time()) if timestamp is None else timestamp,
        }
        if done is not None:
            message["done"] = done
        return self._attach(message)

    def _attach(self, message: Message) -> Message:
        message_id = message["id"]
        if not isinstance(message_id, str) or not message_id:
            raise ValueError("a message id must be a non-empty string")
        if message_id in self.messages:
            raise ValueError(f"message id {message_id!r} is already in the tree")
        parent = message["parentId"]
        if parent is not None and parent not in self.messages:
            raise ValueError(f"no parent message {parent!r}")
        self.messages[message_id] = message
        if parent is not None:
            self.messages[parent].setdefault("childrenIds", []).append(message_id)
        self.current_id = message_id
        return message

    # -- checking and repairing ----------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every broken invariant, in words (empty when the tree is sound)."""
        found: list[str] = []
        for key, message in self.messages.items():
            if message.get("id") != key:
                found.append(f"message under key {key!r} has id {message.get('id')!r}")
            parent = message.get("parentId")
            if parent is not None:
                if parent not in self.messages:
                    found.append(f"{key}: parent {parent!r} is missing")
                elif key not in self._children(parent):
                    found.append(f"{key}: parent {parent} does not list it as a child")
            children = self._children(key)
            if len(set(children)) != len(children):
                found.append(f"{key}: childrenIds has duplicates")
            for child in children:
                if child not in self.messages:
                    found.append(f"{key}: child {child!r} is missing")
                elif self.messages[child].get("parentId") != key:
                    found.append(f"{key}: child {child} names another parent")
        if self.messages:
            if self.current_id not in self.messages:
                found.append(f"currentId {self.current_id!r} is not a message")
            else:
                if self._children(self.current_id):
                    found.append(f"currentId {self.current_id} is not a leaf")
                path = self.path()
                if not path or path[0].get("parentId") is not None:
                    found.append("the path to currentId does not start at a root")
        elif self.current_id is not None:
            found.append(f"currentId {self.current_id!r} in an empty tree")
        return found

    def validate(self) -> None:
        """Raise ``ValueError`` naming every broken invariant."""
        found = self.problems()
        if found:
            raise ValueError("message tree is inconsistent: " + "; ".join(found))

    def repair(self, current_id: str | None = None) -> bool:
        """Restore mutual links and a leaf ``currentId``; returns whether anything changed.

        A message whose ``parentId`` is missing or null but which a parent lists among its
        children gets that parent back (the server stores answers so); children lists are then
        rebuilt from the parent links, keeping their order. ``currentId`` becomes
        ``current_id`` when given, and then descends to the last leaf under it.
        """
        if self._links_sound():  # the usual case: only currentId may need to move
            target = current_id if current_id in self.messages else self.current_id
            if target not in self.messages:
                target = self._latest_leaf()
            leaf = self.last_leaf(target) if target is not None else None
            if leaf is None or (
                not self._children(leaf) and self.path(leaf)[0].get("parentId") is None
            ):
                changed = leaf != self.current_id
                self.current_id = leaf
                return changed
        before = self._links()
        claimed: dict[str, str] = {}
        for key in self.messages:
            for child in self._children(key):
                if child in self.messages and child != key:
                    claimed.setdefault(child, key)
        for key, message in self.messages.items():
            parent = message.get("parentId")
            if parent is None or parent not in self.messages or parent == key:
                message["parentId"] = claimed.get(key)
        self._break_cycles()
        by_parent: dict[str, list[str]] = {}
        for key, message in self.messages.items():
            parent = message.get("parentId")
            if isinstance(parent, str):
                by_parent.setdefault(parent, []).append(key)
        for key, message in self.messages.items():
            kept = [
                c
                for c in dict.fromkeys(self._children(key))
                if c in self.messages and self.messages[c].get("parentId") == key
            ]
            listed = set(kept)
            kept.extend(c for c in by_parent.get(key, ()) if c not in listed)
            message["childrenIds"] = kept
        target = current_id if current_id in self.messages else self.current_id
        if target not in self.messages:
            target = self._latest_leaf()
        self.current_id = self.last_leaf(target) if target is not None else None
        return self._links() != before

    def _links_sound(self) -> bool:
        """Whether every link is mutual, no children list repeats an id and parents exist."""
        messages = self.messages
        for key, message in messages.items():
            parent = message.get("parentId")
            if parent is not None:
                parent_message = messages.get(parent)
                if parent_message is None or key not in (parent_message.get("childrenIds") or ()):
                    return False
            children = message.get("childrenIds")
            if not isinstance(children, list) or len(set(children)) != len(children):
                return False
            for child in children:
                child_message = messages.get(child)
                if child_message is None or child_message.get("parentId") != key:
                    return False
        return True

    def _links(self) -> tuple[dict[str, tuple[Any, Any]], str | None]:
        links = {}
        for key, message in self.messages.items():
            children = message.get("childrenIds")
            links[key] = (
                message.get("parentId"),
                tuple(children) if isinstance(children, list) else children,
            )
        return links, self.current_id

    def _break_cycles(self) -> None:
        """Cut the parent link that closes a cycle (one walk up from each message, shared)."""
        sound: set[str] = set()  # messages whose ancestry ends at a root
        for start in self.messages:
            walk: list[str] = []
            on_walk: set[str] = set()
            node: Any = start
            while isinstance(node, str) and node in self.messages and node not in sound:
                if node in on_walk:
                    self.messages[walk[-1]]["parentId"] = None
                    break
                walk.append(node)
                on_walk.add(node)
                node = self.messages[node].get("parentId")
            sound.update(walk)

    def _latest_leaf(self) -> str | None:
        leaves = [key for key in self.messages if not self._children(key)]
        if not leaves:
            return None
        return max(leaves, key=lambda k: _number(self.messages[k].get("timestamp")))

    def _children(self, message_id: str) -> list[str]:
        children = self.messages.get(message_id, {}).get("childrenIds")
        return [c for c in children if isinstance(c, str)] if isinstance(children, list) else []


class _Current:
    """Marks "under the current message" for `MessageTree.add_user`."""

    def __repr__(self) -> str:
        return "CURRENT"


CURRENT = _Current()


def _copy(message: Mapping[str, Any]) -> Message:
    """A copy of a message that the tree may change: its own dict and ``childrenIds`` list
    (other nested values, never changed here, are shared)."""
    copied = dict(message)
    children = copied.get("childrenIds")
    if isinstance(children, list):
        copied["childrenIds"] = list(children)
    return copied


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else 0.0
