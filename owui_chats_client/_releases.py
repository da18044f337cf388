"""Which Open WebUI release a server runs, and fitting a request to it. Nothing here does I/O.

The spec marks every operation, and every query parameter and body field that came later than
its operation, with the first release that has it (``x-since``, derived from the releases' own
documents by ``scripts/releases.py``). The generated modules carry these as ``SINCE`` and
``LATER``; before a request is sent, `fit` refuses what the server's release lacks and leaves
out the spec's defaults it does not know.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Literal, NamedTuple, Protocol

import httpx

from ._exceptions import APIResponseValidationError, OpenWebUIError, UnsupportedByServerError
from ._generated.api import chats as _ops
from ._generated.api.chats import RELEASES
from ._parsing import decode_json

log = logging.getLogger("owui_chats_client")

Version = tuple[int, int, int]

#: The oldest and newest releases with a stored document: what the spec's markers know.
OLDEST, NEWEST = RELEASES[0], RELEASES[-1]


class Operation(Protocol):
    """What every generated endpoint module (``_generated/api/chats/<name>.py``) states about
    its operation; the modules themselves are passed where this is asked for."""

    @property
    def OPERATION(self) -> str: ...
    @property
    def METHOD(self) -> str: ...
    @property
    def PATH(self) -> str: ...
    @property
    def SINCE(self) -> str: ...
    @property
    def LATER(self) -> tuple[Part, ...]: ...
    @property
    def RETRY_SAFE(self) -> bool | None: ...


_VERSION = re.compile(r"v?(\d+)\.(\d+)(?:\.(\d+))?")


class NoDefault:
    """The spec gives the part no default."""

    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = NoDefault()


class Part(NamedTuple):
    """A query parameter or body field that came later than its operation."""

    since: str
    where: Literal["query", "body"]
    #: The parameter's name, or the field's path in the JSON body (``"[]"``: every item).
    path: tuple[str, ...]
    #: The spec's default: a value equal to it is left out for a release without the part.
    default: Any = NO_DEFAULT

    def label(self) -> str:
        if self.where == "query":
            return f"query parameter {self.path[0]}"
        return "field " + ".".join(self.path).replace(".[]", "[]")


def parse_version(text: str) -> Version | None:
    """``"0.10.2"`` -> ``(0, 10, 2)``; None when ``text`` names no release number."""
    match = _VERSION.match(text.strip())
    if match is None:
        return None
    major, minor, patch = match.groups()
    return int(major), int(minor), int(patch or 0)


_OLDEST = parse_version(OLDEST)


class ServerRelease:
    """The release of one client's server, shared by its `with_options` copies.

    ``version`` is what the server states (or the caller), ``None`` until it is known.
    """

    def __init__(self, stated: str | None = None, *, check: bool = True) -> None:
        if stated is not None and (not isinstance(stated, str) or not stated.strip()):
            raise ValueError(f"server_version must be a release such as '0.12.4', got {stated!r}")
        self.check = check
        self.version: str | None = None
        self.number: Version | None = None
        if stated is not None:
            self._set(stated.strip())

    def _set(self, version: str) -> None:
        self.number = parse_version(version)
        self.version = version
        if self.number is None:
            log.warning(
                "Open WebUI release %r is not a release number; every operation is sent", version
            )
        elif _OLDEST is not None and self.number < _OLDEST:
            log.warning(
                "Open WebUI %s is older than %s, the oldest release this package knows; "
                "calls may fail",
                version,
                OLDEST,
            )

    def learn(self, response: httpx.Response) -> str:
        """Read the answer of ``GET /api/version``: ``{"version": "0.10.2", ...}``."""
        data = decode_json(response)
        version = data.get("version") if isinstance(data, dict) else None
        if not isinstance(version, str) or not version.strip():
            raise APIResponseValidationError(
                f"expected {{'version': ...}} from GET /api/version, got {data!r:.200}",
                response=response,
            )
        self._set(version.strip())
        return version.strip()

    def needed(self, op: Operation, parts: dict[str, Any]) -> bool:
        """Whether sending ``parts`` of ``op`` depends on the server's release."""
        if not self.check or self.version is not None:
            return False
        if op.SINCE != OLDEST:
            return True
        return any(present(_container(parts, part), part.path) for part in op.LATER)

    def fit(self, op: Operation, parts: dict[str, Any]) -> None:
        """Refuse what the server's release lacks; leave out the defaults it does not know.

        An unknown release (not a release number) is taken as newer than every stored one.
        """
        number = self.number
        if not self.check or number is None:
            return
        version = self.version or ""
        if op.SINCE != OLDEST and number < _number(op.SINCE):
            raise UnsupportedByServerError(
                method=op.OPERATION,
                route=f"{op.METHOD} {op.PATH}",
                part=None,
                since=op.SINCE,
                server_version=version,
            )
        for part in op.LATER:
            if number < _number(part.since):
                _leave_out(_container(parts, part), part.path, part, op, version)

    def supports(self, op: Operation, part: str | None = None) -> bool:
        """Whether the release has ``op``, and its later parameter or field ``part`` (named as
        in `UnsupportedByServerError.part`, with or without its kind: ``"sort_by"``,
        ``"chats[].archived"``). An unknown release, or a client that does not check, has it."""
        number = self.number
        if not self.check or number is None:
            return True
        if op.SINCE != OLDEST and number < _number(op.SINCE):
            return False
        if part is None:
            return True
        for later in op.LATER:
            label = later.label()
            if part in (label, label.split(" ")[-1]):
                return number >= _number(later.since)
        return True


def operation(method: str) -> Operation:
    """The generated module of the operation a client method sends."""
    if method not in _ops.OPERATIONS:
        raise ValueError(f"no operation {method!r} in the spec (a client method such as 'get')")
    module: Operation = getattr(_ops, method)
    return module


def version_error(cause: Exception) -> OpenWebUIError:
    return OpenWebUIError(
        f"could not learn the server's Open WebUI release from GET /api/version ({cause}); "
        "pass server_version='X.Y.Z' to state it, or check_server_version=False to send every "
        "call as it is"
    )


_NUMBERS: dict[str, Version] = {}


def _number(since: str) -> Version:
    number = _NUMBERS.get(since)
    if number is None:
        parsed = parse_version(since)
        assert parsed is not None, since
        number = _NUMBERS[since] = parsed
    return number


def _container(parts: dict[str, Any], part: Part) -> Any:
    return parts.get("params") if part.where == "query" else parts.get("json")


def present(node: Any, path: tuple[str, ...]) -> bool:
    """Whether a JSON value holds ``path`` (``"[]"``: in any item of a list)."""
    if not path:
        return True
    head, rest = path[0], path[1:]
    if head == "[]":
        return isinstance(node, list) and any(present(item, rest) for item in node)
    return isinstance(node, dict) and head in node and present(node[head], rest)


def _leave_out(node: Any, path: tuple[str, ...], part: Part, op: Operation, version: str) -> None:
    head, rest = path[0], path[1:]
    if head == "[]":
        for item in node if isinstance(node, list) else ():
            _leave_out(item, rest, part, op, version)
        return
    if not isinstance(node, dict) or head not in node:
        return
    if rest:
        _leave_out(node[head], rest, part, op, version)
        return
    if part.default is not NO_DEFAULT and node[head] == part.default:
        del node[head]
        return
    raise UnsupportedByServerError(
        method=op.OPERATION,
        route=f"{op.METHOD} {op.PATH}",
        part=part.label(),
        since=part.since,
        server_version=version,
    )
