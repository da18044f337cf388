"""What the sync and async clients share: configuration, request building, retry policy and
response handling. Nothing here does I/O."""

from __future__ import annotations

import functools
import ipaddress
import json
import logging
import os
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import Any, Generic, ParamSpec, Protocol, TypeVar, cast

import httpx

from . import _constants as C
from ._compat import Self
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    OpenWebUIError,
    status_error_class,
)
from ._parsing import Parser, decode_json, loads, where
from ._releases import Operation, ServerRelease
from ._stream_decoding import is_event_stream

log = logging.getLogger("owui_chats_client")


def setup_logging() -> None:
    """Attach a stderr handler at the level named by ``$OPENWEBUI_LOG`` (``debug`` or ``info``).

    Nothing logged carries headers, so API keys and tokens never reach a log.
    """
    level = os.environ.get(C.LOG_ENV, "").strip().lower()
    if level not in ("debug", "info"):
        return
    if not any(getattr(h, "_owui", False) for h in log.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        handler._owui = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
E_co = TypeVar("E_co", covariant=True)
A_co = TypeVar("A_co", covariant=True)
K_co = TypeVar("K_co", covariant=True)
P = ParamSpec("P")
HttpClientT = TypeVar("HttpClientT", httpx.Client, httpx.AsyncClient)

# What the transport's entry points read from a generated endpoint module, by kind of answer.
# The modules are passed as they are, so the parser's type is the method's checked result type.


class JSONOperation(Operation, Protocol[T_co]):
    """An operation with a JSON answer (`_request`)."""

    @property
    def parse(self) -> Parser[T_co]: ...


class PagedOperation(Operation, Protocol[T]):
    """A paged list (`_paginate`): a short page ends it."""

    @property
    def parse(self) -> Parser[list[T]]: ...
    @property
    def PAGE_SIZE(self) -> int: ...


class LinesOperation(Operation, Protocol[T_co]):
    """An NDJSON answer (`_stream_lines`)."""

    @property
    def parse_line(self) -> Parser[T_co]: ...


class ArrayOperation(Operation, Protocol[T_co]):
    """A JSON array answer read item by item (`_stream_array`)."""

    @property
    def parse_item(self) -> Parser[T_co]: ...


class CompletionOperation(Operation, Protocol[E_co, A_co, K_co]):
    """A completion (`_complete`): server-sent events, a single answer or a background task."""

    @property
    def parse_event(self) -> Parser[E_co]: ...
    @property
    def parse_answer(self) -> Parser[A_co]: ...
    @property
    def parse_task(self) -> Parser[K_co]: ...


IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"})


class NotGiven:
    """Marks an option that was not passed (``None`` can be a meaningful value)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = NotGiven()


@dataclass(frozen=True)
class RequestOptions:
    """Per-client (and, through ``with_options``, per-call) settings."""

    timeout: httpx.Timeout = field(default_factory=lambda: C.DEFAULT_TIMEOUT)
    max_retries: int = C.DEFAULT_MAX_RETRIES
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class APIResponse(Generic[T]):
    """A parsed result together with the HTTP response it came from (``with_raw_response``)."""

    http_response: httpx.Response
    parsed: T

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def parse(self) -> T:
        return self.parsed


def normalize_base_url(base_url: str | None) -> str:
    """The server root, without a trailing slash or the ``/api`` of older clients."""
    if base_url is None:
        base_url = os.environ.get(C.BASE_URL_ENV)
    if not base_url:
        raise OpenWebUIError(
            f"no server URL: pass base_url= (for example 'http://localhost:8080') "
            f"or set {C.BASE_URL_ENV}"
        )
    url = httpx.URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an http(s) URL with a host, got {base_url!r}")
    path = url.path.rstrip("/")
    if path.endswith("/api"):
        path = path[: -len("/api")]
    return str(url.copy_with(path=path or "", query=None, fragment=None)).rstrip("/")


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@functools.lru_cache(maxsize=8)
def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    """One verifying TLS context per CA file for every client this process makes (building one
    costs ~50 ms); ``None``: the default CAs (certifi, or ``$SSL_CERT_FILE`` when set)."""
    if ca_file is None:
        return httpx.create_ssl_context()
    return ssl.create_default_context(cafile=ca_file)


def default_ssl_context() -> ssl.SSLContext:
    return ssl_context(os.environ.get("SSL_CERT_FILE") or None)


def make_verify(verify: ssl.SSLContext | str | bool | None) -> ssl.SSLContext | bool:
    """What the connection pool verifies TLS with: a context, a CA file, or False (none)."""
    if verify is None or verify is True:
        return default_ssl_context()
    if verify is False or isinstance(verify, ssl.SSLContext):
        return verify
    if isinstance(verify, str):
        if not os.path.isfile(verify):
            raise ValueError(f"verify: no CA file at {verify!r}")
        return ssl_context(os.path.abspath(verify))
    raise TypeError(f"verify must be a CA file, an ssl.SSLContext or a bool, got {verify!r}")


def make_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout)


class BaseClient(Generic[HttpClientT]):
    """Configuration and every step of a call that is not I/O."""

    _http: HttpClientT
    _owns_http: bool  # set by the subclass: False when the caller passed its own http_client

    _pool_kind: type[HttpClientT]  # httpx.Client or httpx.AsyncClient, set by the transport

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | Callable[[], str] | None = None,
        *,
        timeout: float | httpx.Timeout | None = C.DEFAULT_TIMEOUT,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        http_client: HttpClientT | None = None,
        default_headers: Mapping[str, str] | None = None,
        server_version: str | None = None,
        check_server_version: bool = True,
        verify: ssl.SSLContext | str | bool | None = None,
    ) -> None:
        setup_logging()
        if verify is not None and http_client is not None:
            raise ValueError("verify= applies to the client's own pool: set it on http_client")
        self.base_url: str = normalize_base_url(base_url)
        """The server root the client sends to, such as ``http://localhost:8080``."""
        if api_key is None:
            api_key = os.environ.get(C.API_KEY_ENV) or None
        if api_key is not None and not callable(api_key):
            check_credential(api_key, "api_key")
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be an int >= 0, got {max_retries!r}")
        self._api_key = api_key
        self._release = ServerRelease(server_version, check=check_server_version)
        self._configure(
            RequestOptions(
                timeout=make_timeout(timeout),
                max_retries=max_retries,
                headers=dict(default_headers or {}),
            )
        )
        self._raw = False
        url = httpx.URL(self.base_url)
        if api_key and url.scheme == "http" and not is_loopback(url.host):
            log.warning(
                "sending the API key over plain http:// to %s; use https:// beyond loopback",
                url.host,
            )
        self._verify = make_verify(verify) if http_client is None else True
        self._http = self._pool(http_client)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _pool(self, given: HttpClientT | None) -> HttpClientT:
        """The caller's httpx client (never closed here), or a new pool that this one owns."""
        kind = self._pool_kind
        if given is not None and not isinstance(given, kind):
            raise TypeError(
                f"http_client must be an httpx.{kind.__name__}, got {type(given).__name__}"
            )
        self._owns_http = given is None
        return given or kind(
            limits=C.DEFAULT_CONNECTION_LIMITS,
            follow_redirects=True,
            timeout=self.timeout,
            verify=self._verify,
        )

    # -- options -----------------------------------------------------------------------------

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of each request (``timeout=`` of the client or of `with_options`)."""
        return self._options.timeout

    @property
    def max_retries(self) -> int:
        """How many times a request that is safe to repeat is retried."""
        return self._options.max_retries

    def _configure(self, options: RequestOptions) -> None:
        """Set the options, and the headers every request then carries."""
        self._options = options
        self._headers = {"Accept": "application/json", **options.headers}
        if self._api_key and not callable(self._api_key):
            self._headers["Authorization"] = f"Bearer {self._api_key}"

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A client with other settings that shares this one's connection pool."""
        options = self._options
        if not isinstance(timeout, NotGiven):
            options = replace(options, timeout=make_timeout(timeout))
        if not isinstance(max_retries, NotGiven):
            if not isinstance(max_retries, int) or max_retries < 0:
                raise ValueError(f"max_retries must be an int >= 0, got {max_retries!r}")
            options = replace(options, max_retries=max_retries)
        if not isinstance(headers, NotGiven) and headers:
            options = replace(options, headers={**options.headers, **headers})
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._configure(options)
        clone._owns_http = False  # closing the copy must not close the shared pool
        return clone

    # -- requests ----------------------------------------------------------------------------

    def _build_request(
        self,
        parts: Mapping[str, Any],
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Request:
        """The one place that turns a generated ``build()`` result into an ``httpx.Request``.

        ``extra_*`` are the escape hatches for a server newer than the spec: more query
        parameters, body fields and headers than the generated method knows.
        """
        params = parts.get("params")
        if extra_query:
            params = {**(params or {}), **extra_query}
        body = parts.get("json")
        if extra_body:
            if body is not None and not isinstance(body, dict):
                raise TypeError("extra_body needs a request whose body is a JSON object")
            body = {**(body or {}), **extra_body}
        headers = {**self._headers, **extra_headers} if extra_headers else self._headers
        if callable(self._api_key):  # the current credential, asked for each request
            headers = {**headers, "Authorization": f"Bearer {self._credential()}"}
        return self._http.build_request(
            parts["method"],
            self.base_url + parts["url"],
            params=params,
            json=body,
            headers=headers,
            timeout=self._options.timeout,
        )

    def _credential(self) -> str | None:
        """The API key or JWT the next request carries (a callable ``api_key`` is called)."""
        key = self._api_key
        if callable(key):
            return check_credential(key(), "api_key()")
        return key

    def _retry_allowed(self, request: httpx.Request, idempotent: bool | None) -> bool:
        if idempotent is not None:
            return idempotent
        return request.method in IDEMPOTENT_METHODS

    def _retry_delay(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None when it should not be made."""
        if response is not None:
            retry_after = parse_retry_after(response.headers)
            if retry_after is not None:
                return retry_after if retry_after <= C.MAX_RETRY_AFTER else None
        delay = min(C.INITIAL_RETRY_DELAY * 2.0**attempt, C.MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())

    def _should_retry_status(self, response: httpx.Response) -> bool:
        return response.status_code in C.RETRY_STATUS_CODES

    def _log_retry(self, request: httpx.Request, attempt: int, delay: float, why: str) -> None:
        log.info(
            "retrying %s in %.2fs (attempt %d of %d) after %s",
            where(request),
            delay,
            attempt + 2,
            self._options.max_retries + 1,
            why,
        )

    def _log_response(self, response: httpx.Response, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s -> %d (attempt %d)",
                where(response.request),
                response.status_code,
                attempt + 1,
            )

    # -- responses ---------------------------------------------------------------------------

    def _connection_error(
        self, exc: httpx.TransportError, request: httpx.Request, attempts: int
    ) -> APIConnectionError:
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if kind is APITimeoutError else "failed"
        return kind(
            f"{where(request)} {what} after {attempts} attempt(s): {type(exc).__name__}: {exc}",
            request=request,
            attempts=attempts,
        )

    def _status_error(self, response: httpx.Response, attempts: int) -> APIStatusError:
        """Build the exception for an error answer (its body must have been read)."""
        try:
            body: Any = loads(response.content)
        except Exception:
            body = response.text
        detail = body.get("detail", body) if isinstance(body, dict) else body
        status = response.status_code
        reason = response.reason_phrase or "error"
        shown = detail if isinstance(detail, str) else _short_json(detail)
        message = f"{status} {reason}: {shown} ({where(response.request)})"
        authorization = response.request.headers.get("Authorization", "")
        if status == 401:
            message += expired_jwt_note(authorization)
        elif status == 403 and authorization.startswith("Bearer sk-"):
            message += (
                "; the server may let API keys reach only some routes "
                "(ENABLE_API_KEYS_ENDPOINT_RESTRICTIONS, API_KEYS_ALLOWED_ENDPOINTS)"
            )
        if attempts > 1:
            message += f" after {attempts} attempts"
        return status_error_class(status)(
            message, response=response, body=body, detail=detail, attempts=attempts
        )

    def _parse(self, response: httpx.Response, parser: Parser[T]) -> T:
        try:
            result = parser(decode_json(response))
        except APIResponseValidationError as exc:
            if exc.response is None:
                exc.response = response
                exc.args = (f"{exc.args[0]} ({where(response.request)})",)
            raise
        return result

    def _other_answer(self, response: httpx.Response, kind: str) -> APIResponseValidationError:
        """A completion answered in another kind than the one asked for (see `_complete`)."""
        asked = {
            "stream": "server-sent events (stream=True)",
            "task": "a background task's answer (background=True)",
            "answer": "a single JSON answer (stream=True for events)",
        }[kind]
        if is_event_stream(response):
            got = "server-sent events"
        else:
            got = f"JSON {response.content[:200].decode('utf-8', 'replace')!r}"
        return APIResponseValidationError(
            f"expected {asked} from {where(response.request)}, got {got}; "
            "a model's stream_response parameter overrides the stream asked for",
            response=response,
        )

    def _wrap(self, response: httpx.Response, value: T) -> T:
        return cast(T, APIResponse(response, value)) if self._raw else value


#: The stream of every response read whole (see `unbound`).
_READ = httpx.ByteStream(b"")


def unbound(response: httpx.Response) -> httpx.Response:
    """A response read whole, its stream let go. httpx binds a response and its stream to each
    other, so without this every response, its body and its request's body would live until the
    cyclic garbage collector ran: a long import would hold many batches at once."""
    response.stream = _READ
    return response


def check_credential(value: object, name: str) -> str:
    """An API key or JWT: a non-empty string (its value is never shown)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {type(value).__name__}")
    return value


def expired_jwt_note(authorization: str) -> str:
    """For a 401: say so when the credential sent was a JWT past its ``exp`` (read from the
    token itself; Open WebUI answers "Invalid token" for an expired and a forged one alike)."""
    token = authorization.removeprefix("Bearer ").strip()
    parts = token.split(".")
    if len(parts) != 3:
        return ""
    import base64

    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        expires = float(payload["exp"])
    except (ValueError, KeyError, TypeError):
        return ""
    ago = time.time() - expires
    if ago < 0:
        return ""
    return (
        f"; the JWT sent expired {ago:.0f}s ago: give the client a fresh one "
        "(api_key= may be a callable that returns the current credential)"
    )


def time_sleep(seconds: float) -> None:
    """The sync transport's wait between attempts."""
    time.sleep(seconds)


async def asyncio_sleep(seconds: float) -> None:
    """The async transport's wait between attempts."""
    import asyncio  # here, so that programs using only ChatsClient never import asyncio

    await asyncio.sleep(seconds)


def raw_method(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Type a method of a raw-mode client (``_raw = True``) as what it then returns."""
    return cast(Callable[P, APIResponse[T]], method)


def async_raw_method(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    """`raw_method` for coroutine methods."""
    return cast(Callable[P, Awaitable[APIResponse[T]]], method)


def parse_retry_after(headers: httpx.Headers) -> float | None:
    """Seconds from ``Retry-After`` (or ``retry-after-ms``), or None."""
    value = headers.get("retry-after-ms")
    if value:
        try:
            return max(float(value) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


def _short_json(value: Any, limit: int = 500) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."
