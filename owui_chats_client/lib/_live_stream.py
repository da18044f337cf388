"""`MessageStream`: an answer's text as Open WebUI produces it, and the I/O loop behind it.

The loop connects to the Socket.IO channel, starts the answer as a background task, turns the
``events`` of that answer into text pieces (`Pieces`), and at the end returns the stored,
repaired answer as the stream's ``reply``. What the sync and async loops share is in `_live`.
"""
# Written by scripts/unasync.py from lib/_async_live_stream.py; edit that file instead.

from __future__ import annotations

import time
from collections.abc import Generator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._live import (
    CONNECT_ATTEMPTS,
    CONNECT_TIMEOUT,
    IDLE_CHECK,
    NO_EVENT,
    SOCKET_PATH,
    Outcome,
    Pieces,
    connect_error,
    connect_retry,
    event_queue,
    expired,
    import_socketio,
    next_event,
    socket_options,
)
from ._steps import (
    Backoff,
    ChatReply,
    ConversationError,
    NextTurnInput,
    TasksTimeoutError,
    Turn,
    next_turn,
    require_chat,
)

if TYPE_CHECKING:
    from ._conversations import ConversationsMixin
    from ._steps import Chats


class MessageStream:
    """The text of an answer as it is produced: iterate it for ``str`` pieces, best as a
    context manager.

    Nothing is sent before the first piece is asked for. Leaving the block, `close()`, or (in
    async code) cancelling the reading task before the end stops the answer
    (``POST /api/tasks/chat/{chat_id}/stop``) and repairs the chat. ``reply`` is the stored
    `ChatReply` once the stream is exhausted.
    """

    def __init__(self, pieces: Generator[str, None, None], outcome: Outcome) -> None:
        self._pieces = pieces
        self._outcome = outcome

    def __iter__(self) -> MessageStream:
        return self

    def __next__(self) -> str:
        return self._pieces.__next__()

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


def run_stream(
    owner: ConversationsMixin,
    chats: Chats,
    base_url: str,
    chat_id: str | None,
    turn: Turn | None,
    given: NextTurnInput | None,
    timeout: float | None,
    token: str,
    outcome: Outcome,
) -> Generator[str, None, None]:
    """The pieces of one answer: of a new chat (``turn``) or of the next question in
    ``chat_id`` (``given``)."""
    socketio = import_socketio()
    events = event_queue()
    sio = socketio.Client(reconnection=False, **socket_options(owner, socketio.Client))

    def on_event(data: Any) -> None:
        events.put_nowait(data)

    sio.on("events", on_event)
    for attempt in range(CONNECT_ATTEMPTS):
        try:
            sio.connect(
                base_url,
                socketio_path=SOCKET_PATH,
                auth={"token": token},
                transports=["websocket"],
                wait_timeout=CONNECT_TIMEOUT,
            )
            break
        except socketio.exceptions.ConnectionError as exc:
            delay = connect_retry(exc, attempt)
            if delay is None:
                raise connect_error(base_url, exc) from exc
            time.sleep(delay)
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
            task_ids = owner._start(chats, turn.completion_form(chat_id, sio.get_sid()), chat_id)
            while not pieces.ended:
                remaining = backoff.remaining()
                event = next_event(events, min(IDLE_CHECK, remaining or IDLE_CHECK))
                if event is NO_EVENT:
                    tasks = chats.list_tasks(chat_id)
                    if not tasks.task_ids:
                        break
                    if backoff.next_delay() is None:
                        raise expired(chat_id, tasks.task_ids, timeout, turn)
                    continue
                yield from pieces.feed(event)
            while not events.empty():
                yield from pieces.feed(events.get_nowait())
            try:
                chat = owner._wait(
                    chats, chat_id, turn.assistant_message_id, backoff.remaining(), task_ids
                )
            except TasksTimeoutError:
                finished = True  # the wait has stopped the tasks and repaired the chat
                raise
            finished = True
            reply = owner._finish(chats, turn, chat_id, chat)
            outcome.reply = reply
            tail = pieces.extension(reply.content)
            if tail:
                pieces.text += tail
                yield tail
        except (GeneratorExit, KeyboardInterrupt, TasksTimeoutError):
            if not finished:
                owner._stop_and_repair(chats, chat_id, turn.assistant_message_id)
            raise
    finally:
        sio.disconnect()
