"""Iterators over streamed answers: server-sent events (completions), NDJSON (exports) and
JSON arrays read item by item.

Each stream owns its HTTP response and releases the connection when it is exhausted, closed,
left as a context manager, or broken by an error.
"""
# unasync: scripts/unasync.py writes the sync copy, _streaming.py, from this file.

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx
from httpx_sse import EventSource

from ._compat import Self
from ._parsing import Parser
from ._stream_decoding import (
    DONE,
    ArrayDecoder,
    cut_error,
    decode_array,
    decode_event,
    decode_item,
    decode_line,
    is_event_stream,
)

T = TypeVar("T")

# The generators are free functions, not methods: a stream dropped without closing is then
# finalised by reference counting (no cycle through ``self``), which closes the response.


async def _async_iter_events(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> AsyncGenerator[T, None]:
    try:
        if not is_event_stream(response):
            return  # a JSON answer to a stream request (null: stored, nothing streamed)
        async for event in EventSource(response).aiter_sse():
            if event.data == DONE:
                return
            if event.data:
                yield decode_event(response, event, parser, raw)
    except httpx.TransportError as exc:
        raise cut_error(response, exc) from exc
    finally:
        await response.aclose()


async def _async_iter_lines(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> AsyncGenerator[T, None]:
    number = 0
    try:
        async for line in response.aiter_lines():
            number += 1
            if line.strip():
                yield decode_line(response, number, line, parser, raw)
    except httpx.TransportError as exc:
        raise cut_error(response, exc) from exc
    finally:
        await response.aclose()


async def _async_iter_array(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> AsyncGenerator[T, None]:
    decoder = ArrayDecoder()
    try:
        async for chunk in response.aiter_bytes():
            for value in decode_array(response, decoder, chunk):
                raw[0] = value
                yield decode_item(response, decoder, value, parser)
        for value in decode_array(response, decoder, b"", final=True):
            raw[0] = value
            yield decode_item(response, decoder, value, parser)
    except httpx.TransportError as exc:
        raise cut_error(response, exc) from exc
    finally:
        await response.aclose()


class AsyncStreamBase(Generic[T]):
    """An iterator over a streamed response that owns it: exhausting it, closing it or leaving
    it as a context manager releases the connection."""

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


class AsyncStream(AsyncStreamBase[T]):
    """Chunks of a streamed completion, as the server sends them.

    Every event that is JSON is yielded, whatever its shape: backends and pipe functions send
    chunks without ``index`` or ``id`` and events that are not chunks at all (``sources``,
    ``usage``...). Absent fields read as ``UNSET``, unknown keys are in the chunk's
    ``additional_properties``, and ``raw`` is the event last yielded, as sent.

    Iterate it, preferably as a context manager. ``[DONE]`` or the end of the response ends it
    (Open WebUI sends its final ``data: [DONE]`` without the blank line that would make it a
    complete event). A connection cut mid-body raises `APIConnectionError`, an error event
    `APIStreamError`.
    """

    _items = staticmethod(_async_iter_events)


class AsyncJSONLinesStream(AsyncStreamBase[T]):
    """Items of an NDJSON answer, one line at a time (memory does not grow with the count)."""

    _items = staticmethod(_async_iter_lines)


class AsyncJSONArrayStream(AsyncStreamBase[T]):
    """Items of a JSON array answer, decoded one at a time as the bytes arrive (memory holds
    one item, not the whole answer). An answer cut before its closing ``]`` raises
    `APIConnectionError`, one that is not a JSON array `APIResponseValidationError`."""

    _items = staticmethod(_async_iter_array)


__all__ = ["AsyncStream", "AsyncJSONLinesStream", "AsyncJSONArrayStream"]
