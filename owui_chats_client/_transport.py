"""Sending the generated requests: retries, error mapping, parsing, streams, paging.

The generated methods (``_generated/client.py``) build each request with their operation's
module and call one of five entry points here, chosen from the spec: `_request` for a JSON
answer, `_stream_lines` for NDJSON, `_stream_array` for a JSON array read item by item,
`_complete` for an answer that may be server-sent events, and `_paginate` for the auto-paging
iterators. Each takes the module itself as its operation (`_base.JSONOperation` and its
siblings), so the parser's type is the result type the method declares, checked by mypy.
Everything that is not I/O lives in `_base`.
"""
# Written by scripts/unasync.py from _async_transport.py; edit that file instead.

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import httpx

from . import _base, _parsing
from ._base import (
    ArrayOperation,
    BaseClient,
    CompletionOperation,
    JSONOperation,
    LinesOperation,
    PagedOperation,
)
from ._exceptions import APIResponseValidationError, APIStatusError
from ._releases import Operation, operation, version_error
from ._specials import completion_answer
from ._stream_decoding import is_event_stream
from ._streaming import JSONArrayStream, JSONLinesStream, Stream

T = TypeVar("T")
E = TypeVar("E")
A = TypeVar("A")
K = TypeVar("K")
Parts = dict[str, Any]
Extra = Mapping[str, Any] | None


class Transport(BaseClient[httpx.Client]):
    """Sends requests with an ``httpx.Client``: retries, error mapping, parsing, streams."""

    _pool_kind = httpx.Client

    def _send(
        self, request: httpx.Request, *, stream: bool, idempotent: bool | None
    ) -> httpx.Response:
        retries = self.max_retries if self._retry_allowed(request, idempotent) else 0
        attempt = 0
        while True:
            try:
                response = self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(attempt, None) if attempt < retries else None
                if delay is None:
                    raise self._connection_error(exc, request, attempt + 1) from exc
                self._log_retry(request, attempt, delay, type(exc).__name__)
                _base.time_sleep(delay)
                attempt += 1
                continue
            self._log_response(response, attempt)
            if response.is_success:
                return response if stream else _base.unbound(response)
            delay = None
            if attempt < retries and self._should_retry_status(response):
                delay = self._retry_delay(attempt, response)
            if delay is None:
                self._read(response, attempt + 1)
                raise self._status_error(response, attempt + 1)
            response.close()
            self._log_retry(request, attempt, delay, f"HTTP {response.status_code}")
            _base.time_sleep(delay)
            attempt += 1

    def _read(self, response: httpx.Response, attempts: int = 1) -> None:
        """Read a streamed body whole, and release the connection."""
        try:
            response.read()
        except httpx.TransportError as exc:
            raise self._connection_error(exc, response.request, attempts) from exc
        finally:
            response.close()

    def server_version(self) -> str:
        """The Open WebUI release of the server, as it states it (``"0.10.2"``).

        Asked once per client (its `with_options` copies share the answer), on the first call
        that depends on it; ``server_version=`` given to the client states it instead.

        ``GET /api/version``
        """
        release = self._release
        if release.version is None:
            request = self._build_request({"method": "GET", "url": "/api/version"})
            try:
                response = self._send(request, stream=False, idempotent=True)
                release.learn(response)
            except (APIStatusError, APIResponseValidationError) as exc:
                raise version_error(exc) from exc
        assert release.version is not None
        return release.version

    def server_supports(self, method: str, part: str | None = None) -> bool:
        """Whether the server's Open WebUI release has the client method ``method`` (the spec's
        operation), and that method's later query parameter or body field ``part``, named as
        `UnsupportedByServerError.part` names it (``"sort_by"``, ``"chats[].archived"``).

        Asks the server's release first when it is not known yet (``GET /api/version``);
        a part the spec does not mark as later than its operation is there when the operation is.
        """
        op = operation(method)
        if self._release.check and self._release.version is None:
            self.server_version()
        return self._release.supports(op, part)

    def _prepare(
        self, op: Operation, parts: Parts, query: Extra, body: Extra, headers: Extra
    ) -> httpx.Request:
        """The request, once it fits the server's release (see `_releases`)."""
        release = self._release
        if release.needed(op, parts):
            self.server_version()
        release.fit(op, parts)
        return self._build_request(parts, query, body, headers)

    def _request(
        self,
        op: JSONOperation[T],
        parts: Parts,
        query: Extra,
        body: Extra,
        headers: Extra,
        wrap: bool = True,
    ) -> T:
        """The parsed answer; on a `with_raw_response` client, an `APIResponse` around it
        unless ``wrap`` is false (paging needs the items)."""
        request = self._prepare(op, parts, query, body, headers)
        response = self._send(request, stream=False, idempotent=op.RETRY_SAFE)
        value = self._parse(response, op.parse)
        return self._wrap(response, value) if wrap else value

    def _stream_lines(
        self, op: LinesOperation[T], parts: Parts, query: Extra, body: Extra, headers: Extra
    ) -> JSONLinesStream[T]:
        request = self._prepare(op, parts, query, body, headers)
        response = self._send(request, stream=True, idempotent=op.RETRY_SAFE)
        return JSONLinesStream(response, op.parse_line)

    def _stream_array(
        self, op: ArrayOperation[T], parts: Parts, query: Extra, body: Extra, headers: Extra
    ) -> JSONArrayStream[T]:
        request = self._prepare(op, parts, query, body, headers)
        response = self._send(request, stream=True, idempotent=op.RETRY_SAFE)
        return JSONArrayStream(response, op.parse_item)

    def _complete(
        self,
        op: CompletionOperation[E, A, K],
        parts: Parts,
        stream: bool | None,
        background: bool,
        query: Extra,
        body: Extra,
        headers: Extra,
    ) -> Stream[E] | A | K:
        """The answer that ``stream`` and ``background`` type: a stream of events, a
        background task's ids, or a single completion. A body that would make the server
        answer otherwise is refused before anything is sent, and an answer of another kind
        (a model whose parameters override ``stream``) raises `APIResponseValidationError`."""
        kind = completion_answer({**(parts.get("json") or {}), **(body or {})}, stream, background)
        request = self._prepare(op, parts, query, body, headers)
        response = self._send(request, stream=True, idempotent=op.RETRY_SAFE)
        if is_event_stream(response):
            if kind == "stream":
                return Stream(response, op.parse_event)
            response.close()
            raise self._other_answer(response, kind)
        self._read(response)
        if kind == "task":
            return self._wrap(response, self._parse(response, op.parse_task))
        if kind == "answer":
            return self._wrap(response, self._parse(response, op.parse_answer))
        if self._parse(response, _parsing.any_json) is None:  # stored, nothing streamed: empty
            return Stream(response, op.parse_event)
        raise self._other_answer(response, kind)

    def _paginate(
        self,
        op: PagedOperation[T],
        build: Callable[[int], Parts],
        query: Extra,
        body: Extra,
        headers: Extra,
    ) -> Iterator[T]:
        page = 1
        while True:
            items = self._request(op, build(page), query, body, headers, wrap=False)
            yield from items
            if len(items) < op.PAGE_SIZE:
                return
            page += 1
