"""Iterators over streamed answers: server-sent events (completions) and NDJSON (exports).

Each stream owns its HTTP response and releases the connection when it is exhausted, closed,
left through ``with``/``async with``, or broken by an error.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
from httpx_sse import EventSource, ServerSentEvent

from ._exceptions import APIConnectionError, APIResponseValidationError, APIStreamError
from ._parsing import Parser, loads, where

T = TypeVar("T")

DONE = "[DONE]"


def _where(response: httpx.Response) -> str:
    return where(response.request)


def is_event_stream(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")
    return content_type.startswith("text/event-stream")


def _cut(response: httpx.Response, exc: Exception | None = None) -> APIConnectionError:
    why = f": {type(exc).__name__}: {exc}" if exc is not None else ""
    return APIConnectionError(
        f"the stream of {_where(response)} was cut before it ended{why}",
        request=response.request,
    )


def _decode_event(
    response: httpx.Response, event: ServerSentEvent, parser: Parser[T], raw: list[Any]
) -> T:
    try:
        data = raw[0] = loads(event.data)
    except ValueError:
        raise APIResponseValidationError(
            f"event of {_where(response)} is not JSON: {event.data[:200]!r}", response=response
        ) from None
    if event.event == "error" or (
        isinstance(data, dict) and "error" in data and "choices" not in data
    ):
        error = data.get("error", data) if isinstance(data, dict) else data
        detail = error.get("detail") or error.get("message") if isinstance(error, dict) else error
        raise APIStreamError(
            f"error event in the stream of {_where(response)}: {detail}", data=data
        )
    try:
        return parser(data)
    except APIResponseValidationError as exc:
        exc.args = (f"event of {_where(response)}: {exc.args[0]}",)
        exc.response = response
        raise


def _decode_line(
    response: httpx.Response, number: int, line: str, parser: Parser[T], raw: list[Any]
) -> T:
    try:
        data = raw[0] = loads(line)
    except ValueError:
        raise APIResponseValidationError(
            f"line {number} of {_where(response)} is not valid JSON: {line[:200]!r}",
            response=response,
        ) from None
    try:
        return parser(data)
    except APIResponseValidationError as exc:
        exc.args = (f"line {number} of {_where(response)}: {exc.args[0]}",)
        exc.response = response
        raise


# The generators are free functions, not methods: a stream dropped without close() is then
# finalised by reference counting (no cycle through ``self``), which closes the response.


def _iter_events(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> Generator[T, None, None]:
    try:
        if not is_event_stream(response):
            return  # a JSON answer to a stream request (null: stored, nothing streamed)
        for event in EventSource(response).iter_sse():
            if event.data == DONE:
                return
            if event.data:
                yield _decode_event(response, event, parser, raw)
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        response.close()


async def _aiter_events(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> AsyncGenerator[T, None]:
    try:
        if not is_event_stream(response):
            return  # a JSON answer to a stream request (null: stored, nothing streamed)
        async for event in EventSource(response).aiter_sse():
            if event.data == DONE:
                return
            if event.data:
                yield _decode_event(response, event, parser, raw)
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        await response.aclose()


def _iter_lines(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> Generator[T, None, None]:
    try:
        for number, line in enumerate(response.iter_lines(), 1):
            if line.strip():
                yield _decode_line(response, number, line, parser, raw)
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        response.close()


async def _aiter_lines(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> AsyncGenerator[T, None]:
    number = 0
    try:
        async for line in response.aiter_lines():
            number += 1
            if line.strip():
                yield _decode_line(response, number, line, parser, raw)
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        await response.aclose()


class _SyncStream(Generic[T]):
    """An iterator over a streamed response that owns it: exhausting, closing or leaving ``with``
    releases the connection."""

    _items: Callable[[httpx.Response, Parser[T], list[Any]], Generator[T, None, None]]

    def __init__(self, response: httpx.Response, parser: Parser[T]) -> None:
        self.response = response
        self._raw: list[Any] = [None]  # shared with the generator, which holds no reference to self
        self._iterator = type(self)._items(response, parser, self._raw)

    @property
    def raw(self) -> Any:
        """The decoded JSON of the item last yielded, as the server sent it (None before)."""
        return self._raw[0]

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        return next(self._iterator)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection."""
        self._iterator.close()
        self.response.close()


class _AsyncStream(Generic[T]):
    """The async twin of `_SyncStream`: ``async for``, ``async with``, ``aclose()``."""

    _items: Callable[[httpx.Response, Parser[T], list[Any]], AsyncGenerator[T, None]]

    def __init__(self, response: httpx.Response, parser: Parser[T]) -> None:
        self.response = response
        self._raw: list[Any] = [None]  # shared with the generator, which holds no reference to self
        self._iterator = type(self)._items(response, parser, self._raw)

    @property
    def raw(self) -> Any:
        """The decoded JSON of the item last yielded, as the server sent it (None before)."""
        return self._raw[0]

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Stop reading and release the connection."""
        await self._iterator.aclose()
        await self.response.aclose()


class Stream(_SyncStream[T]):
    """Chunks of a streamed completion, as the server sends them.

    Every event that is JSON is yielded, whatever its shape: backends and pipe functions send
    chunks without ``index`` or ``id`` and events that are not chunks at all (``sources``,
    ``usage``...). Absent fields read as ``UNSET``, unknown keys are in the chunk's
    ``additional_properties``, and ``raw`` is the event last yielded, as sent.

    Iterate it, preferably inside ``with``. ``[DONE]`` or the end of the response ends it
    (Open WebUI sends its final ``data: [DONE]`` without the blank line that would make it a
    complete event). A connection cut mid-body raises `APIConnectionError`, an error event
    `APIStreamError`.
    """

    _items = staticmethod(_iter_events)


class AsyncStream(_AsyncStream[T]):
    """The async twin of `Stream`: ``async for``, ``async with``, ``aclose()``."""

    _items = staticmethod(_aiter_events)


class JSONLinesStream(_SyncStream[T]):
    """Items of an NDJSON answer, one line at a time (memory does not grow with the count)."""

    _items = staticmethod(_iter_lines)


class AsyncJSONLinesStream(_AsyncStream[T]):
    """The async twin of `JSONLinesStream`."""

    _items = staticmethod(_aiter_lines)


__all__ = ["Stream", "AsyncStream", "JSONLinesStream", "AsyncJSONLinesStream"]
