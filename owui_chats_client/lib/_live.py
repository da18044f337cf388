"""Live answers over Open WebUI's Socket.IO channel (``/ws/socket.io``).

A client that connects with ``auth={"token": <JWT>}`` joins the room ``user:<id>`` and receives
``events`` messages ``{"chat_id", "message_id", "data": {"type", "data"}}`` while a completion
runs. `Pieces` turns those of one answer into text pieces (no I/O); `run_sync_stream` and
`run_async_stream` are the mirror-image I/O loops behind `MessageStream` and
`AsyncMessageStream`. Needs python-socketio (``pip install 'owui-chats-client[live]'``).
"""

from __future__ import annotations

import queue
from collections.abc import AsyncGenerator, Generator, Mapping
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any

from ._steps import (
    Backoff,
    ChatReply,
    ConversationError,
    NextTurnInput,
    TasksTimeoutError,
    Turn,
    next_turn,
    require_chat,
    shielded,
)

if TYPE_CHECKING:
    from ._conversations import AsyncConversationsMixin, ConversationsMixin
    from ._steps import AsyncChats, SyncChats

SOCKET_PATH = "/ws/socket.io"
IDLE_CHECK = 1.0
"""Seconds without an event after which the chat's tasks are checked (the answer may be over)."""
CONNECT_TIMEOUT = 10.0


def import_socketio() -> ModuleType:
    try:
        import socketio
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ImportError(
            "live answers need python-socketio: pip install 'owui-chats-client[live]'"
        ) from exc
    module: ModuleType = socketio
    return module


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


def output_text(output: list[Any]) -> str:
    """The text of an answer's ``output`` items (``output_text`` parts of ``message`` items)."""
    parts: list[str] = []
    for item in output:
        if isinstance(item, Mapping) and item.get("type") == "message":
            for part in item.get("content") or []:
                if isinstance(part, Mapping) and part.get("type") == "output_text":
                    parts.append(_text(part.get("text")))
    return "".join(parts)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _connect_error(base_url: str, exc: Exception) -> ConversationError:
    return ConversationError(f"could not connect to {base_url}{SOCKET_PATH}: {exc}")


def _expired(chat_id: str, running: list[str], timeout: float | None, turn: Turn) -> Exception:
    return TasksTimeoutError(chat_id, running, timeout or 0.0, turn.assistant_message_id)


# -- sync ------------------------------------------------------------------------------------


class MessageStream:
    """The text of an answer as it is produced: an iterator of ``str`` and a context manager.

    Nothing is sent before the first item is asked for. Leaving the ``with`` block or `close()`
    before the end stops the answer (``POST /api/tasks/chat/{chat_id}/stop``) and repairs the
    chat. ``reply`` is the stored `ChatReply` once the stream is exhausted.
    """

    def __init__(self, pieces: Generator[str, None, None], outcome: Outcome) -> None:
        self._pieces = pieces
        self._outcome = outcome

    def __iter__(self) -> MessageStream:
        return self

    def __next__(self) -> str:
        return next(self._pieces)

    @property
    def reply(self) -> ChatReply:
        """The stored answer (after the stream has been read to its end)."""
        if self._outcome.reply is None:
            raise ConversationError("the stream has not been read to its end")
        return self._outcome.reply

    def close(self) -> None:
        """Stop reading; an answer still running is stopped."""
        self._pieces.close()

    def __enter__(self) -> MessageStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def run_sync_stream(
    owner: ConversationsMixin,
    chats: SyncChats,
    base_url: str,
    chat_id: str | None,
    turn: Turn | None,
    given: NextTurnInput | None,
    timeout: float | None,
    token: str,
    outcome: Outcome,
) -> Generator[str, None, None]:
    socketio = import_socketio()
    events: queue.Queue[Any] = queue.Queue()
    sio = socketio.Client(reconnection=False)
    sio.on("events", events.put)
    try:
        sio.connect(
            base_url,
            socketio_path=SOCKET_PATH,
            auth={"token": token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
    except socketio.exceptions.ConnectionError as exc:
        raise _connect_error(base_url, exc) from exc
    try:
        backoff = Backoff(timeout)
        if turn is None:
            assert chat_id is not None and given is not None
            turn = next_turn(require_chat(chats.get(chat_id), chat_id), given)
            require_chat(chats.update(chat_id, turn.chat_update_form()), chat_id)
        else:
            chat_id = str(require_chat(chats.create_new(turn.new_chat_form()), "(new)").id)
        pieces = Pieces(chat_id, turn.assistant_message_id)
        finished = False
        try:
            owner._start(chats, turn.completion_form(chat_id, sio.get_sid()), chat_id)
            while not pieces.ended:
                remaining = backoff.remaining()
                try:
                    event = events.get(timeout=min(IDLE_CHECK, remaining or IDLE_CHECK))
                except queue.Empty:
                    running = chats.list_tasks(chat_id).task_ids
                    if not running:
                        break
                    if backoff.next_delay() is None:
                        raise _expired(chat_id, running, timeout, turn) from None
                    continue
                yield from pieces.feed(event)
            while not events.empty():
                yield from pieces.feed(events.get_nowait())
            try:
                owner.wait_for_tasks(chat_id, timeout=backoff.remaining())
            except TasksTimeoutError as exc:
                exc.message_id = turn.assistant_message_id
                finished = True  # the wait has stopped the tasks and repaired the chat
                raise
            finished = True
            reply = owner._finish(chats, turn, chat_id)
            outcome.reply = reply
            tail = pieces.extension(reply.content)
            if tail:
                pieces.text += tail
                yield tail
        except (GeneratorExit, KeyboardInterrupt, TasksTimeoutError):
            if not finished:
                owner._stop_and_repair(chats, chat_id)
            raise
    finally:
        sio.disconnect()


# -- async -----------------------------------------------------------------------------------


class AsyncMessageStream:
    """The text of an answer as it is produced: an async iterator of ``str`` and an async
    context manager.

    Nothing is sent before the first item is asked for. Leaving the ``async with`` block,
    `aclose()` or cancelling the reading task before the end stops the answer
    (``POST /api/tasks/chat/{chat_id}/stop``) and repairs the chat. ``reply`` is the stored
    `ChatReply` once the stream is exhausted.
    """

    def __init__(self, pieces: AsyncGenerator[str, None], outcome: Outcome) -> None:
        self._pieces = pieces
        self._outcome = outcome

    def __aiter__(self) -> AsyncMessageStream:
        return self

    async def __anext__(self) -> str:
        return await self._pieces.__anext__()

    @property
    def reply(self) -> ChatReply:
        """The stored answer (after the stream has been read to its end)."""
        if self._outcome.reply is None:
            raise ConversationError("the stream has not been read to its end")
        return self._outcome.reply

    async def aclose(self) -> None:
        """Stop reading; an answer still running is stopped."""
        await self._pieces.aclose()

    async def __aenter__(self) -> AsyncMessageStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


async def run_async_stream(
    owner: AsyncConversationsMixin,
    chats: AsyncChats,
    base_url: str,
    chat_id: str | None,
    turn: Turn | None,
    given: NextTurnInput | None,
    timeout: float | None,
    token: str,
    outcome: Outcome,
) -> AsyncGenerator[str, None]:
    import asyncio

    socketio = import_socketio()
    events: asyncio.Queue[Any] = asyncio.Queue()
    sio = socketio.AsyncClient(reconnection=False)

    async def on_event(data: Any) -> None:
        events.put_nowait(data)

    sio.on("events", on_event)
    try:
        await sio.connect(
            base_url,
            socketio_path=SOCKET_PATH,
            auth={"token": token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
    except socketio.exceptions.ConnectionError as exc:
        raise _connect_error(base_url, exc) from exc
    try:
        backoff = Backoff(timeout)
        if turn is None:
            assert chat_id is not None and given is not None
            turn = next_turn(require_chat(await chats.get(chat_id), chat_id), given)
            require_chat(await chats.update(chat_id, turn.chat_update_form()), chat_id)
        else:
            chat_id = str(require_chat(await chats.create_new(turn.new_chat_form()), "(new)").id)
        pieces = Pieces(chat_id, turn.assistant_message_id)
        finished = False
        try:
            await owner._start(chats, turn.completion_form(chat_id, sio.get_sid()), chat_id)
            while not pieces.ended:
                remaining = backoff.remaining()
                try:
                    event = await asyncio.wait_for(
                        events.get(), min(IDLE_CHECK, remaining or IDLE_CHECK)
                    )
                except TimeoutError:
                    running = (await chats.list_tasks(chat_id)).task_ids
                    if not running:
                        break
                    if backoff.next_delay() is None:
                        raise _expired(chat_id, running, timeout, turn) from None
                    continue
                for piece in pieces.feed(event):
                    yield piece
            while not events.empty():
                for piece in pieces.feed(events.get_nowait()):
                    yield piece
            try:
                await owner.wait_for_tasks(chat_id, timeout=backoff.remaining())
            except TasksTimeoutError as exc:
                exc.message_id = turn.assistant_message_id
                finished = True  # the wait has stopped the tasks and repaired the chat
                raise
            finished = True
            reply = await owner._finish(chats, turn, chat_id)
            outcome.reply = reply
            tail = pieces.extension(reply.content)
            if tail:
                pieces.text += tail
                yield tail
        except (GeneratorExit, asyncio.CancelledError, KeyboardInterrupt, TasksTimeoutError):
            if not finished:
                await shielded(owner._stop_and_repair(chats, chat_id))
            raise
    finally:
        await sio.disconnect()
