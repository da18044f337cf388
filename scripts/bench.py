"""Benchmark of the facade against raw httpx and owui-client 11.0.0.

Rows:
  1. per-call overhead of ``get_list`` (60 titles) through an in-process ``httpx.MockTransport``
  2. bulk read: ``get_all_db`` of many chats from a local Open WebUI
  3. streaming export: ``iter_all()`` over the same chats, time and peak memory growth
  4. concurrency: ``get(id)`` calls, 20 in flight (async) and sequential (sync)
  5. import time and memory of the package and of its client, each in a fresh process
  6. ``send_message`` (echo model) against the same steps written by hand with raw httpx

Every ratio is paired: the contenders of a row run interleaved (the one that starts rotates from
round to round), each round gives one ratio against the baseline measured in that same round,
and the table shows the median of those ratios next to the median of each contender.

Usage::

    scripts/bench             # full sizes, about 4 minutes
    scripts/bench --quick     # small sizes, about 1.5 minutes
    scripts/bench --strict    # exit 1 when a target is missed

The benchmark starts its own Open WebUI (``scripts/localserver.py``), seeds it through
``POST /api/v1/chats/import`` and deletes the chats again at the end. A missed target is shown
as FAIL and only changes the exit code with ``--strict``; errors always exit non-zero.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import gc
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from localserver import OPENWEBUI_VERSION, LocalServer  # noqa: E402

from owui_chats_client import AsyncChatsClient, ChatsClient  # noqa: E402

MOCK_BASE = "http://127.0.0.1:8080"
MOCK_KEY = "sk-bench"
TITLES = 60
IN_FLIGHT = 20
CHUNK = 25  # calls per interleaved batch in rows 1 and 4b
MESSAGES_PER_CHAT = 10
IMPORT_BATCH = 100
STARTED = time.perf_counter()


@dataclass(frozen=True)
class Sizes:
    overhead_calls: int  # row 1: calls per contender per round
    overhead_rounds: int
    chats: int  # rows 2 to 4
    bulk_rounds: int
    memory_rounds: int
    get_calls: int  # row 4
    get_rounds: int
    import_runs: int  # row 5: fresh processes per contender and kind
    send_calls: int  # row 6: send_message calls per contender per round
    send_rounds: int


FULL = Sizes(
    overhead_calls=300,
    overhead_rounds=15,
    chats=2000,
    bulk_rounds=11,
    memory_rounds=2,
    get_calls=200,
    get_rounds=5,
    import_runs=5,
    send_calls=10,
    send_rounds=7,
)
QUICK = Sizes(
    overhead_calls=100,
    overhead_rounds=5,
    chats=200,
    bulk_rounds=3,
    memory_rounds=1,
    get_calls=60,
    get_rounds=2,
    import_runs=2,
    send_calls=4,
    send_rounds=3,
)


# -- results ----------------------------------------------------------------------------------


@dataclass
class Line:
    row: str
    what: str
    contender: str
    median: float
    unit: str  # "s" or "B"
    baseline: str = ""
    ratio: float | None = None
    target: tuple[str, float] | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None or self.ratio is None:
            return ""
        op, limit = self.target
        ok = self.ratio <= limit if op == "<=" else self.ratio < limit
        return "PASS" if ok else "FAIL"


@dataclass
class Report:
    lines: list[Line] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    def add(self, line: Line) -> None:
        self.lines.append(line)
        shown = fmt(line.median, line.unit)
        if line.ratio is not None:
            shown += f"  {line.ratio:.3f}x vs {line.baseline}"
        if line.verdict:
            shown += f"  {line.verdict}"
        log(f"{line.row} {line.contender}: {shown}")

    def timing(
        self,
        row: str,
        what: str,
        contender: str,
        samples: dict[str, list[float]],
        name: str,
        baseline: str | None = None,
        label: str = "raw",
        target: tuple[str, float] | None = None,
        note: str = "",
    ) -> None:
        ratio = paired_ratio(samples, name, baseline) if baseline else None
        median = statistics.median(samples[name])
        self.add(
            Line(row, what, contender, median, "s", label if baseline else "", ratio, target, note)
        )


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        if value < 1e-3:
            return f"{value * 1e6:.1f} us"
        if value < 1:
            return f"{value * 1e3:.1f} ms"
        return f"{value:.3f} s"
    if abs(value) < 1024 * 1024:
        return f"{value / 1024:.1f} KiB"
    return f"{value / (1024 * 1024):.1f} MiB"


def log(message: str) -> None:
    print(f"[bench {time.perf_counter() - STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def render(report: Report) -> str:
    head = ("row", "measurement", "contender", "median", "ratio vs baseline", "target", "result")
    cells: list[tuple[str, ...]] = []
    previous = ""
    for line in report.lines:
        ratio = f"{line.ratio:.3f}x vs {line.baseline}" if line.ratio is not None else "baseline"
        target = f"{line.target[0]} {line.target[1]:.2f}x" if line.target else ""
        what = line.what if line.what != previous else ""
        previous = line.what
        median = fmt(line.median, line.unit)
        cells.append((line.row, what, line.contender, median, ratio, target, line.verdict))
    widths = [max(len(row[i]) for row in [head, *cells]) for i in range(len(head))]
    rule = "-+-".join("-" * width for width in widths)

    def join(row: tuple[str, ...]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    out = [join(head), rule]
    for index, (line, row) in enumerate(zip(report.lines, cells, strict=True)):
        if index and line.row[0] != report.lines[index - 1].row[0]:
            out.append(rule)
        out.append(join(row))
    notes = [f"  {line.row} {line.contender}: {line.note}" for line in report.lines if line.note]
    return "\n".join([*out, "", *report.facts, *(["notes:", *notes] if notes else [])])


# -- measuring --------------------------------------------------------------------------------

Batch = Callable[[], float]  # runs a batch, returns seconds (per call or in total)


def interleave(
    contenders: list[tuple[str, Batch]], rounds: int, chunks: int = 1, warm_up: bool = True
) -> dict[str, list[float]]:
    """``rounds`` samples per contender, after one warm-up batch each.

    A round runs ``chunks`` batches of every contender in turn (A B C A B C ...), so that load
    from elsewhere on the machine hits them alike, and its sample is the mean of those batches.
    The contender that starts rotates from round to round.
    """
    if warm_up:
        for _, batch in contenders:
            gc.collect()
            batch()
    samples: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for index in range(rounds):
        start = index % len(contenders)
        order = contenders[start:] + contenders[:start]
        totals = dict.fromkeys(samples, 0.0)
        gc.collect()
        for _ in range(chunks):
            for name, batch in order:
                if chunks == 1:  # short batches share the collector's work; long ones start clean
                    gc.collect()
                totals[name] += batch()
        for name, total in totals.items():
            samples[name].append(total / chunks)
    return samples


def paired_ratio(samples: dict[str, list[float]], name: str, baseline: str) -> float:
    pairs = zip(samples[name], samples[baseline], strict=True)
    return statistics.median(value / base for value, base in pairs)


def repeat(calls: int, call: Callable[[], object]) -> Batch:
    def batch() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - start) / calls

    return batch


def arepeat(
    loop: asyncio.AbstractEventLoop, calls: int, call: Callable[[], Awaitable[object]]
) -> Batch:
    async def run() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            await call()
        return (time.perf_counter() - start) / calls

    return lambda: loop.run_until_complete(run())


def traced_peak(work: Callable[[], object]) -> float:
    """Peak growth of Python allocations (bytes) while ``work`` runs, measured by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        work()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    gc.collect()
    return float(peak - before)


def raw_json(response: httpx.Response) -> Any:
    if response.status_code >= 400:
        raise RuntimeError(f"{response.request.url.path} -> {response.status_code}")
    return json.loads(response.content)


def owui_client_for(api_url: str, api_key: str, http: httpx.AsyncClient | None = None) -> Any:
    """owui-client's ``OpenWebUI``; ``http`` replaces the ``AsyncClient`` it would create itself.

    It keeps that client in the private, name-mangled ``__client`` attribute and creates one
    lazily only when that attribute is empty, so setting it is the one way to give it a transport.
    """
    from owui_client import OpenWebUI  # type: ignore[import-untyped]

    sdk = OpenWebUI(api_url=api_url, api_key=api_key)
    if http is not None:
        sdk._OWUIClientBase__client = http
    return sdk


# -- row 1: per-call overhead ------------------------------------------------------------------


def titles_body(count: int) -> bytes:
    """What ``GET /api/v1/chats/list`` answers: ChatTitleIdResponse items, newest first."""
    rng = random.Random(1)
    words = (  # noqa: SIM905
        "plan trip notes python bug report draft email recipe summary idea review"
    ).split()
    now = 1_764_000_000
    items = []
    for index in range(count):
        updated = now - index * 3_600 - rng.randrange(3_600)
        items.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "title": " ".join(rng.choice(words) for _ in range(rng.randrange(2, 7))).title(),
                "updated_at": updated,
                "created_at": updated - rng.randrange(86_400 * 30),
                "last_read_at": updated if rng.random() < 0.8 else None,
                "snippet": None,
                "active": False,
                "archived": False,
            }
        )
    return json.dumps(items).encode()


def row_overhead(report: Report, sizes: Sizes) -> None:
    body = titles_body(TITLES)
    rounds, chunks = sizes.overhead_rounds, max(1, sizes.overhead_calls // CHUNK)
    log(
        f"row 1: get_list of {TITLES} titles ({len(body)} bytes) through httpx.MockTransport, "
        f"{rounds} rounds of {chunks * CHUNK} calls"
    )

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(answer)
    url = f"{MOCK_BASE}/api/v1/chats/list"
    # The same query and headers that the facade sends.
    params = {"include_pinned": "false", "include_folders": "false"}
    headers = {"Accept": "application/json", "Authorization": f"Bearer {MOCK_KEY}"}

    raw = httpx.Client(transport=transport)
    facade = ChatsClient(MOCK_BASE, MOCK_KEY, http_client=httpx.Client(transport=transport))

    def raw_call() -> Any:
        return raw_json(raw.get(url, params=params, headers=headers))

    assert len(facade.get_list()) == len(raw_call()) == TITLES
    samples = interleave(
        [("raw", repeat(CHUNK, raw_call)), ("facade", repeat(CHUNK, facade.get_list))],
        rounds,
        chunks,
    )
    what = f"get_list, {TITLES} titles, sync, MockTransport"
    report.timing("1a", what, "raw httpx.Client + json.loads", samples, "raw")
    report.timing("1a", what, "facade ChatsClient", samples, "facade", "raw", target=("<=", 1.10))
    raw.close()
    facade._http.close()

    loop = asyncio.new_event_loop()
    araw = httpx.AsyncClient(transport=transport)
    afacade = AsyncChatsClient(
        MOCK_BASE, MOCK_KEY, http_client=httpx.AsyncClient(transport=transport)
    )
    owui = owui_client_for(
        f"{MOCK_BASE}/api", MOCK_KEY, httpx.AsyncClient(transport=transport, timeout=60.0)
    )

    async def araw_call() -> Any:
        return raw_json(await araw.get(url, params=params, headers=headers))

    async def check() -> None:
        assert len(await afacade.get_list()) == len(await araw_call()) == TITLES
        assert len(await owui.chats.get_list()) == TITLES

    try:
        loop.run_until_complete(check())
        samples = interleave(
            [
                ("raw", arepeat(loop, CHUNK, araw_call)),
                ("facade", arepeat(loop, CHUNK, afacade.get_list)),
                ("owui", arepeat(loop, CHUNK, owui.chats.get_list)),
            ],
            rounds,
            chunks,
        )
        for http in (araw, afacade._http, owui._client):
            loop.run_until_complete(http.aclose())
    finally:
        loop.close()
    what = f"get_list, {TITLES} titles, async, MockTransport"
    report.timing("1b", what, "raw httpx.AsyncClient + json.loads", samples, "raw")
    report.timing(
        "1b", what, "facade AsyncChatsClient", samples, "facade", "raw", target=("<=", 1.10)
    )
    report.timing(
        "1b",
        what,
        "owui-client 11.0.0",
        samples,
        "owui",
        "raw",
        note="owui-client gets the same MockTransport through its private AsyncClient slot; "
        "it requests /v1/chats/ (same handler as /list)",
    )


# -- seeding ----------------------------------------------------------------------------------


def paragraphs_pool(rng: random.Random, count: int = 64) -> list[str]:
    words = (  # noqa: SIM905
        "the a to of and in is it you that for on with as this be are was not can or your "
        "model answer question python function data server request chat message error "
        "value list file code example result return user time test string number open "
        "simple first because should would could while where which about there their "
        "other only more"
    ).split()
    pool = []
    for _ in range(count):
        sentences = []
        length = 0
        target = rng.randrange(310, 440)
        while length < target:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randrange(6, 16)))
            sentences.append(sentence.capitalize() + ".")
            length += len(sentences[-1]) + 1
        pool.append(" ".join(sentences))
    return pool


def chat_form(index: int, rng: random.Random, paragraphs: list[str], roles: bool) -> dict[str, Any]:
    """One chat of ``MESSAGES_PER_CHAT`` messages in the shape the Open WebUI front end stores."""
    created = 1_760_000_000 + index * 600
    model = "echo"
    history: dict[str, dict[str, Any]] = {}
    messages: list[dict[str, Any]] = []
    parent: str | None = None
    for number in range(MESSAGES_PER_CHAT):
        message_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        user_turn = number % 2 == 0
        message: dict[str, Any] = {
            "id": message_id,
            "parentId": parent,
            "childrenIds": [],
            "content": rng.choice(paragraphs),
            "timestamp": created + number * 20,
        }
        if roles:
            message["role"] = "user" if user_turn else "assistant"
        if user_turn:
            message["models"] = [model]
        else:
            message.update(model=model, modelName="Echo", modelIdx=0, done=True)
        if parent is not None:
            history[parent]["childrenIds"].append(message_id)
        history[message_id] = message
        messages.append(message)
        parent = message_id
    return {
        "chat": {
            "id": "",
            "title": " ".join(paragraphs[index % len(paragraphs)].split()[:5]).title(),
            "models": [model],
            "params": {},
            "history": {"messages": history, "currentId": parent},
            "messages": messages,
            "tags": [],
            "timestamp": created * 1000,
        },
        "meta": {"tags": []},
        "pinned": False,
        "archived": False,
        "created_at": created,
        "updated_at": created + MESSAGES_PER_CHAT * 20,
    }


def seed_chats(http: httpx.Client, count: int, roles: bool) -> list[str]:
    rng = random.Random(7)
    paragraphs = paragraphs_pool(rng)
    ids: list[str] = []
    for first in range(0, count, IMPORT_BATCH):
        forms = [
            chat_form(index, rng, paragraphs, roles)
            for index in range(first, min(first + IMPORT_BATCH, count))
        ]
        imported = raw_json(http.post("/api/v1/chats/import", json={"chats": forms}))
        ids.extend(chat["id"] for chat in imported)
    log(f"seeded {len(ids)} chats through POST /api/v1/chats/import")
    return ids


# -- rows 2 and 3: bulk read and streaming export ------------------------------------------------


def timed(work: Callable[[], object], cpu: list[float] | None = None) -> Batch:
    """Wall time of one call; with ``cpu``, also this process's CPU time for it, appended there."""

    def batch() -> float:
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
        return time.perf_counter() - start

    return batch


def row_bulk(report: Report, sizes: Sizes, base_url: str, api_key: str, count: int) -> None:
    headers = {"Accept": "application/json", "Authorization": f"Bearer {api_key}"}
    raw = httpx.Client(base_url=base_url, timeout=600.0)
    araw = httpx.AsyncClient(base_url=base_url, timeout=600.0)
    facade = ChatsClient(base_url, api_key)
    afacade = AsyncChatsClient(base_url, api_key)
    owui = owui_client_for(f"{base_url}/api", api_key)
    loop = asyncio.new_event_loop()

    def raw_read() -> int:
        return len(raw_json(raw.get("/api/v1/chats/all/db", headers=headers)))

    async def araw_read() -> int:
        return len(raw_json(await araw.get("/api/v1/chats/all/db", headers=headers)))

    def stream_count() -> int:
        with facade.iter_all() as chats:
            return sum(1 for _ in chats)

    cpu: dict[str, list[float]] = {}

    def atimed(work: Callable[[], Awaitable[object]], name: str) -> Batch:
        async def run() -> float:
            start, start_cpu = time.perf_counter(), time.process_time()
            await work()
            cpu.setdefault(name, []).append(time.process_time() - start_cpu)
            return time.perf_counter() - start

        return lambda: loop.run_until_complete(run())

    try:
        db_body = raw.get("/api/v1/chats/all/db", headers=headers).content
        lines_body = raw.get("/api/v1/chats/all", headers=headers).content
        size = len(db_body)
        # These checks also warm every contender up, so the rounds below need no warm-up.
        assert raw_read() == len(facade.get_all_db()) == stream_count() == count
        assert len(loop.run_until_complete(afacade.get_all_db())) == count
        assert len(loop.run_until_complete(owui.chats.get_all_db())) == count
        report.facts.append(
            f"rows 2-4: {count} chats of {MESSAGES_PER_CHAT} messages; "
            f"GET /api/v1/chats/all/db answers {size / 1e6:.1f} MB of JSON"
        )
        log(f"rows 2-3: {count} chats, {size / 1e6:.1f} MB, {sizes.bulk_rounds} rounds")
        samples = interleave(
            [
                ("raw", timed(raw_read, cpu.setdefault("raw", []))),
                ("facade", timed(facade.get_all_db, cpu.setdefault("facade", []))),
                ("stream", timed(stream_count, cpu.setdefault("stream", []))),
                ("araw", atimed(araw_read, "araw")),
                ("afacade", atimed(afacade.get_all_db, "afacade")),
                ("owui", atimed(owui.chats.get_all_db, "owui")),
            ],
            sizes.bulk_rounds,
            warm_up=False,
        )
        # The server's time for this 29 MB answer swings between two modes (about 0.5 s and
        # 1.5 s here, whichever client asks), so wall-clock ratios flip from run to run. What the
        # client itself spends, its CPU time in this process, is judged against the targets;
        # wall time is shown beside it.
        wall_note = (
            "wall clock, server included: the server's own time for the same answer varies 2-3x "
            "from one request to the next"
        )
        what = f"get_all_db, {count} chats, sync, client CPU"
        report.timing("2a", what, "raw httpx.Client + json.loads", cpu, "raw")
        report.timing("2a", what, "facade ChatsClient", cpu, "facade", "raw", target=("<=", 1.05))
        what = f"get_all_db, {count} chats, sync, wall"
        report.timing("2a", what, "raw httpx.Client + json.loads", samples, "raw")
        report.timing("2a", what, "facade ChatsClient", samples, "facade", "raw", note=wall_note)
        what = f"get_all_db, {count} chats, async, client CPU"
        report.timing("2b", what, "raw httpx.AsyncClient + json.loads", cpu, "araw")
        report.timing(
            "2b", what, "facade AsyncChatsClient", cpu, "afacade", "araw", target=("<=", 1.05)
        )
        report.timing("2b", what, "owui-client 11.0.0", cpu, "owui", "araw")
        what = f"get_all_db, {count} chats, async, wall"
        report.timing("2b", what, "raw httpx.AsyncClient + json.loads", samples, "araw")
        report.timing("2b", what, "facade AsyncChatsClient", samples, "afacade", "araw")
        report.timing("2b", what, "owui-client 11.0.0", samples, "owui", "araw")
        what = f"get_all_db, {count} chats, vs owui, client CPU"
        report.timing("2c", what, "owui-client 11.0.0 (async)", cpu, "owui")
        report.timing(
            "2c",
            what,
            "facade AsyncChatsClient",
            cpu,
            "afacade",
            "owui",
            "owui-client",
            ("<", 1.00),
        )
        report.timing("2c", what, "facade ChatsClient", cpu, "facade", "owui", "owui-client")
        what = f"get_all_db, {count} chats, vs owui, wall"
        report.timing("2c", what, "owui-client 11.0.0 (async)", samples, "owui")
        report.timing(
            "2c", what, "facade AsyncChatsClient", samples, "afacade", "owui", "owui-client"
        )
        what = f"iter_all vs get_all_db, {count} chats"
        report.timing("3a", what, "facade ChatsClient.get_all_db", samples, "facade")
        report.timing(
            "3a",
            what,
            "facade ChatsClient.iter_all",
            samples,
            "stream",
            "facade",
            "get_all_db",
            ("<=", 1.10),
            note="iter_all reads GET /api/v1/chats/all (NDJSON, the caller's chats), get_all_db "
            "GET /api/v1/chats/all/db (one JSON array); every seeded chat is the caller's, so "
            "both carry the same chats",
        )

        row_memory(report, sizes, base_url, api_key, facade, stream_count, raw_read)
    finally:
        for http in (araw, afacade, owui._client):
            loop.run_until_complete(http.aclose())
        loop.close()
        facade.close()
        raw.close()
    row_replay(report, sizes, db_body, lines_body, count)


# A child process reads the chats once, after the facade is imported and the client made, and
# reports how far that read raised its resident high-water mark (VmHWM).
MEMORY_CHILD = """\
import json, sys
from owui_chats_client import ChatsClient
def hwm():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
how = sys.argv[1]
client = ChatsClient()  # OPENWEBUI_BASE_URL, OPENWEBUI_API_KEY
before = hwm()
if how == "iter_all":
    with client.iter_all() as chats:
        count = sum(1 for _ in chats)
else:
    count = len(client.get_all_db())
print(json.dumps({{"grew": hwm() - before, "count": count}}))
"""


def rss_growth(base_url: str, api_key: str, how: str, count: int) -> float:
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD.format(), how],
        env={**os.environ, "OPENWEBUI_BASE_URL": base_url, "OPENWEBUI_API_KEY": api_key},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory child ({how}) failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["count"] == count, result
    return float(result["grew"])


def row_memory(
    report: Report,
    sizes: Sizes,
    base_url: str,
    api_key: str,
    facade: ChatsClient,
    stream_count: Callable[[], int],
    raw_read: Callable[[], int],
) -> None:
    rounds = sizes.memory_rounds
    log(f"row 3: peak memory growth, RSS in child processes and tracemalloc, {rounds} round(s)")
    count = stream_count()
    rss: dict[str, list[float]] = {"get_all_db": [], "iter_all": []}
    traced: dict[str, list[float]] = {"facade": [], "stream": [], "raw": []}
    for _ in range(rounds):
        for how in rss:
            rss[how].append(rss_growth(base_url, api_key, how, count))
        traced["facade"].append(traced_peak(lambda: len(facade.get_all_db())))
        traced["stream"].append(traced_peak(stream_count))
        traced["raw"].append(traced_peak(raw_read))
    grew = {how: statistics.median(values) for how, values in rss.items()}
    what = "peak RSS growth (child process)"
    report.add(Line("3b", what, "facade ChatsClient.get_all_db", grew["get_all_db"], "B"))
    report.add(
        Line(
            "3b",
            what,
            "facade ChatsClient.iter_all",
            grew["iter_all"],
            "B",
            "get_all_db",
            grew["iter_all"] / grew["get_all_db"],
            ("<", 0.20),
            note="RSS high-water growth of a fresh process around one read: what the machine "
            "had to supply, including parser buffers that tracemalloc counts whole but the parser "
            "only partly touches (orjson reserves its buffer from the input size); the loop keeps "
            "no chat, as an export to a file would",
        )
    )
    peak = {name: statistics.median(values) for name, values in traced.items()}
    what = "peak traced growth (tracemalloc)"
    report.add(Line("3c", what, "facade ChatsClient.get_all_db", peak["facade"], "B"))
    report.add(
        Line(
            "3c",
            what,
            "facade ChatsClient.iter_all",
            peak["stream"],
            "B",
            "get_all_db",
            peak["stream"] / peak["facade"],
            note="every Python-heap allocation in this process, byte-exact, allocator reuse "
            "aside; orjson's whole reserved buffer counts here",
        )
    )
    report.add(
        Line(
            "3c",
            what,
            "raw httpx.Client + json.loads",
            peak["raw"],
            "B",
            "get_all_db",
            peak["raw"] / peak["facade"],
        )
    )


def row_replay(report: Report, sizes: Sizes, db_body: bytes, lines_body: bytes, count: int) -> None:
    """Rows 2 and 3 without the server: the bodies it sent, replayed in 64 KiB chunks through
    ``httpx.MockTransport``, so that only the client's own work is timed."""
    log(f"rows 2r-3r: the same bodies replayed through MockTransport, {sizes.bulk_rounds} rounds")
    piece = 1 << 16
    split = {
        ndjson: [body[at : at + piece] for at in range(0, len(body), piece)]
        for ndjson, body in ((True, lines_body), (False, db_body))
    }

    def replay(asynchronous: bool) -> httpx.MockTransport:
        def answer(request: httpx.Request) -> httpx.Response:
            ndjson = request.url.path.endswith("/all")
            kind = "application/x-ndjson" if ndjson else "application/json"
            pieces = split[ndjson]

            async def apieces() -> AsyncIterator[bytes]:
                for one in pieces:
                    yield one

            content = apieces() if asynchronous else iter(pieces)
            return httpx.Response(200, content=content, headers={"content-type": kind})

        return httpx.MockTransport(answer)

    url = f"{MOCK_BASE}/api/v1/chats/all/db"
    raw = httpx.Client(transport=replay(False))
    facade = ChatsClient(MOCK_BASE, MOCK_KEY, http_client=httpx.Client(transport=replay(False)))
    loop = asyncio.new_event_loop()
    afacade = AsyncChatsClient(
        MOCK_BASE, MOCK_KEY, http_client=httpx.AsyncClient(transport=replay(True))
    )
    owui = owui_client_for(
        f"{MOCK_BASE}/api", MOCK_KEY, httpx.AsyncClient(transport=replay(True), timeout=60.0)
    )

    def raw_read() -> int:
        return len(raw_json(raw.get(url)))

    def stream_count() -> int:
        with facade.iter_all() as chats:
            return sum(1 for _ in chats)

    def run(work: Callable[[], Awaitable[object]]) -> Batch:
        return timed(lambda: loop.run_until_complete(work()))

    try:
        samples = interleave(
            [
                ("raw", timed(raw_read)),
                ("facade", timed(facade.get_all_db)),
                ("stream", timed(stream_count)),
                ("afacade", run(afacade.get_all_db)),
                ("owui", run(owui.chats.get_all_db)),
            ],
            sizes.bulk_rounds,
        )
        for http in (afacade._http, owui._client):
            loop.run_until_complete(http.aclose())
    finally:
        loop.close()
        raw.close()
        facade._http.close()
    what = f"replayed: get_all_db, {count} chats"
    report.timing("2r", what, "raw httpx.Client + json.loads", samples, "raw")
    report.timing("2r", what, "facade ChatsClient", samples, "facade", "raw")
    report.timing("2r", what, "owui-client 11.0.0 (async)", samples, "owui", "raw")
    report.timing(
        "2r",
        what,
        "facade AsyncChatsClient",
        samples,
        "afacade",
        "owui",
        "owui-client",
        note="2r and 3r: the bodies the server sent in rows 2-3, replayed through MockTransport "
        "in 64 KiB chunks: the client's own work without the server's noise (informational)",
    )
    report.timing(
        "3r",
        f"replayed: iter_all vs get_all_db, {count} chats",
        "facade ChatsClient.iter_all",
        samples,
        "stream",
        "facade",
        "get_all_db",
    )


# -- row 4: concurrency -----------------------------------------------------------------------


def row_concurrency(
    report: Report, sizes: Sizes, base_url: str, api_key: str, ids: list[str]
) -> None:
    calls = sizes.get_calls
    chosen = [ids[index % len(ids)] for index in range(calls)]
    headers = {"Accept": "application/json", "Authorization": f"Bearer {api_key}"}
    limits = httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=IN_FLIGHT)
    timeout = httpx.Timeout(600.0, connect=5.0)
    log(
        f"row 4: {calls} x get(id), {IN_FLIGHT} in flight and sequential, {sizes.get_rounds} rounds"
    )

    loop = asyncio.new_event_loop()
    araw = httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout)
    afacade = AsyncChatsClient(
        base_url, api_key, http_client=httpx.AsyncClient(limits=limits, timeout=timeout)
    )
    raw = httpx.Client(base_url=base_url, limits=limits, timeout=timeout)
    facade = ChatsClient(
        base_url, api_key, http_client=httpx.Client(limits=limits, timeout=timeout)
    )

    async def araw_get(chat_id: str) -> Any:
        return raw_json(await araw.get(f"/api/v1/chats/{chat_id}", headers=headers))

    def raw_get(chat_id: str) -> Any:
        return raw_json(raw.get(f"/api/v1/chats/{chat_id}", headers=headers))

    def gather(get: Callable[[str], Awaitable[object]], some: list[str]) -> Batch:
        async def run() -> float:
            gate = asyncio.Semaphore(IN_FLIGHT)

            async def one(chat_id: str) -> object:
                async with gate:
                    return await get(chat_id)

            start = time.perf_counter()
            results = await asyncio.gather(*(one(chat_id) for chat_id in some))
            elapsed = time.perf_counter() - start
            assert all(result is not None for result in results)
            return elapsed

        return lambda: loop.run_until_complete(run())

    def sequential(get: Callable[[str], object]) -> Batch:
        ring = itertools.cycle(chosen)  # every contender walks the same ids in the same order

        def batch() -> float:
            start = time.perf_counter()
            for _ in range(CHUNK):
                get(next(ring))
            return (time.perf_counter() - start) / CHUNK

        return batch

    try:
        # Warm-up: open the connections of both pools, then measure without another warm-up.
        gather(araw_get, chosen[: IN_FLIGHT * 2])()
        gather(afacade.get, chosen[: IN_FLIGHT * 2])()
        samples = interleave(
            [("araw", gather(araw_get, chosen)), ("afacade", gather(afacade.get, chosen))],
            sizes.get_rounds,
            warm_up=False,
        )
        per_call = interleave(
            [("raw", sequential(raw_get)), ("facade", sequential(facade.get))],
            sizes.get_rounds,
            max(1, calls // CHUNK),
        )
        samples.update({name: [v * calls for v in values] for name, values in per_call.items()})
    finally:
        for http in (araw, afacade):
            loop.run_until_complete(http.aclose())
        loop.close()
        raw.close()
        facade._http.close()
    what = f"{calls} x get(id), {IN_FLIGHT} in flight"
    report.timing("4a", what, "raw httpx.AsyncClient + json.loads", samples, "araw")
    report.timing(
        "4a", what, "facade AsyncChatsClient", samples, "afacade", "araw", target=("<=", 1.05)
    )
    what = f"{calls} x get(id), sequential"
    report.timing("4b", what, "raw httpx.Client + json.loads", samples, "raw")
    report.timing("4b", what, "facade ChatsClient", samples, "facade", "raw", target=("<=", 1.05))


# -- row 6: conversations ------------------------------------------------------------------------


def raw_turn(chat: dict[str, Any], text: str) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """The question and the answer's placeholder added to a chat read by hand: the update body,
    the completion body, and the two message ids."""
    history = chat["history"]
    messages = history["messages"]
    parent = history["currentId"]
    model = chat["models"][0]
    now = int(time.time())
    user_id, answer_id = str(uuid.uuid4()), str(uuid.uuid4())
    messages[parent]["childrenIds"].append(user_id)
    messages[user_id] = {
        "id": user_id,
        "parentId": parent,
        "childrenIds": [answer_id],
        "role": "user",
        "content": text,
        "timestamp": now,
        "models": [model],
    }
    messages[answer_id] = {
        "id": answer_id,
        "parentId": user_id,
        "childrenIds": [],
        "role": "assistant",
        "content": "",
        "model": model,
        "modelName": model,
        "modelIdx": 0,
        "timestamp": now,
    }
    history["currentId"] = answer_id
    linear = raw_path(history)
    params = chat.get("params") or {}
    update = {"models": [model], "params": params, "history": history, "messages": linear}
    sent = [
        {"role": m["role"], "content": m["content"], "id": m["id"]}
        for m in linear[:-1]
        if m["role"] == "user" or m["content"].strip()
    ]
    completion = {
        "model": model,
        "stream": True,
        "messages": sent,
        "params": params,
        "chat_id": None,
        "id": answer_id,
        "session_id": f"bench-{uuid.uuid4().hex}",
        "background_tasks": {
            "title_generation": False,
            "tags_generation": False,
            "follow_up_generation": False,
        },
    }
    return {"chat": update}, completion, user_id, answer_id


def raw_path(history: dict[str, Any]) -> list[dict[str, Any]]:
    messages = history["messages"]
    node: str | None = history["currentId"]
    found = []
    while node is not None:
        found.append(messages[node])
        node = messages[node]["parentId"]
    return found[::-1]


def raw_repair(chat: dict[str, Any], user_id: str, answer_id: str) -> dict[str, Any]:
    """The stored answer linked back to its question, and the linear list rebuilt."""
    history = chat["history"]
    history["messages"][answer_id]["parentId"] = user_id
    history["messages"][answer_id]["childrenIds"] = []
    return {"chat": {"history": history, "messages": raw_path(history)}}


def raw_send_message(http: httpx.Client, chat_id: str, text: str, headers: dict[str, str]) -> str:
    """`send_message`'s steps written by hand: read the chat, add the question and the answer's
    placeholder, run the completion as a background task, poll the tasks with the same
    backoff, read the stored answer, put its link back and rebuild the linear list."""
    chat = http.get(f"/api/v1/chats/{chat_id}", headers=headers).json()["chat"]
    update, completion, user_id, answer_id = raw_turn(chat, text)
    http.post(f"/api/v1/chats/{chat_id}", json=update, headers=headers).raise_for_status()
    completion["chat_id"] = chat_id
    http.post("/api/chat/completions", json=completion, headers=headers).raise_for_status()
    started, delay = time.monotonic(), 0.05
    while http.get(f"/api/tasks/chat/{chat_id}", headers=headers).json()["task_ids"]:
        if time.monotonic() - started >= 0.5:
            delay = min(delay * 1.5, 1.0)
        time.sleep(delay)
    chat = http.get(f"/api/v1/chats/{chat_id}", headers=headers).json()["chat"]
    repaired = raw_repair(chat, user_id, answer_id)
    http.post(f"/api/v1/chats/{chat_id}", json=repaired, headers=headers).raise_for_status()
    return str(chat["history"]["messages"][answer_id]["content"])


async def araw_send_message(
    http: httpx.AsyncClient, chat_id: str, text: str, headers: dict[str, str]
) -> str:
    """`raw_send_message` with ``httpx.AsyncClient``."""
    chat = (await http.get(f"/api/v1/chats/{chat_id}", headers=headers)).json()["chat"]
    update, completion, user_id, answer_id = raw_turn(chat, text)
    (await http.post(f"/api/v1/chats/{chat_id}", json=update, headers=headers)).raise_for_status()
    completion["chat_id"] = chat_id
    (await http.post("/api/chat/completions", json=completion, headers=headers)).raise_for_status()
    started, delay = time.monotonic(), 0.05
    while (await http.get(f"/api/tasks/chat/{chat_id}", headers=headers)).json()["task_ids"]:
        if time.monotonic() - started >= 0.5:
            delay = min(delay * 1.5, 1.0)
        await asyncio.sleep(delay)
    chat = (await http.get(f"/api/v1/chats/{chat_id}", headers=headers)).json()["chat"]
    repaired = raw_repair(chat, user_id, answer_id)
    (await http.post(f"/api/v1/chats/{chat_id}", json=repaired, headers=headers)).raise_for_status()
    return str(chat["history"]["messages"][answer_id]["content"])


def row_conversations(report: Report, sizes: Sizes, base_url: str, api_key: str) -> None:
    calls = sizes.send_calls
    log(f"row 6: send_message x {calls}, sync and async, {sizes.send_rounds} rounds")
    # One call a batch, the contenders alternating call by call (``chunks``): both meet the same
    # server load, which moves far more than the clients' own cost.
    headers = {"Accept": "application/json", "Authorization": f"Bearer {api_key}"}
    timeout = httpx.Timeout(600.0, connect=5.0)
    loop = asyncio.new_event_loop()
    raw = httpx.Client(base_url=base_url, timeout=timeout)
    facade = ChatsClient(base_url, api_key, http_client=httpx.Client(timeout=timeout))
    araw = httpx.AsyncClient(base_url=base_url, timeout=timeout)
    afacade = AsyncChatsClient(base_url, api_key, http_client=httpx.AsyncClient(timeout=timeout))
    chats = {
        name: facade.start_chat("echo", f"bench {name}").chat_id for name in ("r", "f", "ar", "af")
    }
    counter = itertools.count()
    cpu: dict[str, list[float]] = {"raw": [], "facade": [], "araw": [], "afacade": []}

    def batch(name: str, send: Callable[[str, str], str], chat_id: str) -> Batch:
        def run() -> float:
            start, start_cpu = time.perf_counter(), time.process_time()
            text = f"q{next(counter)}"
            assert send(chat_id, text).startswith(f"echo: {text}")
            cpu[name].append(time.process_time() - start_cpu)
            return time.perf_counter() - start

        return run

    def abatch(name: str, send: Callable[[str, str], Awaitable[str]], chat_id: str) -> Batch:
        async def run() -> float:
            start, start_cpu = time.perf_counter(), time.process_time()
            text = f"q{next(counter)}"
            assert (await send(chat_id, text)).startswith(f"echo: {text}")
            cpu[name].append(time.process_time() - start_cpu)
            return time.perf_counter() - start

        return lambda: loop.run_until_complete(run())

    async def afacade_send(chat_id: str, text: str) -> str:
        return (await afacade.send_message(chat_id, text)).content

    async def araw_send(chat_id: str, text: str) -> str:
        return await araw_send_message(araw, chat_id, text, headers)

    try:
        samples = interleave(
            [
                (
                    "raw",
                    batch("raw", lambda c, t: raw_send_message(raw, c, t, headers), chats["r"]),
                ),
                (
                    "facade",
                    batch("facade", lambda c, t: facade.send_message(c, t).content, chats["f"]),
                ),
            ],
            sizes.send_rounds,
            chunks=calls,
        )
        asamples = interleave(
            [
                ("araw", abatch("araw", araw_send, chats["ar"])),
                ("afacade", abatch("afacade", afacade_send, chats["af"])),
            ],
            sizes.send_rounds,
            chunks=calls,
        )
        samples.update(asamples)
    finally:
        raw.close()
        facade._http.close()
        loop.run_until_complete(araw.aclose())
        loop.run_until_complete(afacade._http.aclose())
        loop.close()
    what = "send_message, echo model, sync"
    report.timing("6a", what, "raw httpx.Client, same steps", samples, "raw")
    report.timing(
        "6a", what, "facade ChatsClient.send_message", samples, "facade", "raw", target=("<=", 1.05)
    )
    what = "send_message, echo model, async"
    report.timing("6b", what, "raw httpx.AsyncClient, same steps", samples, "araw")
    report.timing(
        "6b",
        what,
        "facade AsyncChatsClient.send_message",
        samples,
        "afacade",
        "araw",
        target=("<=", 1.05),
    )
    # Shown, not judged: the client's own CPU time per call (the server runs in another process).
    for row, raw_name, name, contender in (
        ("6a", "raw", "facade", "ChatsClient"),
        ("6b", "araw", "afacade", "AsyncChatsClient"),
    ):
        for key in (raw_name, name):  # per round, as the wall times, less the warm-up call
            values = cpu[key][1:]
            cpu[key] = [
                statistics.fmean(values[i : i + calls]) for i in range(0, len(values), calls)
            ]
        what = f"send_message, client CPU, {'sync' if row == '6a' else 'async'}"
        report.timing(row, what, "raw httpx, same steps", cpu, raw_name)
        report.timing(row, what, f"facade {contender}", cpu, name, raw_name)


# -- row 5: import --------------------------------------------------------------------------------

# A child measures three steps from one starting point: the bare import, the import of the client
# class, and making a client. "time" children read perf_counter and the VmHWM line of
# /proc/self/status (not ru_maxrss: Linux carries the parent's high-water mark across fork and
# exec). "memory" children run under tracemalloc, which slows imports down, so they are separate.
CHILD = """\
import json, time
{prelude}
def hwm():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
def mark():
    return {probe}
out = {{}}
h0 = hwm()
m0 = mark()
import {module}
out["import"] = mark() - m0
from {module} import {cls}
out["class"] = mark() - m0
client = {cls}({url!r}, {key!r}){touch}
out["construct"] = mark() - m0
out["hwm"] = hwm() - h0
print(json.dumps(out))
"""
PROBES = {
    "time": ("", "time.perf_counter()"),
    "memory": ("import tracemalloc\ntracemalloc.start()", "tracemalloc.get_traced_memory()[0]"),
}
IMPORT_CONTENDERS = {
    "facade": ("owui_chats_client", "ChatsClient", MOCK_BASE, ""),
    "owui": ("owui_client", "OpenWebUI", f"{MOCK_BASE}/api", "\nclient.chats"),
}


def child_code(kind: str, name: str) -> str:
    prelude, probe = PROBES[kind]
    module, cls, url, touch = IMPORT_CONTENDERS[name]
    return CHILD.format(
        prelude=prelude, probe=probe, module=module, cls=cls, url=url, key=MOCK_KEY, touch=touch
    )


def child(code: str, cwd: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"child python failed:\n{code}\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def row_import(report: Report, sizes: Sizes) -> None:
    runs = sizes.import_runs
    log(f"row 5: imports in fresh processes, {runs} runs per contender and kind")
    samples: dict[tuple[str, str], list[dict[str, float]]] = {}
    jobs = [(kind, name) for kind in PROBES for name in IMPORT_CONTENDERS]
    with tempfile.TemporaryDirectory(prefix="owui-bench-") as cwd:
        for kind, name in jobs:  # warm-up: bytecode caches, page cache
            child(child_code(kind, name), cwd)
        for index in range(runs):
            start = index % len(jobs)
            for kind, name in jobs[start:] + jobs[:start]:
                samples.setdefault((kind, name), []).append(child(child_code(kind, name), cwd))

    def add(
        row: str, what: str, kind: str, step: str, unit: str, target: bool, note: str = ""
    ) -> None:
        owui = [sample[step] for sample in samples[(kind, "owui")]]
        facade = [sample[step] for sample in samples[(kind, "facade")]]
        ratio = statistics.median(a / b for a, b in zip(facade, owui, strict=True))
        report.add(Line(row, what, "owui-client 11.0.0", statistics.median(owui), unit))
        report.add(
            Line(
                row,
                what,
                "owui-chats-client",
                statistics.median(facade),
                unit,
                "owui-client",
                ratio,
                ("<=", 0.50) if target else None,
                note,
            )
        )

    add("5a", "import <package>, time", "time", "import", "s", True)
    add("5b", "import <package>, memory", "memory", "import", "B", False)
    add(
        "5c",
        "import the client class, time",
        "time",
        "class",
        "s",
        True,
        "`from owui_chats_client import ChatsClient` vs `from owui_client import OpenWebUI`: "
        "what a program that makes calls pays, as owui_chats_client imports its names lazily",
    )
    add("5d", "import the client class, memory", "memory", "class", "B", False)
    add(
        "5e",
        "import + construct a client, time",
        "time",
        "construct",
        "s",
        False,
        "ChatsClient builds its httpx.Client (with its TLS context) at once; OpenWebUI(...).chats "
        "creates its AsyncClient on the first request",
    )
    add("5f", "import + construct, RSS growth", "time", "hwm", "B", False)


# -- main -------------------------------------------------------------------------------------


def versions() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "absent"

    return (
        f"python {platform.python_version()}, httpx {version('httpx')}, "
        f"orjson {version('orjson')}, owui-client {version('owui-client')}, "
        f"owui-chats-client {version('owui-chats-client')}, Open WebUI {OPENWEBUI_VERSION}"
    )


class Live:
    """The benchmark's own Open WebUI, started in a background thread so that ``--quick`` can
    overlap its start-up with row 5 (whose children are timed against each other, in turn)."""

    def __init__(self) -> None:
        self.server = LocalServer()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._started: concurrent.futures.Future[LocalServer] | None = None

    def start(self) -> None:
        log("starting a local Open WebUI")
        self._started = self._pool.submit(self.server.__enter__)

    def wait(self) -> LocalServer:
        if self._started is None:
            self.start()
        assert self._started is not None
        server = self._started.result()
        assert server.seed is not None
        log(f"Open WebUI up at {server.seed.base_url}")
        return server

    def stop(self) -> None:
        if self._started is not None:
            self._started.cancel()
            with contextlib.suppress(BaseException):
                self._started.result()
        self._pool.shutdown(wait=True)
        self.server.__exit__(None, None, None)


def live_rows(report: Report, sizes: Sizes, live: Live, rows: str, chats: int, roles: bool) -> None:
    seed = live.wait().seed
    assert seed is not None
    base_url, api_key = seed.base_url, seed.api_key
    seeder = httpx.Client(
        base_url=base_url, timeout=600.0, headers={"Authorization": f"Bearer {api_key}"}
    )
    try:
        ids = seed_chats(seeder, chats, roles) if set("234") & set(rows) else []
        if set("23") & set(rows):
            row_bulk(report, sizes, base_url, api_key, chats)
        if "4" in rows:
            row_concurrency(report, sizes, base_url, api_key, ids)
        if "6" in rows:
            row_conversations(report, sizes, base_url, api_key)
    finally:
        with ChatsClient(base_url, api_key) as cleaner:
            deleted = cleaner.delete_all()
            left = len(cleaner.get_all_db())
        log(f"delete_all -> {deleted}, {left} chats left")
        seeder.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark owui-chats-client against raw httpx and owui-client."
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer rounds")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--chats", type=int, help="chats to seed for rows 2-4")
    parser.add_argument("--rows", default="123456", help="rows to run, such as 15 (default: all)")
    parser.add_argument(
        "--seed-roles",
        action="store_true",
        help="give the seeded messages a role; Open WebUI then also writes every message to its "
        "chat_message table, one commit each (tens of ms per chat of seeding time)",
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    chats = args.chats or sizes.chats
    report = Report()
    report.facts.append(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()}, load "
        f"average {os.getloadavg()[0]:.1f} at start; {versions()}"
    )
    live = Live() if set("2346") & set(args.rows) else None
    try:
        if "1" in args.rows:
            row_overhead(report, sizes)
        if live is not None and args.quick:
            live.start()
            report.facts.append("quick: Open WebUI started while row 5 ran")
        if "5" in args.rows:
            row_import(report, sizes)
        if live is not None:
            live_rows(report, sizes, live, args.rows, chats, args.seed_roles)
            if not args.seed_roles:
                report.facts.append(
                    "seeded messages carry no 'role', so the import skips its per-message "
                    "chat_message writes (--seed-roles for the full shape); the reads measured "
                    "here return the stored chat JSON either way"
                )
    finally:
        if live is not None:
            live.stop()
    report.lines.sort(key=lambda line: line.row)
    report.facts.append(
        f"mode: {'quick' if args.quick else 'full'}, {time.perf_counter() - STARTED:.0f}s. "
        "median: over rounds; ratio: median over rounds of contender / baseline timed in the "
        "same round (rows 3b-3c: ratio of medians)"
    )
    print(render(report))
    failed = [line for line in report.lines if line.verdict == "FAIL"]
    if failed:
        missed = ", ".join(f"{line.row} {line.contender}" for line in failed)
        print(f"\n{len(failed)} target(s) missed: {missed}")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
