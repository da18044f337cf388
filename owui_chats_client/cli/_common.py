"""What the commands share: exit statuses, errors, the client, JSON, progress on stderr."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NoReturn

import httpx

from owui_chats_client import ChatsClient

# Exit statuses, documented in ``owui-chats --help`` and docs/cli.md.
OK = 0
PARTIAL = 1  # the command finished, but something was skipped or failed (each one reported)
USAGE = 2  # bad arguments, missing server URL or key (argparse uses 2 as well)
AUTH = 3  # the server refused the key (401) or the permission (403)
UNREACHABLE = 4  # no answer: refused, DNS, timeout, connection dropped
SERVER = 5  # an answer that is not Open WebUI's chats API: wrong base URL, 404, 5xx, not JSON
INPUT = 6  # the input file cannot be read or is not a chat export; --strict stop
INTERRUPTED = 130  # Ctrl-C or SIGTERM

EXIT_STATUSES = f"""\
exit status:
  {OK}    done
  {PARTIAL}    done, but some chats were skipped or failed (each one is reported on stderr)
  {USAGE}    bad arguments, or no server URL / API key
  {AUTH}    the server refused the API key (401) or the permission (403)
  {UNREACHABLE}    the server cannot be reached (refused, DNS, timeout, connection dropped)
  {SERVER}    the answer is not Open WebUI's chats API (wrong base URL, 404, 5xx, not JSON)
  {INPUT}    the input file cannot be read or is not a chat export (or --strict stopped)
  {INTERRUPTED}  interrupted; rerun the same command to finish
"""

BASE_URL_ENV = "OPENWEBUI_BASE_URL"
API_KEY_ENV = "OPENWEBUI_API_KEY"

# The request timeout of the command's clients: long enough for a big import batch.
TIMEOUT = httpx.Timeout(600.0, connect=10.0)

try:  # orjson, when installed (the 'fast' extra), parses chat exports several times faster
    import orjson

    def loads(data: bytes | str) -> Any:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            import json

            return json.loads(data)  # what orjson refuses but json accepts (NaN, big integers)

except ImportError:  # pragma: no cover - exercised where orjson is not installed
    import json

    def loads(data: bytes | str) -> Any:
        return json.loads(data)


JSON_ERRORS: tuple[type[Exception], ...] = (ValueError, UnicodeDecodeError, RecursionError)


class CommandError(Exception):
    """Ends the command with one line on stderr and an exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def fail(message: str, status: int) -> NoReturn:
    raise CommandError(message, status)


@dataclass
class Console:
    """Where the command talks: stderr, with secrets blanked out of every line."""

    quiet: bool = False
    verbose: bool = False
    secrets: tuple[str, ...] = ()
    stream: IO[str] = field(default_factory=lambda: sys.stderr)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def say(self, message: str) -> None:
        """A summary line (silenced by --quiet)."""
        if not self.quiet:
            self._write(message + "\n")

    def warn(self, message: str) -> None:
        """A problem with one item; always shown."""
        self._write(message + "\n")

    def detail(self, message: str) -> None:
        """Shown with --verbose only."""
        if self.verbose:
            self._write(message + "\n")

    def _write(self, text: str) -> None:
        self.stream.write(self.redact(text))
        self.stream.flush()

    @property
    def is_tty(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError):
            return False


def human_bytes(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(count) < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"  # pragma: no cover


class Progress:
    """A self-rewriting status line on stderr, only when stderr is a terminal and not --quiet."""

    def __init__(self, console: Console, verb: str, interval: float = 0.1) -> None:
        self.console = console
        self.verb = verb
        self.enabled = console.is_tty and not console.quiet
        self.interval = interval
        self.started = time.monotonic()
        self._last = 0.0
        self._shown = False

    def update(self, chats: int, size: int, extra: str = "", force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        elapsed = max(now - self.started, 1e-6)
        line = (
            f"{self.verb} {chats:,} chats, {human_bytes(size)}, "
            f"{chats / elapsed:,.0f} chats/s, {human_bytes(size / elapsed)}/s{extra}"
        )
        self.console.stream.write("\r\x1b[K" + line)
        self.console.stream.flush()
        self._shown = True

    def done(self) -> None:
        if self._shown:
            self.console.stream.write("\r\x1b[K")
            self.console.stream.flush()
            self._shown = False

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def resolve(value: str | None, env: str, what: str, option: str) -> str:
    value = value or os.environ.get(env)
    if not value:
        fail(f"no {what}: pass {option} or set {env}", USAGE)
    return value


def make_client(base_url: str, api_key: str) -> ChatsClient:
    try:
        return ChatsClient(base_url, api_key, timeout=TIMEOUT)
    except ValueError as exc:
        fail(f"bad server URL: {exc}", USAGE)


def check_stream_type(response: httpx.Response, base_url: str) -> None:
    """``GET /api/v1/chats/all`` answers NDJSON; anything else means another server or path."""
    kind = response.headers.get("content-type", "")
    if not kind.startswith(("application/x-ndjson", "application/json")):
        fail(
            f"{base_url} does not look like Open WebUI: GET /api/v1/chats/all answered "
            f"{kind or 'no content type'} instead of NDJSON (check the base URL)",
            SERVER,
        )


@contextmanager
def atomic_output(target: str) -> Iterator[IO[bytes]]:
    """A binary file that appears at ``target`` only when the block ends without error
    (written next to it and renamed); ``-`` is stdout."""
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        fail(f"cannot write {target}: {directory} is not a directory", INPUT)
    import tempfile

    try:
        fd, part = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        fail(f"cannot write in {directory}: {exc.strerror or exc}", INPUT)
    try:
        with open(fd, "wb") as handle:  # a plain file object: no wrapper call on every write
            yield handle
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise
