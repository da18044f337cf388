"""What the sync and async streams share, none of it I/O: telling an event stream apart,
decoding one event or one NDJSON line, and the error of a stream cut short.

The streams themselves are in `_async_streaming` (`AsyncStream`, `AsyncJSONLinesStream`) and
`_streaming` (`Stream`, `JSONLinesStream`, written from it by ``scripts/unasync.py``).
"""

from __future__ import annotations

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
    try:
        return parser(data)
    except APIResponseValidationError as exc:
        exc.args = (f"event of {_where(response)}: {exc.args[0]}",)
        exc.response = response
        raise


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
    try:
        return parser(data)
    except APIResponseValidationError as exc:
        exc.args = (f"line {number} of {_where(response)}: {exc.args[0]}",)
        exc.response = response
        raise
