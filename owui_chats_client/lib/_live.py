"""Live answers over Open WebUI's Socket.IO channel (``/ws/socket.io``).

A client that connects with ``auth={"token": <JWT>}`` joins the room ``user:<id>`` and receives
``events`` messages ``{"chat_id", "message_id", "data": {"type", "data"}}`` while a completion
runs. `Pieces` turns those of one answer into text pieces; this module holds what the sync and
async streams share, none of it I/O but the two event queues. The streams themselves are in
`_async_live_stream` (`AsyncMessageStream`) and `_live_stream` (`MessageStream`, written from it
by ``scripts/unasync.py``). Needs python-socketio (``pip install 'owui-chats-client[live]'``).
"""

from __future__ import annotations

import queue
import ssl
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._steps import ChatReply, ConversationError, TasksTimeoutError, Turn, output_text

if TYPE_CHECKING:
    import asyncio

SOCKET_PATH = "/ws/socket.io"
IDLE_CHECK = 1.0
"""Seconds without an event after which the chat's tasks are checked (the answer may be over)."""
CONNECT_TIMEOUT = 10.0
CONNECT_ATTEMPTS = 3
"""Tries of the Socket.IO connection (made before the answer is started, so safe to repeat)."""


def import_socketio() -> ModuleType:
    try:
        import socketio
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ImportError(
            "live answers need python-socketio: pip install 'owui-chats-client[live]'"
        ) from exc
    module: ModuleType = socketio
    return module


def socket_options(owner: object, kind: type) -> dict[str, Any]:
    """The TLS options of a Socket.IO client of ``kind`` (``socketio.Client`` or
    ``AsyncClient``): it verifies the server as the owner's HTTP pool does (the same CA)."""
    verify = getattr(owner, "_verify", True)
    if verify is False:
        return {"ssl_verify": False}
    if not isinstance(verify, ssl.SSLContext):
        return {}
    if kind.__name__ == "AsyncClient":  # aiohttp
        return {"websocket_extra_options": {"ssl": verify}}
    return {"websocket_extra_options": {"sslopt": {"context": verify}}}  # websocket-client


class Outcome:
    """Where a stream's loop leaves its `ChatReply`."""

    reply: ChatReply | None = None


class Pieces:
    """Turns the ``events`` of one answer into the text pieces it adds (no I/O).

    Deltas (``response.output_text.delta``, chunk deltas, ``message``) are pieces as they are;
    a full text (``content``, ``output``, the outlet filters' result, the stored answer) gives
    the part that extends what was already yielded. ``ended`` is set by the events that close
    an answer (``chat:active`` false, an error, a cancellation).
    """

    def __init__(self, chat_id: str, message_id: str) -> None:
        self.chat_id = chat_id
        self.message_id = message_id
        self.text = ""
        self.ended = False

    def feed(self, event: Any) -> list[str]:
        if not isinstance(event, Mapping):
            return []
        if event.get("chat_id") != self.chat_id or event.get("message_id") != self.message_id:
            return []
        data = event.get("data")
        if not isinstance(data, Mapping):
            return []
        kind = data.get("type")
        body = data.get("data")
        body = body if isinstance(body, Mapping) else {}
        pieces: list[str] = []

        def add(piece: str) -> None:
            if piece:
                self.text += piece
                pieces.append(piece)

        if kind == "response:completion":
            if body.get("type") == "response.output_text.delta":
                add(_text(body.get("delta")))
        elif kind == "chat:completion":
            for choice in body.get("choices") or []:
                delta = choice.get("delta") if isinstance(choice, Mapping) else None
                if isinstance(delta, Mapping):
                    add(_text(delta.get("content")))
            if isinstance(body.get("content"), str):
                add(self.extension(body["content"]))
            elif isinstance(body.get("output"), list):
                add(self.extension(output_text(body["output"])))
            if body.get("error"):
                self.ended = True
        elif kind == "message":
            add(_text(body.get("content")))
        elif kind == "chat:outlet":
            for message in body.get("messages") or []:
                if isinstance(message, Mapping) and message.get("id") == self.message_id:
                    add(self.extension(_text(message.get("content"))))
        elif kind in ("chat:message:error", "chat:tasks:cancel") or (
            kind == "chat:active" and body.get("active") is False
        ):
            self.ended = True
        return pieces

    def extension(self, full: str) -> str:
        """The part of ``full`` beyond the text yielded so far ("" when it does not extend it)."""
        if full.startswith(self.text) and len(full) > len(self.text):
            return full[len(self.text) :]
        return ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def connect_retry(exc: Exception, attempt: int) -> float | None:
    """Seconds to wait before connecting again, or None to give up: a refused token (the
    namespace refused) is not retried, nor the last attempt; a connection that did not come up
    (a busy or restarting instance, a dropped upgrade) is, after 0.5 s, then 1 s."""
    if attempt + 1 >= CONNECT_ATTEMPTS or "namespaces failed" in str(exc):
        return None
    return 0.5 * float(1 << attempt)


def connect_error(base_url: str, exc: Exception) -> ConversationError:
    return ConversationError(f"could not connect to {base_url}{SOCKET_PATH}: {exc}")


def expired(chat_id: str, running: list[str], timeout: float | None, turn: Turn) -> Exception:
    return TasksTimeoutError(chat_id, running, timeout or 0.0, turn.assistant_message_id)


#: What `next_event` and `async_next_event` answer when no event came in time.
NO_EVENT = object()


def event_queue() -> queue.Queue[Any]:
    return queue.Queue()


def async_event_queue() -> asyncio.Queue[Any]:
    import asyncio  # here: the sync stream never needs it

    return asyncio.Queue()


def next_event(events: queue.Queue[Any], wait: float) -> Any:
    """The next event, or `NO_EVENT` after ``wait`` seconds without one."""
    try:
        return events.get(timeout=wait)
    except queue.Empty:
        return NO_EVENT


async def async_next_event(events: asyncio.Queue[Any], wait: float) -> Any:
    """The next event, or `NO_EVENT` after ``wait`` seconds without one."""
    import asyncio

    try:
        return await asyncio.wait_for(events.get(), wait)
    except asyncio.TimeoutError:  # not yet the built-in TimeoutError on Python 3.10
        return NO_EVENT
