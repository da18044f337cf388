"""The steps of a conversation that are not I/O, shared by the sync and async clients:
checking input, building the tree and the request bodies, repairing what the server stores,
polling delays, the result and the errors.

`_conversations` (the clients' methods) imports this module when a conversation starts, so that
importing a client stays cheap.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .._exceptions import APIStatusError, OpenWebUIError
from .._parsing import path_param
from ._tree import CURRENT, MessageTree

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine

    from .._generated.models import (
        ChatCompletedResponse,
        ChatCompletionTaskResponse,
        ChatResponse,
        ChatTaskList,
        StopTasksResponse,
    )

log = logging.getLogger("owui_chats_client")

STOP_GRACE = 15.0
"""Seconds to wait for stopped tasks to end before the chat is repaired."""
FIRST_POLL_DELAY = 0.05
"""Seconds between polls of a chat's tasks at first..."""
FAST_POLLING = 0.5
"""...for this many seconds (most short answers end then), after which the delay grows..."""
POLL_GROWTH = 1.5
MAX_POLL_DELAY = 1.0
"""...by half each time, up to this."""
LOCKED_RETRIES = 3
"""Times a completion refused with SQLite's "database is locked" is sent again."""
DEFAULT_TITLE = "New Chat"
SESSION_PREFIX = "owui-chats-client-"


# -- errors and results ----------------------------------------------------------------------


class ConversationError(OpenWebUIError):
    """A conversation step could not be done (no model to answer with, a chat that vanished...)."""


class TasksTimeoutError(ConversationError):
    """The chat's tasks were still running when the timeout passed; they have been stopped.

    Attributes:
        chat_id: the chat.
        task_ids: the tasks that were still running.
        timeout: the timeout, in seconds.
        message_id: the assistant message that was being answered, when known.
    """

    def __init__(
        self,
        chat_id: str,
        task_ids: list[str],
        timeout: float,
        message_id: str | None = None,
    ) -> None:
        super().__init__(
            f"chat {chat_id}: tasks still running after {timeout:g}s: {', '.join(task_ids)} "
            "(stopped)"
        )
        self.chat_id = chat_id
        self.task_ids: list[str] = list(task_ids)
        self.timeout = timeout
        self.message_id = message_id


@dataclass(frozen=True)
class ChatReply:
    """The stored answer of `start_chat` / `send_message`.

    Attributes:
        chat_id: the chat.
        message_id: the assistant message that holds the answer.
        user_message_id: the question it answers.
        model: the model that answered.
        content: the stored answer, after the server's outlet filters.
        done: whether the server marked the answer finished.
        error: the server's ``error`` of the message (``{"content": ...}``), or ``None``.
        chat: the stored chat after the answer (tree repaired).
    """

    chat_id: str
    message_id: str
    user_message_id: str
    model: str
    content: str
    done: bool
    error: Any
    chat: ChatResponse = field(repr=False)

    @property
    def title(self) -> str:
        """The chat's title (the server's, when it generated one)."""
        return str(self.chat.title)

    @property
    def tree(self) -> MessageTree:
        """The chat's message tree."""
        return MessageTree.from_chat(chat_payload(self.chat))


# -- input checks (before any request) ---------------------------------------------------------


def check_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value


def check_optional_text(value: object, name: str) -> str | None:
    return None if value is None else check_text(value, name)


def check_params(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"params must be a dict, got {type(value).__name__}")
    return dict(value)


def check_flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")
    return value


def check_timeout(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"timeout must be a number of seconds or None, got {type(value).__name__}")
    if not value > 0:
        raise ValueError(f"timeout must be > 0 seconds, got {value!r}")
    return float(value)


def check_chat_id(value: object) -> str:
    return path_param(value, "chat_id")


# -- one question and its answer ----------------------------------------------------------------


@dataclass
class Turn:
    """A question, its answer's placeholder and the requests around them (no I/O)."""

    model: str
    tree: MessageTree
    user_message_id: str
    assistant_message_id: str
    system: str | None
    params: dict[str, Any]
    title: str
    generate_title: bool
    generate_tags: bool

    def new_chat_form(self) -> dict[str, Any]:
        """The body of ``POST /api/v1/chats/new``: the chat as the page creates it."""
        chat: dict[str, Any] = {
            "title": self.title,
            "models": [self.model],
            "params": self.params,
            "tags": [],
            "timestamp": int(time.time() * 1000),
            **self.tree.chat_fields(),
        }
        return {"chat": chat}

    def chat_update_form(self) -> dict[str, Any]:
        """The body of ``POST /api/v1/chats/{id}`` that adds the question and the placeholder."""
        return {"chat": {"models": [self.model], "params": self.params, **self.tree.chat_fields()}}

    def completion_form(self, chat_id: str, session_id: str | None = None) -> dict[str, Any]:
        """The body of ``POST /api/chat/completions`` that the page sends for this answer."""
        messages: list[dict[str, Any]] = []
        if self.system:
            messages.append({"role": "system", "content": self.system})
        for message in self.tree.path(self.user_message_id):
            content = message.get("content")
            if message.get("role") == "user" or (isinstance(content, str) and content.strip()):
                messages.append(
                    {"role": message.get("role"), "content": content, "id": message.get("id")}
                )
        return {
            "model": self.model,
            "stream": True,
            "messages": messages,
            "params": self.params,
            "chat_id": chat_id,
            "id": self.assistant_message_id,
            "session_id": session_id or f"{SESSION_PREFIX}{uuid.uuid4().hex}",
            "background_tasks": {
                "title_generation": self.generate_title,
                "tags_generation": self.generate_tags,
                "follow_up_generation": False,
            },
        }


def new_turn(
    model: object,
    content: object,
    *,
    system: object = None,
    params: object = None,
    title: object = None,
    generate_title: object = False,
    generate_tags: object = False,
) -> Turn:
    """The first turn of a new chat (checks every argument)."""
    model = check_text(model, "model")
    content = check_text(content, "content")
    system = check_optional_text(system, "system")
    chat_params = check_params(params) or {}
    if system is not None:
        chat_params["system"] = system
    tree = MessageTree()
    user = tree.add_user(content, models=[model], parent_id=None)
    answer = tree.add_assistant(user["id"], model=model)
    return Turn(
        model=model,
        tree=tree,
        user_message_id=user["id"],
        assistant_message_id=answer["id"],
        system=system,
        params=chat_params,
        title=check_optional_text(title, "title") or DEFAULT_TITLE,
        generate_title=check_flag(generate_title, "generate_title"),
        generate_tags=check_flag(generate_tags, "generate_tags"),
    )


@dataclass(frozen=True)
class NextTurnInput:
    """The checked arguments of `send_message`, kept until the chat has been read."""

    content: str
    model: str | None
    system: str | None
    params: dict[str, Any] | None
    generate_title: bool
    generate_tags: bool


def next_turn_input(
    content: object,
    *,
    model: object = None,
    system: object = None,
    params: object = None,
    generate_title: object = False,
    generate_tags: object = False,
) -> NextTurnInput:
    return NextTurnInput(
        content=check_text(content, "content"),
        model=check_optional_text(model, "model"),
        system=check_optional_text(system, "system"),
        params=check_params(params),
        generate_title=check_flag(generate_title, "generate_title"),
        generate_tags=check_flag(generate_tags, "generate_tags"),
    )


def next_turn(chat: ChatResponse, given: NextTurnInput) -> Turn:
    """The next turn of a stored chat, from its ``currentId``; the model defaults to the chat's."""
    payload = chat_payload(chat)
    tree = MessageTree.from_chat(payload)
    tree.repair()
    model = given.model or chat_model(payload, tree)
    if model is None:
        raise ConversationError(f"chat {chat.id} names no model; pass model=")
    stored_params = payload.get("params")
    chat_params = dict(stored_params) if isinstance(stored_params, dict) else {}
    if given.params:
        chat_params.update(given.params)
    if given.system is not None:
        chat_params["system"] = given.system
    system = chat_params.get("system") or payload.get("system")
    user = tree.add_user(given.content, models=[model], parent_id=CURRENT)
    answer = tree.add_assistant(user["id"], model=model)
    return Turn(
        model=model,
        tree=tree,
        user_message_id=user["id"],
        assistant_message_id=answer["id"],
        system=system if isinstance(system, str) and system else None,
        params=chat_params,
        title=str(chat.title),
        generate_title=given.generate_title,
        generate_tags=given.generate_tags,
    )


def chat_model(payload: Mapping[str, Any], tree: MessageTree) -> str | None:
    """The chat's model: its first ``models`` entry, else the model of its current answer."""
    models = payload.get("models")
    if isinstance(models, list):
        for model in models:
            if isinstance(model, str) and model:
                return model
    for message in reversed(tree.path()):
        model = message.get("model")
        if isinstance(model, str) and model:
            return model
    return None


# -- after the answer ---------------------------------------------------------------------------


def chat_payload(chat: ChatResponse) -> dict[str, Any]:
    payload = chat.chat
    return payload if isinstance(payload, dict) else {}


def require_chat(chat: ChatResponse | None, chat_id: str) -> ChatResponse:
    if chat is None:
        raise ConversationError(f"chat {chat_id}: the server answered null (not read or written)")
    return chat


def repair_plan(
    chat: ChatResponse, current_id: str | None
) -> tuple[list[str], dict[str, Any] | None]:
    """How to repair a stored chat once no task runs: the answers to delete first, and the
    ``POST /api/v1/chats/{id}`` body to send (``None`` when the chat is sound).

    The server stores an answer with ``parentId: null`` and ``childrenIds: []`` and leaves the
    linear ``messages`` list as it was; the body restores the links and rebuilds the list. An
    answer whose task was stopped before it wrote anything stays ``done: false``, and the server
    keeps such a message as it is on every update; it is deleted first and written back
    finished (the page marks a stopped answer done too).
    """
    payload = chat_payload(chat)
    tree = MessageTree.from_chat(payload)
    changed = tree.repair(current_id)
    stuck = [  # only leaves: deleting a message deletes its replies
        key
        for key, message in tree.messages.items()
        if message.get("role") == "assistant"
        and message.get("done") is False
        and not message["childrenIds"]
    ]
    for key in stuck:
        tree.messages[key]["done"] = True
    linear = tree.linear()
    if not stuck and not changed and payload.get("messages") == linear:
        return [], None
    return stuck, {"chat": {"history": tree.history(), "messages": linear}}


def output_text(output: object) -> str:
    """The text of an answer's ``output`` items, as the server reads it (``get_output_text``)."""
    texts = []
    for item in output if isinstance(output, list) else ():
        if not isinstance(item, Mapping) or item.get("type") != "message":
            continue
        parts = item.get("content")
        text = "".join(
            str(part["text"])
            for part in (parts if isinstance(parts, list) else ())
            if isinstance(part, Mapping) and part.get("text") is not None
        )
        if text and not text.isspace():
            texts.append(text)
    return "\n".join(texts)


def unfiltered_answer(chat: ChatResponse, message_id: str) -> str | None:
    """The answer's text when the server ran its outlet filters over an empty ``content``.

    Open WebUI 0.10 (see `_specials`) stores a streamed answer in its ``output`` items only and
    runs the outlet filters over ``content``, still empty then: ``content`` is left empty, or
    holds what the filters made of nothing (``originalContent`` is ``""``). Returns the text of
    the ``output`` items in that case, None when ``content`` is the answer.
    """
    history = chat_payload(chat).get("history")
    messages = history.get("messages") if isinstance(history, Mapping) else None
    message = messages.get(message_id) if isinstance(messages, Mapping) else None
    if not isinstance(message, Mapping):
        return None
    text = output_text(message.get("output"))
    if not text or (message.get("content") and message.get("originalContent") != ""):
        return None
    return text


def outlet_form(chat: ChatResponse, turn: Turn, chat_id: str, text: str) -> dict[str, Any]:
    """The body of ``POST /api/chat/completed`` that runs the outlet filters over ``text``, the
    answer, with the question path that leads to it (as the server runs them since 0.11)."""
    tree = MessageTree.from_chat(chat_payload(chat))
    # the stored answer has no parentId yet (see `repair_plan`): its question leads to it
    path = [*tree.path(turn.user_message_id), tree.messages[turn.assistant_message_id]]
    return {
        "model": turn.model,
        "messages": [
            {
                "id": message["id"],
                "role": message.get("role"),
                "content": message.get("content", ""),
                "timestamp": message.get("timestamp"),
            }
            for message in path[:-1]
        ]
        + [{"id": turn.assistant_message_id, "role": "assistant", "content": text}],
        "chat_id": chat_id,
        "id": turn.assistant_message_id,
        "session_id": f"{SESSION_PREFIX}{uuid.uuid4().hex}",
    }


def filtered_content(answer: ChatCompletedResponse, message_id: str, text: str) -> str:
    """The answer's content after the outlet filters (``text`` when they did not return it)."""
    for message in answer.messages:
        if message.id == message_id and isinstance(message.content, str):
            return message.content
    return text


def set_answer(chat: ChatResponse, message_id: str, text: str, content: str) -> None:
    """Store ``content`` as the answer, and the text before the filters as ``originalContent``
    when they changed it (what the server stores since 0.11)."""
    history = chat_payload(chat).get("history")
    messages = history.get("messages") if isinstance(history, dict) else None
    message = messages.get(message_id) if isinstance(messages, dict) else None
    if isinstance(message, dict):
        message["content"] = content
        if content != text:
            message["originalContent"] = text
        else:
            message.pop("originalContent", None)


def make_reply(turn: Turn, chat_id: str, chat: ChatResponse) -> ChatReply:
    history = chat_payload(chat).get("history")
    messages = history.get("messages") if isinstance(history, Mapping) else None
    message = messages.get(turn.assistant_message_id) if isinstance(messages, Mapping) else None
    if not isinstance(message, Mapping):
        raise ConversationError(
            f"chat {chat_id}: the answer {turn.assistant_message_id} is not in the stored chat"
        )
    content = message.get("content")
    return ChatReply(
        chat_id=chat_id,
        message_id=turn.assistant_message_id,
        user_message_id=turn.user_message_id,
        model=str(message.get("model") or turn.model),
        content=content if isinstance(content, str) else "",
        done=message.get("done") is True,
        error=message.get("error"),
        chat=chat,
    )


def locked_retry_delay(exc: BaseException, attempt: int) -> float | None:
    """Seconds to wait before sending a refused completion again, or None to give up.

    With its default SQLite database, Open WebUI answers a write that meets another one still
    in progress (an earlier answer's background work) with ``database is locked``, before the
    completion has started a task; sending it again once that write is over is safe.
    """
    if attempt >= LOCKED_RETRIES or not isinstance(exc, APIStatusError):
        return None
    if "database is locked" not in str(exc.detail):
        return None
    return 0.25 * 2.0**attempt


def stored_message(chat: ChatResponse, message_id: str) -> Mapping[str, Any] | None:
    history = chat_payload(chat).get("history")
    messages = history.get("messages") if isinstance(history, Mapping) else None
    message = messages.get(message_id) if isinstance(messages, Mapping) else None
    return message if isinstance(message, Mapping) else None


UNSHARED_TASKS = (
    "chat %s: its answer is not finished while the server lists no task for it: the server's "
    "instances do not share their tasks (Open WebUI without REDIS_URL); the answer is read "
    "from the stored chat instead"
)


class AnswerWatch:
    """Decides from the stored answer, not from the task list alone, that the server is done
    with an answer.

    The instances of a deployment that shares no task registry (Open WebUI without
    ``REDIS_URL``) each list only their own tasks, so a poll may reach one that does not run
    the answer and list nothing while it is still being written. An answer is finished once no
    task is listed and it is marked ``done``. Once it has been seen unfinished with no task
    listed (the tasks are not shared), it must also be the same in two such polls in a row, so
    that what the server writes after marking it done (the outlet filters' edit) is in.
    `stopped` confirms a stop the same way: the chat the same in two polls that list no task.
    """

    def __init__(self, chat_id: str, message_id: str | None, task_ids: list[str]) -> None:
        self.chat_id = chat_id
        self.message_id = message_id
        self.task_ids = list(task_ids)
        self.unshared = False
        self._last: Any = None

    def running(self, task_ids: list[str]) -> None:
        """A poll listed these tasks: the server is not done."""
        self.task_ids = list(task_ids)
        self._last = None

    def _snapshot(self, chat: ChatResponse) -> Any:
        if self.message_id is None:
            return chat_payload(chat).get("history")
        return stored_message(chat, self.message_id)

    def _same_twice(self, chat: ChatResponse) -> bool:
        snapshot = self._snapshot(chat)
        same = self._last is not None and snapshot == self._last
        self._last = snapshot if snapshot is not None else {}
        return same

    def _unfinished(self, chat: ChatResponse) -> bool:
        if self.message_id is not None:
            message = stored_message(chat, self.message_id)
            return message is None or message.get("done") is not True
        history = chat_payload(chat).get("history")
        messages = history.get("messages") if isinstance(history, Mapping) else None
        return any(
            isinstance(m, Mapping) and m.get("role") == "assistant" and m.get("done") is False
            for m in (messages.values() if isinstance(messages, Mapping) else ())
        )

    def finished(self, chat: ChatResponse) -> bool:
        """After a poll that listed no task: whether the stored answer (without a message id:
        every answer of the chat) is final."""
        if self._unfinished(chat):
            if not self.unshared:
                log.warning(UNSHARED_TASKS, self.chat_id)
            self.unshared = True
            self._last = None
            return False
        return not self.unshared or self._same_twice(chat)

    def stopped(self, chat: ChatResponse) -> bool:
        """After a stop and a poll that listed no task: whether nothing writes the chat any
        more (it is the same as at the last such poll)."""
        return self._same_twice(chat)


class Backoff:
    """Polling delays within an optional deadline: every 50 ms for the first half second, then
    half as long again each time, up to 1 s."""

    def __init__(self, timeout: float | None) -> None:
        self.started = time.monotonic()
        self.deadline = None if timeout is None else self.started + timeout
        self.delay = FIRST_POLL_DELAY

    def next_delay(self) -> float | None:
        """Seconds to sleep before the next poll, or None once the deadline has passed."""
        now = time.monotonic()
        if now - self.started >= FAST_POLLING:
            self.delay = min(self.delay * POLL_GROWTH, MAX_POLL_DELAY)
        if self.deadline is None:
            return self.delay
        remaining = self.deadline - now
        return None if remaining <= 0 else min(self.delay, remaining)

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(self.deadline - time.monotonic(), 0.001)


# -- the clients' view ---------------------------------------------------------------------------


class Chats(Protocol):
    """The methods of `ChatsClient` that conversations use."""

    def create_new(self, form_data: Any) -> ChatResponse | None: ...
    def get(self, id: str) -> ChatResponse | None: ...
    def update(self, id: str, form_data: Any) -> ChatResponse | None: ...
    def chat_completion(
        self, form_data: Any, *, background: Literal[True]
    ) -> ChatCompletionTaskResponse: ...
    def list_tasks(self, chat_id: str) -> ChatTaskList: ...
    def stop_tasks(self, chat_id: str) -> StopTasksResponse: ...
    def delete_message(self, id: str, message_id: str) -> ChatResponse | None: ...
    def chat_completed(self, form_data: Any) -> ChatCompletedResponse: ...


class AsyncChats(Protocol):
    """The methods of `AsyncChatsClient` that conversations use."""

    def create_new(self, form_data: Any) -> Awaitable[ChatResponse | None]: ...
    def get(self, id: str) -> Awaitable[ChatResponse | None]: ...
    def update(self, id: str, form_data: Any) -> Awaitable[ChatResponse | None]: ...
    def chat_completion(
        self, form_data: Any, *, background: Literal[True]
    ) -> Awaitable[ChatCompletionTaskResponse]: ...
    def list_tasks(self, chat_id: str) -> Awaitable[ChatTaskList]: ...
    def stop_tasks(self, chat_id: str) -> Awaitable[StopTasksResponse]: ...
    def delete_message(self, id: str, message_id: str) -> Awaitable[ChatResponse | None]: ...
    def chat_completed(self, form_data: Any) -> Awaitable[ChatCompletedResponse]: ...


def plain(client: object) -> Any:
    """The client itself, or for a ``with_raw_response`` client a plain copy sharing its pool."""
    if getattr(client, "_raw", False):
        clone = client.with_options()  # type: ignore[attr-defined]
        clone._raw = False
        return clone
    return client


def socket_token(client: object, given: str | Callable[[], str] | None) -> str:
    """The token for the Socket.IO channel: ``given``, else the client's own credential.

    Open WebUI 0.12.4 accepts only a JWT there (an ``sk-`` API key connects but joins no room,
    so no event ever arrives): checked before any request.
    """
    token: object = given if given is not None else getattr(client, "_api_key", None)
    if callable(token):
        token = token()
    if not isinstance(token, str) or not token.strip():
        raise ValueError(
            "live answers need a JWT for Open WebUI's Socket.IO channel: make the client with "
            "one (POST /api/v1/auths/signin) or pass socket_token="
        )
    if token.startswith("sk-"):
        raise ValueError(
            "live answers need a JWT: Open WebUI does not accept sk- API keys on its Socket.IO "
            "channel; pass socket_token=<JWT from POST /api/v1/auths/signin>"
        )
    return token


async def shielded(work: Coroutine[Any, Any, None]) -> None:
    """Run clean-up to its end even when the waiting task is cancelled again meanwhile."""
    import asyncio

    task = asyncio.ensure_future(work)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait([task])
