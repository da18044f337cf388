"""Conversations: start a chat or continue one and get the stored answer, as the web page does.

`AsyncConversationsMixin` gives `AsyncChatsClient` its conversation methods. They only send
requests through the client's public methods (``create_new``, ``get``, ``update``,
``chat_completion``, ``list_tasks``, ``stop_tasks``, ``delete_message``) and sleep. Every other
step (checking input, building the tree and the request bodies, repairing what the server
stores, polling delays) is shared and lives in `_steps` and `_tree`, imported on first use so
that importing a client stays cheap.
"""
# unasync: scripts/unasync.py writes the sync copy, _conversations.py, from this file.

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from .._constants import DEFAULT_ANSWER_TIMEOUT

if TYPE_CHECKING:
    from .._generated.models import ChatResponse
    from ._async_live_stream import AsyncMessageStream
    from ._steps import AsyncChats, ChatReply, NextTurnInput, Turn


class AsyncConversationsMixin:
    """`AsyncChatsClient`'s conversation methods: `start_chat`, `send_message`,
    `wait_for_tasks`, `stream_chat`, `stream_message`."""

    async def start_chat(
        self,
        model: str,
        content: str,
        *,
        system: str | None = None,
        params: Mapping[str, Any] | None = None,
        title: str | None = None,
        generate_title: bool = False,
        generate_tags: bool = False,
        timeout: float | None = DEFAULT_ANSWER_TIMEOUT,
    ) -> ChatReply:
        """Create a chat with one question, wait for the model's answer and return it stored.

        Routes: ``POST /api/v1/chats/new``, ``POST /api/chat/completions`` (a background task,
        as the web page runs it), ``GET /api/tasks/chat/{chat_id}`` until it is done,
        ``GET /api/v1/chats/{id}`` and ``POST /api/v1/chats/{id}`` (repairs the message tree).

        Args:
            model: the model id.
            content: the question.
            system: a system prompt, stored in the chat's ``params``.
            params: model parameters (``temperature``...), stored with the chat.
            title: the chat's title (default ``"New Chat"``).
            generate_title: let the server name the chat.
            generate_tags: let the server tag the chat.
            timeout: seconds to wait for the answer; then the tasks are stopped and
                `TasksTimeoutError` is raised.
        """
        from . import _steps as s

        turn = s.new_turn(
            model,
            content,
            system=system,
            params=params,
            title=title,
            generate_title=generate_title,
            generate_tags=generate_tags,
        )
        timeout = s.check_timeout(timeout)
        chats: AsyncChats = s.plain(self)
        created = s.require_chat(await chats.create_new(turn.new_chat_form()), "(new)")
        return await self._answer(chats, turn, str(created.id), timeout)

    async def send_message(
        self,
        chat_id: str,
        content: str,
        *,
        model: str | None = None,
        system: str | None = None,
        params: Mapping[str, Any] | None = None,
        generate_title: bool = False,
        generate_tags: bool = False,
        timeout: float | None = DEFAULT_ANSWER_TIMEOUT,
    ) -> ChatReply:
        """Ask the next question in a stored chat (from its ``currentId``) and return the answer.

        The model defaults to the chat's; ``system`` and ``params`` to the chat's own. One
        question at a time per chat.

        Routes: ``GET /api/v1/chats/{id}``, ``POST /api/v1/chats/{id}`` (adds the question and
        the answer's placeholder), ``POST /api/chat/completions``,
        ``GET /api/tasks/chat/{chat_id}``, then ``GET`` and ``POST /api/v1/chats/{id}`` again.
        """
        from . import _steps as s

        chat_id = s.check_chat_id(chat_id)
        given = s.next_turn_input(
            content,
            model=model,
            system=system,
            params=params,
            generate_title=generate_title,
            generate_tags=generate_tags,
        )
        timeout = s.check_timeout(timeout)
        chats: AsyncChats = s.plain(self)
        turn = s.next_turn(s.require_chat(await chats.get(chat_id), chat_id), given)
        s.require_chat(await chats.update(chat_id, turn.chat_update_form()), chat_id)
        return await self._answer(chats, turn, chat_id, timeout)

    async def wait_for_tasks(
        self, chat_id: str, *, timeout: float | None = DEFAULT_ANSWER_TIMEOUT
    ) -> None:
        """Wait until the server is done with the chat: no running task listed, and no answer
        of it left unfinished (``done: false``), polling every 50 ms, then less often (up to
        once a second) after the first half second.

        ``GET /api/tasks/chat/{chat_id}``, and ``GET /api/v1/chats/{id}`` when no task is
        listed (an instance that shares no tasks with the others lists none). On timeout, or
        when the wait is interrupted (Ctrl-C, or in async code its task cancelled), the tasks
        are stopped (``POST /api/tasks/chat/{chat_id}/stop``) and the chat's message tree is
        repaired before the error propagates.
        """
        from . import _steps as s

        chat_id = s.check_chat_id(chat_id)
        timeout = s.check_timeout(timeout)
        chats: AsyncChats = s.plain(self)
        await self._wait(chats, chat_id, None, timeout, [])

    async def _wait(
        self,
        chats: AsyncChats,
        chat_id: str,
        message_id: str | None,
        timeout: float | None,
        task_ids: list[str],
    ) -> ChatResponse:
        """Poll the chat's tasks and, when none is listed, the stored chat, until the server is
        done with the answer ``message_id`` (or every answer: `_steps.AnswerWatch`), and return
        the chat as last read; on timeout, Ctrl-C or cancellation, stop the tasks and repair
        the chat before the error propagates."""
        from . import _steps as s

        backoff = s.Backoff(timeout)
        watch = s.AnswerWatch(chat_id, message_id, task_ids)
        try:
            while True:
                tasks = await chats.list_tasks(chat_id)
                if tasks.task_ids:
                    watch.running(tasks.task_ids)
                else:
                    chat = s.require_chat(await chats.get(chat_id), chat_id)
                    if watch.finished(chat):
                        return chat
                delay = backoff.next_delay()
                if delay is None:
                    raise s.TasksTimeoutError(
                        chat_id, watch.task_ids, cast(float, timeout), message_id
                    )
                await asyncio.sleep(delay)
        except (asyncio.CancelledError, KeyboardInterrupt, s.TasksTimeoutError):
            await s.shielded(self._stop_and_repair(chats, chat_id, message_id))
            raise

    def stream_chat(
        self,
        model: str,
        content: str,
        *,
        system: str | None = None,
        params: Mapping[str, Any] | None = None,
        title: str | None = None,
        generate_title: bool = False,
        generate_tags: bool = False,
        timeout: float | None = DEFAULT_ANSWER_TIMEOUT,
        socket_token: str | Callable[[], str] | None = None,
    ) -> AsyncMessageStream:
        """`start_chat`, yielding the answer's text as the server produces it.

        Iterate the returned `AsyncMessageStream` (best as a context manager);
        ``stream.reply`` is the `ChatReply` once it is exhausted. Needs the ``live`` extra and a
        JWT (see `stream_message`). Routes: those of `start_chat`, plus the Socket.IO channel
        ``/ws/socket.io``.
        """
        from . import _steps as s

        turn = s.new_turn(
            model,
            content,
            system=system,
            params=params,
            title=title,
            generate_title=generate_title,
            generate_tags=generate_tags,
        )
        return self._stream(None, turn, None, s.check_timeout(timeout), socket_token)

    def stream_message(
        self,
        chat_id: str,
        content: str,
        *,
        model: str | None = None,
        system: str | None = None,
        params: Mapping[str, Any] | None = None,
        generate_title: bool = False,
        generate_tags: bool = False,
        timeout: float | None = DEFAULT_ANSWER_TIMEOUT,
        socket_token: str | Callable[[], str] | None = None,
    ) -> AsyncMessageStream:
        """`send_message`, yielding the answer's text as the server produces it.

        The pieces come from Open WebUI's Socket.IO channel (``/ws/socket.io``, ``events``
        messages of the answer); once the answer is stored, whatever the outlet filters added
        follows as a last piece, so the pieces join to ``stream.reply.content`` when the filters
        only append. Needs ``pip install 'owui-chats-client[live]'`` and a JWT: the client's own
        credential, or ``socket_token=`` (Open WebUI refuses ``sk-`` keys on that channel).
        Routes: those of `send_message`, plus the Socket.IO channel.
        """
        from . import _steps as s

        chat_id = s.check_chat_id(chat_id)
        given = s.next_turn_input(
            content,
            model=model,
            system=system,
            params=params,
            generate_title=generate_title,
            generate_tags=generate_tags,
        )
        return self._stream(chat_id, None, given, s.check_timeout(timeout), socket_token)

    # -- steps ---------------------------------------------------------------------------------

    async def _answer(
        self,
        chats: AsyncChats,
        turn: Turn,
        chat_id: str,
        timeout: float | None,
    ) -> ChatReply:

        task_ids = await self._start(chats, turn.completion_form(chat_id), chat_id)
        chat = await self._wait(chats, chat_id, turn.assistant_message_id, timeout, task_ids)
        return await self._finish(chats, turn, chat_id, chat)

    async def _start(self, chats: AsyncChats, form: dict[str, Any], chat_id: str) -> list[str]:
        """``POST /api/chat/completions`` as a background task (again while SQLite is locked);
        the ids of the tasks it started."""
        from . import _steps as s

        attempt = 0
        while True:
            try:
                answer = await chats.chat_completion(form, background=True)
            except (asyncio.CancelledError, KeyboardInterrupt):  # the task may have started
                await s.shielded(self._stop_and_repair(chats, chat_id))
                raise
            except Exception as exc:
                delay = s.locked_retry_delay(exc, attempt)
                if delay is None:
                    raise
                await asyncio.sleep(delay)
                attempt += 1
                continue
            return list(answer.task_ids)  # the transport refuses an answer of another kind

    async def _finish(
        self, chats: AsyncChats, turn: Turn, chat_id: str, chat: ChatResponse
    ) -> ChatReply:
        from . import _steps as s

        chat = await self._repair(chats, chat_id, turn.assistant_message_id, turn, chat)
        return s.make_reply(turn, chat_id, chat)

    async def _repair(
        self,
        chats: AsyncChats,
        chat_id: str,
        current_id: str | None,
        turn: Turn | None = None,
        chat: ChatResponse | None = None,
    ) -> ChatResponse:
        """Fix what the server stored (``chat``, as just read, or read now): the answer of
        ``turn`` when its outlet filters missed it (see `_steps.unfiltered_answer`), then the
        message tree."""
        from . import _steps as s

        if chat is None:
            chat = s.require_chat(await chats.get(chat_id), chat_id)
        text = None if turn is None else s.unfiltered_answer(chat, turn.assistant_message_id)
        if turn is not None and text is not None:
            filtered = await chats.chat_completed(s.outlet_form(chat, turn, chat_id, text))
            content = s.filtered_content(filtered, turn.assistant_message_id, text)
            s.set_answer(chat, turn.assistant_message_id, text, content)
        stuck, form = s.repair_plan(chat, current_id)
        for message_id in stuck:
            await chats.delete_message(chat_id, message_id)
        if form is not None:
            chat = s.require_chat(await chats.update(chat_id, form), chat_id)
        return chat

    async def _stop_and_repair(
        self, chats: AsyncChats, chat_id: str, message_id: str | None = None
    ) -> None:
        """Stop the chat's tasks, confirm that nothing writes the chat any more, and repair its
        tree (best effort). A task still listed is sent the stop again (the request may reach
        the instance that runs it); a chat that cannot be confirmed quiet is left as it is,
        never written over."""
        from . import _steps as s

        try:
            await chats.stop_tasks(chat_id)
            backoff = s.Backoff(s.STOP_GRACE)
            watch = s.AnswerWatch(chat_id, message_id, [])
            while True:
                tasks = await chats.list_tasks(chat_id)
                if tasks.task_ids:
                    watch.running(tasks.task_ids)
                    # twice: behind round-robin, consecutive requests reach different
                    # instances, and only the one that runs a task can stop it
                    await chats.stop_tasks(chat_id)
                    await chats.stop_tasks(chat_id)
                elif watch.stopped(s.require_chat(await chats.get(chat_id), chat_id)):
                    break
                delay = backoff.next_delay()
                if delay is None:
                    s.log.warning(
                        "chat %s: its tasks could not be confirmed stopped within %gs; the chat "
                        "is left as the server has it",
                        chat_id,
                        s.STOP_GRACE,
                    )
                    return
                await asyncio.sleep(delay)
            await self._repair(chats, chat_id, None)
        except Exception:
            s.log.warning("could not stop the tasks of chat %s", chat_id, exc_info=True)

    def _stream(
        self,
        chat_id: str | None,
        turn: Turn | None,
        given: NextTurnInput | None,
        timeout: float | None,
        token: str | Callable[[], str] | None,
    ) -> AsyncMessageStream:
        from . import _steps as s
        from ._async_live_stream import AsyncMessageStream, async_run_stream
        from ._live import Outcome, import_socketio

        token = s.socket_token(self, token)
        import_socketio()
        chats: AsyncChats = s.plain(self)
        outcome = Outcome()
        base_url = str(getattr(self, "base_url", ""))
        pieces = async_run_stream(
            self, chats, base_url, chat_id, turn, given, timeout, token, outcome
        )
        return AsyncMessageStream(pieces, outcome)
