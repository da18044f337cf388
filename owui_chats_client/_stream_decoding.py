"""What the sync and async streams share, none of it I/O: telling an event stream apart,
decoding one event or one NDJSON line, the items of a JSON array as its bytes arrive
(`ArrayDecoder`), and the error of a stream cut short.

The streams themselves are in `_async_streaming` (`AsyncStream`, `AsyncJSONLinesStream`) and
`_streaming` (`Stream`, `JSONLinesStream`, written from it by ``scripts/unasync.py``).
"""

from __future__ import annotations

import codecs
import json
from typing import Any, TypeVar

import httpx
from httpx_sse import ServerSentEvent

from ._exceptions import APIConnectionError, APIResponseValidationError, APIStreamError
from ._parsing import Parser, loads, where

T = TypeVar("T")

DONE = "[DONE]"


def _where(response: httpx.Response) -> str:
    return where(response.request)


def is_event_stream(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")
    return content_type.startswith("text/event-stream")


def cut_error(response: httpx.Response, exc: Exception | None = None) -> APIConnectionError:
    why = f": {type(exc).__name__}: {exc}" if exc is not None else ""
    return APIConnectionError(
        f"the stream of {_where(response)} was cut before it ended{why}",
        request=response.request,
    )


def decode_event(
    response: httpx.Response, event: ServerSentEvent, parser: Parser[T], raw: list[Any]
) -> T:
    try:
        data = raw[0] = loads(event.data)
    except ValueError:
        raise APIResponseValidationError(
            f"event of {_where(response)} is not JSON: {event.data[:200]!r}",
            response=response,
        ) from None
    if event.event == "error" or (
        isinstance(data, dict) and "error" in data and "choices" not in data
    ):
        error = data.get("error", data) if isinstance(data, dict) else data
        detail = error.get("detail") or error.get("message") if isinstance(error, dict) else error
        raise APIStreamError(
            f"error event in the stream of {_where(response)}: {detail}", data=data
        )
    return _parse(response, parser, data, "event")


def decode_line(
    response: httpx.Response, number: int, line: str, parser: Parser[T], raw: list[Any]
) -> T:
    try:
        data = raw[0] = loads(line)
    except ValueError:
        raise APIResponseValidationError(
            f"line {number} of {_where(response)} is not valid JSON: {line[:200]!r}",
            response=response,
        ) from None
    return _parse(response, parser, data, f"line {number}")


def decode_array(
    response: httpx.Response, decoder: ArrayDecoder, chunk: bytes, *, final: bool = False
) -> list[Any]:
    """The items of a JSON array answer that ``chunk`` completes."""
    try:
        return [value for value, _ in decoder.feed(chunk, final=final)]
    except ArrayCut as exc:
        raise cut_error(response, exc) from None
    except ArrayError as exc:
        raise APIResponseValidationError(
            f"the answer of {_where(response)}: {exc}", response=response
        ) from None


def decode_item(response: httpx.Response, decoder: ArrayDecoder, data: Any, parser: Parser[T]) -> T:
    return _parse(response, parser, data, f"item {decoder.count}")


def _parse(response: httpx.Response, parser: Parser[T], data: Any, what: str) -> T:
    """``parser(data)``, its validation error naming the streamed ``what`` and the route."""
    try:
        return parser(data)
    except APIResponseValidationError as exc:
        exc.args = (f"{what} of {_where(response)}: {exc.args[0]}",)
        exc.response = response
        raise


class ArrayError(ValueError):
    """Bytes that are not the JSON array (or the sequence of JSON values) expected; the message
    says where."""


class ArrayCut(ArrayError):
    """The bytes ended before the array did."""


class ArrayDecoder:
    """The items of a JSON array decoded as its bytes arrive: `feed` each chunk, get back the
    items completed by it. Memory holds the text not yet consumed (one item, and at most one
    chunk beyond it). With ``sequence=True``, JSON values one after the other (whitespace
    between them, as several pretty-printed objects in one file) instead of an array.

    A value cut by a chunk boundary is decoded again only once the buffer has doubled, so a big
    item costs a few attempts, not one per chunk.
    """

    def __init__(self, *, sequence: bool = False, unit: str = "item") -> None:
        self.count = 0
        self._unit = unit
        self._sequence = sequence
        self._state = "value" if sequence else "start"  # start, first, value, comma, done
        self._text = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        self._buffer = ""
        self._pos = 0
        self._offset = 0  # characters dropped from the front of the buffer
        self._retry_at = 0  # decode the pending value again once the buffer is this long
        self._decoder = json.JSONDecoder()

    def feed(self, chunk: bytes, *, final: bool = False) -> list[tuple[Any, str]]:
        """The ``(value, its source text)`` of each item completed by ``chunk``; ``final``
        when no more bytes follow (raises `ArrayError` if the array is not complete)."""
        try:
            self._buffer += self._text.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            where = self._offset + len(self._buffer)
            raise ArrayError(f"not UTF-8 text near character {where}: {exc}") from None
        items: list[tuple[Any, str]] = []
        buffer = self._buffer
        while True:
            pos = self._pos
            while pos < len(buffer) and buffer[pos] in " \t\r\n":
                pos += 1
            self._pos = pos
            if pos >= len(buffer):
                break
            char, state = buffer[pos], self._state
            if state == "start":
                if char != "[":
                    raise ArrayError(f"not a JSON array: it starts with {buffer[pos : pos + 20]!r}")
                self._pos, self._state = pos + 1, "first"
            elif state == "first" and char == "]":
                self._pos, self._state = pos + 1, "done"
            elif state in ("first", "value"):
                if len(buffer) < self._retry_at and not final:
                    break
                try:
                    value, end = self._decoder.raw_decode(buffer, pos)
                except json.JSONDecodeError as exc:
                    if not final and _maybe_incomplete(exc, buffer):
                        self._retry_at = pos + 2 * (len(buffer) - pos)
                        break
                    raise ArrayError(
                        f"{self._unit} {self.count + 1} is not valid JSON ({exc.msg} at "
                        f"character {self._offset + exc.pos}); nothing after it can be read"
                    ) from None
                if end >= len(buffer) and not final:
                    self._retry_at = len(buffer) + 1  # a number at the end may go on
                    break
                items.append((value, buffer[pos:end]))
                self.count += 1
                self._pos, self._retry_at = end, 0
                self._state = "value" if self._sequence else "comma"
            elif state == "comma":
                if char not in ",]":
                    raise ArrayError(
                        f"not valid JSON after {self._unit} {self.count}: expected ',' or ']' "
                        f"at character {self._offset + pos}, found {buffer[pos : pos + 20]!r}"
                    )
                self._pos, self._state = pos + 1, "value" if char == "," else "done"
            else:
                raise ArrayError(
                    "unexpected data after the JSON array's closing ']' "
                    f"(character {self._offset + pos})"
                )
        if self._pos:
            self._buffer = buffer[self._pos :]
            self._offset += self._pos
            self._retry_at = max(0, self._retry_at - self._pos)
            self._pos = 0
        if final and self._state not in ("done", "value" if self._sequence else "done"):
            if self._state == "start":
                raise ArrayError("not a JSON array: it is empty")
            raise ArrayCut(
                f"the JSON array is cut short after {self._unit} {self.count} "
                "(it ends before its closing ']')"
            )
        return items


def _maybe_incomplete(exc: json.JSONDecodeError, buffer: str) -> bool:
    """Whether the decoder may have failed only because the buffer ends too soon."""
    return exc.pos >= len(buffer) - 64 or exc.msg.startswith("Unterminated string")
