"""A production-shaped Open WebUI on loopback: PostgreSQL, Redis, two instances, nginx with TLS.

As the server's documentation runs it when one process is not enough: a private PostgreSQL
cluster (``initdb`` into a temporary folder, ``postgres`` on a free port), a Redis server for the
task registry and the Socket.IO channel, two Open WebUI instances sharing them (the same
``DATABASE_URL``, ``REDIS_URL``, ``WEBUI_SECRET_KEY`` and ``DATA_DIR``; the second started once
the first has run the migrations), and nginx in front, round-robin (each request may land on
either instance, and a stopped instance keeps its turn: its requests fail with 502), terminating
TLS with a certificate from a CA made here. ``GET /api/v1/chats/pinned`` is limited to one
request a second (429 with ``Retry-After: 1``), as a rate limit in front of a server is.

    python scripts/deployment.py run [VERSION]            # start, seed, print URL, key, CA file
    python scripts/deployment.py run --no-redis [VERSION]  # the instances share no tasks

``Deployment`` is the same as a context manager (``tests/cluster/`` uses it). Debian's
``redis-server`` and ``nginx`` are installed when missing (as root, with ``apt-get``); PostgreSQL
15's server binaries are taken from ``/usr/lib/postgresql/15/bin`` (Debian's ``postgresql``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import httpx
from localserver import (
    OPENWEBUI_VERSION,
    LocalServer,
    Seed,
    _die_with_parent,
    _log,
    free_port,
    seed,
)

PG_BIN = Path(os.environ.get("OWUI_PG_BIN", "/usr/lib/postgresql/15/bin"))
DEBIAN_PACKAGES = {"redis-server": "redis-server", "nginx": "nginx"}
START_DEADLINE = 120.0


def ensure_packages() -> None:
    """Install Debian's redis-server and nginx when they are missing (as root)."""
    missing = [pkg for command, pkg in DEBIAN_PACKAGES.items() if not _which(command)]
    if not (PG_BIN / "initdb").exists():
        missing.append("postgresql")
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise RuntimeError(
            f"missing: {', '.join(missing)}; install Debian's packages (apt-get install "
            f"{' '.join(missing)})"
        )
    _log(f"installing Debian packages: {', '.join(missing)} (about a minute)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", *missing], check=True, env=env, capture_output=True
    )


def _which(command: str) -> str | None:
    return shutil.which(command) or shutil.which(command, path="/usr/sbin:/usr/bin:/sbin:/bin")


class Deployment:
    """PostgreSQL, Redis (unless ``redis=False``), ``instances`` Open WebUIs and nginx with TLS.

    ``base_url`` is nginx's ``https://127.0.0.1:PORT``; ``ca_file`` the CA that signed its
    certificate; ``instance_urls`` each instance's own plain ``http://`` address (for tests
    that stop one, or reload its models).
    """

    def __init__(
        self,
        version: str | None = None,
        *,
        redis: bool = True,
        instances: int = 2,
        env: dict[str, str] | None = None,
    ) -> None:
        self.version = version or OPENWEBUI_VERSION
        self.redis = redis
        self.root = Path(tempfile.mkdtemp(prefix="owui-deploy-"))
        self.data_dir = self.root / "data"
        self.extra_env = dict(env or {})
        self.pg_port, self.redis_port, self.https_port = free_port(), free_port(), free_port()
        self.instances = [
            LocalServer(data_dir=self.data_dir, version=self.version) for _ in range(instances)
        ]
        for number, server in enumerate(self.instances):
            server.log_path = self.root / f"instance-{number}.log"
        self.base_url = f"https://127.0.0.1:{self.https_port}"
        self.ca_file = self.root / "tls" / "ca.pem"
        self.seed: Seed | None = None
        self._procs: list[subprocess.Popen[bytes]] = []
        self.keep = False

    @property
    def instance_urls(self) -> list[str]:
        return [server.base_url for server in self.instances]

    # -- the parts ---------------------------------------------------------------------------

    def _postgres(self) -> None:
        pg = self.root / "pg"
        pg.mkdir()
        self.root.chmod(0o755)  # the postgres user reaches its folder through it
        shutil.chown(pg, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [
                *as_postgres,
                str(PG_BIN / "initdb"),
                "-D",
                str(pg / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        # postgres itself, as a child of this process (not daemonized by pg_ctl), so that it
        # ends with it even when this process is killed
        self._spawn(
            [
                str(PG_BIN / "postgres"),
                "-D",
                str(pg / "data"),
                "-p",
                str(self.pg_port),
                "-k",
                str(pg),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=200",
            ],
            pg / "server.log",
            user="postgres" if os.geteuid() == 0 else None,
        )
        deadline = time.monotonic() + 30
        while subprocess.run(
            [str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.pg_port), "-q"],
            check=False,
        ).returncode:
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start; see {pg / 'server.log'}")
            time.sleep(0.1)
        subprocess.run(
            [
                *as_postgres,
                _which("psql") or "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.pg_port),
                "-U",
                "postgres",
                "-c",
                "CREATE DATABASE openwebui",
            ],
            check=True,
            capture_output=True,
            text=True,
        )

    def _redis(self) -> None:
        self._spawn(
            [
                _which("redis-server") or "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            self.root / "redis.log",
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                import socket

                with socket.create_connection(("127.0.0.1", self.redis_port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not answer PING")

    def _tls(self) -> None:
        tls = self.root / "tls"
        tls.mkdir()
        run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)  # noqa: E731
        run(
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=owui-chats-client test CA",
            "-keyout",
            str(tls / "ca.key"),
            "-out",
            str(self.ca_file),
        )
        run(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(tls / "server.key"),
            "-out",
            str(tls / "server.csr"),
        )
        (tls / "ext.cnf").write_text(
            "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
            "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\n"
        )
        run(
            "x509",
            "-req",
            "-in",
            str(tls / "server.csr"),
            "-CA",
            str(self.ca_file),
            "-CAkey",
            str(tls / "ca.key"),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            str(tls / "ext.cnf"),
            "-out",
            str(tls / "server.pem"),
        )

    def _nginx(self) -> None:
        conf = self.root / "nginx"
        (conf / "logs").mkdir(parents=True)
        # max_fails=0: a stopped instance keeps its turn (as behind a balancer that has not
        # noticed yet), and with proxy_next_upstream off its requests fail (502) to the client
        hosts = [url.removeprefix("http://") for url in self.instance_urls]
        upstream = "\n".join(f"        server {host} max_fails=0;" for host in hosts)
        (conf / "nginx.conf").write_text(
            textwrap.dedent(
                f"""\
                worker_processes 1;
                error_log {conf}/logs/error.log warn;
                pid {conf}/nginx.pid;
                events {{ worker_connections 1024; }}
                http {{
                    log_format upstream '$request_method $uri $status $upstream_addr';
                    access_log {conf}/logs/access.log upstream;
                    client_body_temp_path {conf}/body;
                    proxy_temp_path {conf}/proxy;
                    fastcgi_temp_path {conf}/fastcgi;
                    uwsgi_temp_path {conf}/uwsgi;
                    scgi_temp_path {conf}/scgi;
                    client_max_body_size 512m;
                    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
                    limit_req_zone $binary_remote_addr zone=pinned:1m rate=1r/s;
                    upstream openwebui {{
                {upstream}
                        keepalive 32;
                    }}
                    server {{
                        listen 127.0.0.1:{self.https_port} ssl;
                        ssl_certificate {self.root}/tls/server.pem;
                        ssl_certificate_key {self.root}/tls/server.key;
                        proxy_http_version 1.1;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-Proto https;
                        proxy_read_timeout 600s;
                        proxy_buffering off;
                        proxy_next_upstream off;
                        location /ws/ {{
                            proxy_pass http://openwebui;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection $connection_upgrade;
                        }}
                        location = /api/v1/chats/pinned {{
                            limit_req zone=pinned;
                            limit_req_status 429;
                            add_header Retry-After 1 always;
                            proxy_pass http://openwebui;
                            proxy_set_header Connection "";
                        }}
                        location / {{
                            proxy_pass http://openwebui;
                            proxy_set_header Connection "";
                        }}
                    }}
                }}
                """
            )
        )
        nginx = _which("nginx") or "nginx"
        self._spawn(
            [nginx, "-p", str(conf), "-c", str(conf / "nginx.conf"), "-g", "daemon off;"],
            conf / "logs" / "stdout.log",
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(
                    f"{self.base_url}/health", verify=str(self.ca_file), timeout=2
                ).is_success:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"nginx did not answer; see {conf}/logs/error.log")

    def _spawn(self, command: list[str], log: Path, *, user: str | None = None) -> None:
        """Start a server that ends with this process (as ``user``, when given)."""

        def prepare() -> None:
            if user is not None:
                import pwd

                account = pwd.getpwnam(user)
                os.setgroups([])
                os.setgid(account.pw_gid)
                os.setuid(account.pw_uid)
            _die_with_parent()  # after the change of user, which would clear it

        with open(log, "ab") as out:
            self._procs.append(
                subprocess.Popen(
                    command,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                    preexec_fn=prepare,
                )
            )

    def instance_env(self) -> dict[str, str]:
        env = {
            "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:{self.pg_port}/openwebui",
            "WEBUI_SECRET_KEY": "owui-chats-client-deployment",
            **self.extra_env,
        }
        if self.redis:
            env.update(
                REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
                WEBSOCKET_MANAGER="redis",
                WEBSOCKET_REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
                ENABLE_WEBSOCKET_SUPPORT="true",
            )
        return env

    # -- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        try:
            self._start()
        except subprocess.CalledProcessError as exc:
            raise RuntimeError(
                f"{' '.join(map(str, exc.cmd))} failed ({exc.returncode}): "
                f"{(exc.stderr or exc.stdout or '').strip()[-2000:]}"
            ) from None

    def _start(self) -> None:
        ensure_packages()
        self.data_dir.mkdir()
        self._postgres()
        if self.redis:
            self._redis()
        self._tls()
        env = self.instance_env()
        for server in self.instances:  # one after the other: the first runs the migrations
            server.extra_env = env
            server.start()
        self._nginx()

    def __enter__(self) -> Deployment:
        try:
            self.start()
            self.seed = seed(self.base_url, verify=str(self.ca_file))
            self.reload_models()
        except BaseException:
            self.cleanup()
            raise
        return self

    def upstreams_used(self) -> list[str]:
        """The instance (``host:port``) that served each request nginx has passed so far."""
        log = self.root / "nginx" / "logs" / "access.log"
        lines = log.read_text().splitlines() if log.exists() else []
        return [line.split()[-1] for line in lines if line.split()[-1] != "-"]

    def reload_models(self) -> None:
        """Have every instance read the models again (``GET /api/models`` on each): a function
        made through one instance is "Model not found" on the others until they do."""
        assert self.seed is not None
        headers = {"Authorization": f"Bearer {self.seed.admin_token}"}
        for url in self.instance_urls:
            httpx.get(f"{url}/api/models", headers=headers, timeout=60).raise_for_status()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()

    def cleanup(self) -> None:
        for server in self.instances:
            server.stop()
        for proc in self._procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)  # PostgreSQL's fast shutdown; others stop too
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if not args or args[0] != "run" or len(args) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with Deployment(*args[1:], redis="--no-redis" not in argv) as deployment:
        assert deployment.seed is not None
        print(f"export OPENWEBUI_BASE_URL={deployment.base_url}")
        print(f"export OPENWEBUI_API_KEY={deployment.seed.api_key}")
        print(f"export SSL_CERT_FILE={deployment.ca_file}")
        _log(
            f"Open WebUI {deployment.version}: {len(deployment.instances)} instances "
            f"({', '.join(deployment.instance_urls)}) behind nginx at {deployment.base_url}; "
            f"{'with' if deployment.redis else 'without'} Redis; press Ctrl-C to stop"
        )
        with contextlib.suppress(KeyboardInterrupt):
            while all(server.running for server in deployment.instances):
                time.sleep(1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
