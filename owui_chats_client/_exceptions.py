"""The exceptions raised by the clients.

::

    OpenWebUIError
    ├── APIStatusError              the server answered with a status of 400 or more
    │   ├── BadRequestError               400
    │   ├── AuthenticationError           401 (also a chat the caller cannot see)
    │   ├── PermissionDeniedError         403
    │   ├── NotFoundError                 404
    │   ├── ConflictError                 409
    │   ├── UnprocessableEntityError      422
    │   ├── RateLimitError                429
    │   └── InternalServerError           500 and above
    ├── APIConnectionError          no answer: refused, reset, DNS, a stream cut short...
    │   └── APITimeoutError
    ├── APIResponseValidationError  an answer that is not what the API promises
    ├── APIStreamError              an error event inside a stream
    └── UnsupportedByServerError    the server's release lacks the operation or a part sent
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx


class OpenWebUIError(Exception):
    """Base class of every error raised by this package."""


class APIStatusError(OpenWebUIError):
    """The server answered with an error status.

    Attributes:
        status_code: the HTTP status.
        detail: the server's ``detail`` (a string, or for 422 the list of validation errors).
        body: the whole decoded body (or its text when it is not JSON).
        method: the HTTP method of the request that failed.
        url: the URL of the request that failed.
        attempts: how many times the request was sent.
        response: the ``httpx.Response``.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Any,
        detail: Any,
        attempts: int = 1,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code: int = response.status_code
        self.body = body
        self.detail = detail
        self.method: str = response.request.method
        self.url: str = str(response.request.url)
        self.attempts = attempts


class BadRequestError(APIStatusError):
    """400."""


class AuthenticationError(APIStatusError):
    """401: a missing, wrong or expired key, or a chat the caller may not see."""


class PermissionDeniedError(APIStatusError):
    """403."""


class NotFoundError(APIStatusError):
    """404."""


class ConflictError(APIStatusError):
    """409."""


class UnprocessableEntityError(APIStatusError):
    """422: the server rejected the request body or parameters; ``detail`` lists why."""


class RateLimitError(APIStatusError):
    """429."""


class InternalServerError(APIStatusError):
    """500 and above."""


class APIConnectionError(OpenWebUIError):
    """The request got no (complete) answer."""

    def __init__(self, message: str, *, request: httpx.Request, attempts: int = 1) -> None:
        super().__init__(message)
        self.request = request
        self.method: str = request.method
        self.url: str = str(request.url)
        self.attempts = attempts


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class APIResponseValidationError(OpenWebUIError):
    """The server answered 2xx, but with a body that does not fit the API's schema."""

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response

    @property
    def status_code(self) -> int | None:
        return self.response.status_code if self.response is not None else None


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status: the one place that maps statuses to classes."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIStatusError)


class APIStreamError(OpenWebUIError):
    """The server reported an error inside a stream that had started well.

    Attributes:
        data: the decoded error event.
    """

    def __init__(self, message: str, *, data: Any) -> None:
        super().__init__(message)
        self.data = data


class UnsupportedByServerError(OpenWebUIError):
    """The server's Open WebUI release lacks an operation, or a parameter or field that was
    passed; raised before anything is sent to that route.

    Attributes:
        method: the client method (the spec's operationId), such as ``"mark_unread"``.
        route: its HTTP method and path, such as ``"POST /api/v1/chats/{id}/unread"``.
        part: the parameter or field the server lacks (``"query parameter sort_by"``), or
            ``None`` when it lacks the whole operation.
        since: the first release that has it.
        server_version: the server's release, as it states it.
    """

    def __init__(
        self, *, method: str, route: str, part: str | None, since: str, server_version: str
    ) -> None:
        what = f"{method}() ({route})" if part is None else f"{method}(): the {part}"
        super().__init__(
            f"{what} needs Open WebUI {since} or newer; the server runs {server_version}"
        )
        self.method = method
        self.route = route
        self.part = part
        self.since = since
        self.server_version = server_version
