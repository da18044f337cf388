"""Iterators over streamed answers: server-sent events (completions), NDJSON (exports) and
JSON arrays read item by item.

Each stream owns its HTTP response and releases the connection when it is exhausted, closed,
left as a context manager, or broken by an error.
"""
# Written by scripts/unasync.py from _async_streaming.py; edit that file instead.

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
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
                yield decode_event(response, event, parser, raw)
    except httpx.TransportError as exc:
        raise cut_error(response, exc) from exc
    finally:
        response.close()


def _iter_lines(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> Generator[T, None, None]:
    number = 0
    try:
        for line in response.iter_lines():
            number += 1
            if line.strip():
                yield decode_line(response, number, line, parser, raw)
    except httpx.TransportError as exc:
        raise cut_error(response, exc) from exc
    finally:
        response.close()


def _iter_array(
    response: httpx.Response, parser: Parser[T], raw: list[Any]
) -> Generator[T, None, None]:
    decoder = ArrayDecoder()
    try:
        for chunk in response.iter_bytes():
            for value in decode_array(response, decoder, chunk):
                raw[0] = value
                yield decode_item(response, decoder, value, parser)
        for value in decode_array(response, decoder, b"", final=True):
            raw[0] = value
            yield decode_item(response, decoder, value, parser)
    except httpx.TransportError as exc:
        raise cut_error(response, exc) from exc
    finally:
        response.close()


class StreamBase(Generic[T]):
    """An iterator over a streamed response that owns it: exhausting it, closing it or leaving
    it as a context manager releases the connection."""

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
        return self._iterator.__next__()

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


class Stream(StreamBase[T]):
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

    _items = staticmethod(_iter_events)


class JSONLinesStream(StreamBase[T]):
    """Items of an NDJSON answer, one line at a time (memory does not grow with the count)."""

    _items = staticmethod(_iter_lines)


class JSONArrayStream(StreamBase[T]):
    """Items of a JSON array answer, decoded one at a time as the bytes arrive (memory holds
    one item, not the whole answer). An answer cut before its closing ``]`` raises
    `APIConnectionError`, one that is not a JSON array `APIResponseValidationError`."""

    _items = staticmethod(_iter_array)


__all__ = ["Stream", "JSONLinesStream", "JSONArrayStream"]
