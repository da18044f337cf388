"""A real Open WebUI on loopback for the demo, the live tests and the benchmark.

``LocalServer`` installs the pinned Open WebUI into a cached virtual environment (once per
version), starts it on a free port with a fresh SQLite ``DATA_DIR``, waits for ``/health`` and
seeds it (admin, API key, a second user, a folder, an echo model, an action and a global filter).

Command line::

    python scripts/localserver.py install [VERSION ...]  # only build the cached environments
    python scripts/localserver.py run [VERSION]          # start, seed, print the env, wait

The install (about 3 GB, 2-4 minutes) reports each step with its expected size and time and shows
the elapsed time while it runs; a failed step is named with the command to retry, and the partial
environment is removed.

Environment: ``OWUI_SERVER_VERSION`` (the release), ``OWUI_CHATS_CLIENT_CACHE`` (where
environments are cached), ``OWUI_SERVER_TORCH`` (the torch requirement installed first; empty to
let pip choose), ``OWUI_PROGRESS_EVERY`` (seconds between progress lines when stderr is not a
terminal), ``OWUI_SERVER_LOG_LEVEL`` (the server's log level; the log is ``DATA_DIR/server.log``),
``OWUI_SERVER_AS_RELEASED=1`` (start ``open-webui serve`` without the launcher's one change, see
``SERVER_LAUNCHER``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

#: The reference release, the newest with a stored document (scripts/releases/);
#: ``OWUI_SERVER_VERSION`` picks another for the whole run.
REFERENCE_VERSION = sorted(
    (p.stem for p in (Path(__file__).resolve().parent / "releases").glob("*.json")),
    key=lambda v: tuple(int(n) for n in v.split(".")),
)[-1]
OPENWEBUI_VERSION = os.environ.get("OWUI_SERVER_VERSION", REFERENCE_VERSION)
CACHE_DIR = Path(
    os.environ.get("OWUI_CHATS_CLIENT_CACHE", Path.home() / ".cache" / "owui-chats-client")
)
START_DEADLINE = float(os.environ.get("OWUI_SERVER_START_DEADLINE", "240"))

# CPU build of torch; without it pip pulls a multi-GB CUDA build that the chats API never uses.
TORCH_PIN = "torch==2.13.0"

# Open WebUI 0.12.4 (open_webui/internal/db.py) keeps a database connection in its pool when the
# request using it is cancelled mid-query, as when a client closes `GET /api/v1/chats/all` early.
# The query's statement is left open, so in WAL mode that connection keeps reading the database
# as it was: requests that draw it from the pool do not see rows written since (a chat just made
# is reported missing: 401 on its routes, 404 on stop and delete) until the garbage collector
# finalizes the statement. The launcher
# starts the server as `open-webui serve` does, less that listener, so such a connection is
# discarded (SQLAlchemy's default). OWUI_SERVER_AS_RELEASED=1 runs `open-webui serve` unchanged.
SERVER_LAUNCHER = """
import sys
from sqlalchemy import event
from open_webui.internal import db
keep = getattr(db, "_keep_connection_on_cancel", None)
if keep is not None:
    event.remove(db.async_engine.sync_engine, "handle_error", keep)
from open_webui import app
sys.argv[0] = "open-webui"
sys.exit(app())
"""

ECHO_MODEL = "echo"
SLOW_ECHO_MODEL = "slowecho"
ODD_MODEL = "oddshapes"
ACTION_ID = "echoaction"
FILTER_ID = "suffixfilter"
FILTER_SUFFIX = " [filtered]"

ECHO_PIPE = '''
import asyncio


class Pipe:
    """Answers with the last user message, prefixed by "echo: "."""

    DELAY = {delay}

    def pipe(self, body: dict):
        messages = body.get("messages") or []
        text = ""
        for message in reversed(messages):
            if message.get("role") == "user":
                content = message.get("content")
                text = content if isinstance(content, str) else str(content)
                break
        answer = "echo: " + text
        if not body.get("stream"):
            return answer

        async def chunks():
            # An async generator: Open WebUI iterates a plain generator on its event loop, so a
            # blocking sleep there would freeze the whole server (and any write it has in flight,
            # which then makes other writers fail with "database is locked").
            words = answer.split(" ")
            for index, word in enumerate(words):
                if self.DELAY:
                    await asyncio.sleep(self.DELAY)
                yield word if index == 0 else " " + word

        return chunks()
'''

# Streams events of the shapes backends and pipe functions send besides OpenAI chunks.
ODD_PIPE = """
class Pipe:
    def pipe(self, body: dict):
        if not body.get("stream"):
            return "odd shapes"

        def events():
            yield {"sources": [{"source": {"name": "doc"}, "document": ["text"]}]}
            yield {"selected_model_id": "oddshapes"}
            yield {"choices": [{"delta": {"content": "odd "}}]}
            yield {"id": "o1", "choices": [{"index": 0, "delta": {"content": "shapes"}}], "more": 1}
            yield {"usage": {"prompt_tokens": 1, "completion_tokens": 2}}

        return events()
"""

ACTION = """
class Action:
    async def action(self, body: dict, __user__=None, __event_emitter__=None):
        return {"action": "echoaction", "model": body.get("model"),
                "messages": len(body.get("messages") or [])}
"""

FILTER = f"""
class Filter:
    def outlet(self, body: dict, __user__=None) -> dict:
        for message in body.get("messages") or []:
            if message.get("role") == "assistant" and isinstance(message.get("content"), str):
                message["content"] = message["content"] + {FILTER_SUFFIX!r}
        return body
"""


def _log(message: str) -> None:
    print(f"[localserver] {message}", file=sys.stderr, flush=True)


def server_venv(version: str = OPENWEBUI_VERSION) -> Path:
    return CACHE_DIR / f"server-{version}"


class InstallError(RuntimeError):
    """A step of the one-time server install failed; the message names it and how to retry."""


def _dir_size(path: Path) -> int:
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(folder, name)).st_size
    return total


def _human(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit in ("B", "KB") else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


@contextlib.contextmanager
def progress(what: str, expected: str, *, grows: Path | None = None) -> Iterator[None]:
    """Announce a long step, show its elapsed time while it runs, and how it ended.

    On a terminal one line is rewritten every second; otherwise (CI logs, pipes) a line is
    printed every ``OWUI_PROGRESS_EVERY`` seconds (10). With ``grows``, the size of that folder
    is shown too, as a sign of progress.
    """
    tty = sys.stderr.isatty()
    every = 1.0 if tty else float(os.environ.get("OWUI_PROGRESS_EVERY", "10"))
    _log(f"{what} ({expected})...")
    start = time.monotonic()
    done = threading.Event()

    sized_at, size = [-1e9], [""]  # the folder's size, refreshed at most every 10 s

    def status() -> str:
        now = time.monotonic()
        elapsed = f"{now - start:.0f}s"
        if grows is None:
            return elapsed
        if now - sized_at[0] >= 10:  # walking a 3 GB tree costs about a second of CPU
            sized_at[0], size[0] = now, f"{_human(_dir_size(grows))} so far"
        return f"{elapsed}, {size[0]}"

    def tick() -> None:
        while not done.wait(every):
            line = f"[localserver]   ... {what}: {status()}"
            if tty:
                print(f"\r\x1b[K{line}", end="", file=sys.stderr, flush=True)
            else:
                print(line, file=sys.stderr, flush=True)

    ticker = threading.Thread(target=tick, name="install-progress", daemon=True)
    ticker.start()
    ok = False
    try:
        yield
        ok = True
    finally:
        done.set()
        ticker.join()
        if tty:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)
        _log(f"{what}: {'done' if ok else 'FAILED'} after {time.monotonic() - start:.0f}s")


def _pip(command: list[str], requirement: str) -> tuple[int, str]:
    """Run pip; its exit code and output, less the notes this machine's pip prints about mirrors."""
    result = subprocess.run([*command, requirement], capture_output=True, text=True)
    lines = (result.stdout + result.stderr).splitlines()
    return result.returncode, "\n".join(x for x in lines if not x.startswith("WARNING: Location"))


@contextlib.contextmanager
def _install_lock(venv: Path) -> Iterator[None]:
    """One install at a time per cached environment (other test runs may start one too)."""
    import fcntl

    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / f".{venv.name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            with progress(f"waiting for another process installing into {venv}", "up to 5 min"):
                fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_installed(version: str = OPENWEBUI_VERSION) -> Path:
    """Install Open WebUI ``version`` into its cached environment unless a complete one is there.

    The environment is marked complete (``.complete``) only after every step succeeded; a failed
    step removes the partial environment and raises `InstallError`, naming the step and how to
    retry.
    """
    venv = server_venv(version)
    marker = venv / ".complete"
    exe = venv / "bin" / "open-webui"
    if marker.exists() and exe.exists():
        return exe
    with _install_lock(venv):
        if marker.exists() and exe.exists():  # another process finished it meanwhile
            return exe
        _install(venv, version)
        marker.write_text(version)
    return exe


def _install(venv: Path, version: str) -> None:
    retry = (
        f"retry with `python scripts/localserver.py install {version}` (or rerun the command; "
        f"the install starts over in {venv})"
    )
    _log(
        f"Open WebUI {version} is not installed yet: one-time install into {venv}, "
        "about 3 GB on disk and 2-4 minutes (downloads most of it; reused afterwards)"
    )
    if venv.exists():
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)

    def fail(step: str, detail: str) -> InstallError:
        shutil.rmtree(venv, ignore_errors=True)
        tail = "\n".join(line[:400] for line in detail.strip().splitlines()[-25:])
        return InstallError(
            f"installing Open WebUI {version} failed at step '{step}'; the partial "
            f"environment was removed; {retry}.\n{tail}".rstrip()
        )

    step = "create the virtual environment"
    with progress(f"1/3 {step}", "a few seconds"):
        made = subprocess.run(
            [sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True
        )
        if made.returncode != 0:
            raise fail(step, made.stdout + made.stderr)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # Prefer the CPU torch build; fall back to whatever the resolver picks.
    torch = os.environ.get("OWUI_SERVER_TORCH", TORCH_PIN)
    if torch:
        with progress(f"2/3 pip install {torch} (CPU build)", "about 1 GB, 1-2 min", grows=venv):
            code, output = _pip(pip, torch)
        if code != 0:
            _log(f"{torch} not available ({output.strip()[-200:]}); pip will choose torch")
    else:
        _log("2/3 skipped: OWUI_SERVER_TORCH is empty, pip chooses torch")
    step = f"pip install open-webui=={version}"
    with progress(f"3/3 {step}", "about 2 GB, 1-3 min", grows=venv):
        code, output = _pip(pip, f"open-webui=={version}")
        if code != 0:
            raise fail(step, output)
        if not (venv / "bin" / "open-webui").exists():
            raise fail(step, "pip succeeded but bin/open-webui is missing")
    _log(f"Open WebUI {version} installed ({_human(_dir_size(venv))})")


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the process that started the server dies (Linux)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Seed:
    """What the SDK and the tests need to talk to a seeded server."""

    base_url: str
    api_key: str
    admin_token: str
    admin_id: str
    user_api_key: str
    user_token: str
    user_id: str
    folder_id: str
    echo_model: str = ECHO_MODEL
    slow_echo_model: str = SLOW_ECHO_MODEL
    action_id: str = ACTION_ID
    filter_id: str = FILTER_ID
    extra: dict[str, Any] = field(default_factory=dict)
    #: The CA file of an https server's certificate (a `deployment.Deployment`), else None.
    ca_file: str | None = None

    def env(self) -> dict[str, str]:
        return {"OPENWEBUI_BASE_URL": self.base_url, "OPENWEBUI_API_KEY": self.api_key}

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


class LocalServer:
    """One Open WebUI process on loopback; restartable on the same port and data."""

    def __init__(
        self, port: int | None = None, data_dir: Path | None = None, *, version: str | None = None
    ) -> None:
        self.version = version or OPENWEBUI_VERSION
        self.port = port or free_port()
        self._own_dir = data_dir is None
        self.data_dir = data_dir or Path(tempfile.mkdtemp(prefix="owui-data-"))
        self.log_path = self.data_dir / "server.log"
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._proc: subprocess.Popen[bytes] | None = None
        self.seed: Seed | None = None
        # Set to keep the data directory (database and server.log) after `cleanup`, for
        # instance when a test run failed and its server log has to be read.
        self.keep_data = False
        #: More environment for the server (a database, Redis...), over the defaults.
        self.extra_env: dict[str, str] = {}

    def log_tail(self, lines: int = 80) -> str:
        """The last ``lines`` lines of the server log (empty when there is none yet)."""
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENWEBUI_")}
        env.update(
            DATA_DIR=str(self.data_dir),
            WEBUI_SECRET_KEY="owui-chats-client-local",
            ENABLE_OLLAMA_API="false",
            ENABLE_OPENAI_API="false",
            OFFLINE_MODE="true",
            HF_HUB_OFFLINE="1",
            RAG_EMBEDDING_MODEL_AUTO_UPDATE="false",
            ENABLE_VERSION_UPDATE_CHECK="false",
            ENABLE_API_KEYS="true",
            # No embedding model is needed for chats; 0.9 refuses to start offline without one,
            # so every release gets a remote engine on a closed loopback port (never called).
            RAG_EMBEDDING_ENGINE="openai",
            RAG_OPENAI_API_BASE_URL="http://127.0.0.1:9/v1",
            RAG_OPENAI_API_KEY="unused",
            ENV="dev",
            GLOBAL_LOG_LEVEL=os.environ.get("OWUI_SERVER_LOG_LEVEL", "WARNING"),
            PYTHONUNBUFFERED="1",
            # what `open-webui serve` sets before the launcher's early import reads it
            FROM_INIT_PY="true",
        )
        env.update(self.extra_env)
        return env

    @staticmethod
    def _serve_command(exe: Path) -> list[str]:
        if os.environ.get("OWUI_SERVER_AS_RELEASED") == "1":
            return [str(exe), "serve"]
        return [str(exe.parent / "python"), "-c", SERVER_LAUNCHER, "serve"]

    def start(self) -> None:
        exe = ensure_installed(self.version)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self._proc = subprocess.Popen(
                [*self._serve_command(exe), "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=self.data_dir,
                env=self._env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_DEADLINE
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                self._fail(f"exited with code {self._proc.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base_url}/health", timeout=2).status_code == 200:
                    return
            time.sleep(0.5)
        self._fail(f"did not answer /health within {START_DEADLINE:.0f}s")

    def _fail(self, why: str) -> None:
        tail = self.log_path.read_text(errors="replace")[-6000:] if self.log_path.exists() else ""
        self.stop()
        raise RuntimeError(f"Open WebUI {why}; last lines of {self.log_path}:\n{tail}")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def cleanup(self) -> None:
        self.stop()
        if self._own_dir and not self.keep_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> LocalServer:
        try:
            self.start()
            self.seed = seed(self.base_url)
        except BaseException:
            self.cleanup()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def _check(response: httpx.Response) -> Any:
    if response.status_code >= 400:
        raise RuntimeError(
            f"seeding failed: {response.request.method} {response.request.url.path} "
            f"-> {response.status_code} {response.text[:500]}"
        )
    return response.json()


def _signup_or_signin(http: httpx.Client, name: str, email: str, password: str) -> dict[str, Any]:
    body = {"name": name, "email": email, "password": password}
    response = http.post("/api/v1/auths/signup", json=body)
    if response.status_code >= 400:
        response = http.post("/api/v1/auths/signin", json={"email": email, "password": password})
    result: dict[str, Any] = _check(response)
    return result


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _create_function(http: httpx.Client, token: str, fid: str, name: str, content: str) -> None:
    form = {
        "id": fid,
        "name": name,
        "content": textwrap.dedent(content),
        "meta": {"description": f"owui-chats-client test fixture: {name}"},
    }
    _check(http.post("/api/v1/functions/create", json=form, headers=_bearer(token)))
    _check(http.post(f"/api/v1/functions/id/{fid}/toggle", headers=_bearer(token)))


def enable_user_api_keys(http: httpx.Client, admin_token: str) -> None:
    """Let ordinary users create API keys (the default permission ``features.api_keys`` is off)."""
    permissions = _check(
        http.get("/api/v1/users/default/permissions", headers=_bearer(admin_token))
    )
    if permissions.get("features", {}).get("api_keys"):
        return
    permissions.setdefault("features", {})["api_keys"] = True
    _check(
        http.post(
            "/api/v1/users/default/permissions", json=permissions, headers=_bearer(admin_token)
        )
    )


def add_user(
    base_url: str,
    admin_token: str,
    *,
    name: str = "Fresh User",
    role: str = "user",
    verify: str | bool = True,
) -> dict[str, str]:
    """A new user with a unique email: ``{"id", "email", "password", "token", "api_key"}``.

    The admin adds it (``POST /api/v1/auths/add``); its API key comes from its own token, which
    works once `seed` has let users create keys.
    """
    email = f"user-{uuid.uuid4().hex[:12]}@example.com"
    password = f"owui-{uuid.uuid4().hex[:16]}-Aa1!"
    form = {"name": name, "email": email, "password": password, "role": role}
    with httpx.Client(base_url=base_url, timeout=60, verify=verify) as http:
        user = _check(http.post("/api/v1/auths/add", json=form, headers=_bearer(admin_token)))
        key = _check(http.post("/api/v1/auths/api_key", headers=_bearer(user["token"])))
    return {
        "id": user["id"],
        "email": email,
        "password": password,
        "token": user["token"],
        "api_key": key["api_key"],
    }


def sign_in(
    base_url: str, email: str, password: str, *, verify: str | bool = True
) -> dict[str, Any]:
    """``POST /api/v1/auths/signin``: the user, with a fresh ``token`` (JWT)."""
    with httpx.Client(base_url=base_url, timeout=60, verify=verify) as http:
        result: dict[str, Any] = _check(
            http.post("/api/v1/auths/signin", json={"email": email, "password": password})
        )
    return result


def seed(base_url: str, *, verify: str | bool = True) -> Seed:
    """Create the admin, an API key, a second user, a folder and the test functions
    (``verify``: the CA file of an https server's certificate)."""
    password = "owui-Local-Passw0rd!"
    with httpx.Client(base_url=base_url, timeout=60, verify=verify) as http:
        admin = _signup_or_signin(http, "Admin", "admin@example.com", password)
        admin_token = admin["token"]
        api_key = _check(http.post("/api/v1/auths/api_key", headers=_bearer(admin_token)))[
            "api_key"
        ]
        user_form = {
            "name": "Second User",
            "email": "user@example.com",
            "password": password,
            "role": "user",
        }
        added = http.post("/api/v1/auths/add", json=user_form, headers=_bearer(admin_token))
        if added.status_code >= 400:
            added = http.post(
                "/api/v1/auths/signin", json={"email": user_form["email"], "password": password}
            )
        user = _check(added)
        user_token = user["token"]
        enable_user_api_keys(http, admin_token)
        user_key_response = http.post("/api/v1/auths/api_key", headers=_bearer(user_token))
        user_api_key = (
            _check(user_key_response)["api_key"] if user_key_response.status_code < 400 else ""
        )
        folder = _check(
            http.post(
                "/api/v1/folders/",
                json={"name": f"Seed {uuid.uuid4().hex[:6]}"},
                headers=_bearer(admin_token),
            )
        )
        existing = {
            f["id"] for f in _check(http.get("/api/v1/functions/", headers=_bearer(admin_token)))
        }
        if ECHO_MODEL not in existing:
            _create_function(http, admin_token, ECHO_MODEL, "Echo", ECHO_PIPE.format(delay=0))
            _create_function(
                http, admin_token, SLOW_ECHO_MODEL, "Slow Echo", ECHO_PIPE.format(delay=0.4)
            )
            _create_function(http, admin_token, ODD_MODEL, "Odd Shapes", ODD_PIPE)
            _create_function(http, admin_token, ACTION_ID, "Echo Action", ACTION)
            _create_function(http, admin_token, FILTER_ID, "Suffix Filter", FILTER)
            _check(
                http.post(
                    f"/api/v1/functions/id/{FILTER_ID}/toggle/global", headers=_bearer(admin_token)
                )
            )
    return Seed(
        base_url=base_url,
        ca_file=verify if isinstance(verify, str) else None,
        api_key=api_key,
        admin_token=admin_token,
        admin_id=admin["id"],
        user_api_key=user_api_key,
        user_token=user_token,
        user_id=user["id"],
        folder_id=folder["id"],
    )


@contextlib.contextmanager
def running_server(version: str | None = None) -> Iterator[LocalServer]:
    with LocalServer(version=version) as server:
        yield server


def main(argv: list[str]) -> int:
    if any(arg in ("-h", "--help") for arg in argv):
        print(__doc__)
        return 0
    command = argv[0] if argv else "run"
    versions = argv[1:]
    not_releases = [v for v in versions if not re.fullmatch(r"\d+(\.\d+)+[\w.+-]*", v)]
    if not_releases:
        print(
            f"localserver.py: {not_releases[0]!r} is not a release (such as 0.12.4)",
            file=sys.stderr,
        )
        return 2
    if command == "install":
        try:
            for version in versions or [OPENWEBUI_VERSION]:
                print(ensure_installed(version))
        except InstallError as error:
            _log(str(error))
            return 1
        return 0
    if command == "run" and len(versions) <= 1:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanup below
        with running_server(*versions) as server:
            assert server.seed is not None
            for key, value in server.seed.env().items():
                print(f"export {key}={value}")
            _log("seeded; press Ctrl-C to stop")
            with contextlib.suppress(KeyboardInterrupt):
                while server.running:
                    time.sleep(1)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
