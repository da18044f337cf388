"""Benchmark of the facade against raw httpx and owui-client 11.0.0.

Rows (``--only NAME[,NAME]`` runs some of them; ``--list`` shows them):

  per-call     1a-1b  ``get_list`` (60 titles) through an in-process ``httpx.MockTransport``:
                      the SDK's own cost per call, sync and async, against raw httpx + json.loads
  import       5a-5d  ``import owui_chats_client`` / ``from owui_chats_client import ChatsClient``
                      in fresh processes, against its own dependencies alone and against
                      owui-client, each in a virtual environment without development tools
  bulk         2-3    ``get_all_db`` / ``iter_all`` of many chats from a local Open WebUI: the
                      client's instructions on the bodies replayed, wall and CPU time, memory
  concurrency  4a-4b  ``get(id)`` calls, 20 in flight (async) and sequential (sync)
  cli          6a-6c  the ``owui-chats`` command: ``export`` of every chat to a file against raw
                      httpx streaming the same route to a file (time, peak memory growth), and
                      ``import`` of that file in batches against one request per chat
  scale        8a-9d  (full runs only) ``owui-chats migrate`` between two local servers against
                      the slower of ``export`` alone and ``import`` alone of the same chats (8a);
                      ``owui-chats import`` against raw httpx posting the import route in batches
                      of the best size found (8b); and how cost grows: ``export``, ``iter_all``,
                      ``import`` and ``migrate`` at 500, 2,000, 8,000 and 20,000 chats, time per
                      chat and peak memory (9a-9d), plotted to docs/assets/bench-growth.png
  send-message 7      ``send_message`` (echo model) against the same steps written by hand
                      with raw httpx (7c-7d: through the PostgreSQL + Redis + nginx deployment)

Instruments (the table's ``instrument`` column says which measured a line):

- ``instructions (callgrind)``: where the client's own cost is judged (rows 1 and 2), each
  contender runs in a process of its own under ``valgrind --tool=callgrind`` against answers
  replayed through ``httpx.MockTransport`` (row 2: the bodies the local server sent), and the
  instructions between two marks are counted: 200 ``get_list`` calls, or one read of 2,000
  chats, after a warm-up. Row 9's linearity lines count each command's process from after its
  imports against servers that only replay bytes (`REPLAY_SERVER`). The count leaves the
  interpreter's start-up out and does not move with the machine's load (the same commit counts
  the same to about 0.1 %), so its verdict cannot flip between runs. valgrind is installed with
  apt-get when missing and running as root.
- ``wall``: elapsed time, where the server's time is the point (rows 3a, 4, 5, 6, 7, 8, 9).
  Ratios are paired: within a round the contenders run interleaved (the one that starts rotates
  from round to round), each round gives one ratio against the baseline measured in that same
  round, and the table shows the median of those ratios with their spread (``[min-max]``). A wall
  target is judged on that median only where it lies far outside the spread that runs of one
  commit show; rows 4, 6a and 7, whose 5 % targets lie inside that noise on a shared two-core
  machine, are shown as ``info``: the target and the spread, no pass or fail.
- ``CPU`` (this process's CPU time, shown beside the counts), ``RSS`` (peak resident growth of a
  fresh process) and ``tracemalloc``.

A verdict holds only when it holds in each of three consecutive full runs: ``--runs 3`` prints
every run's table and then a verdict table, where a row PASSes only if it passed in all three.

Usage::

    scripts/bench --runs 3      # the verdict: three full runs
    scripts/bench               # one full run (targets shown, not a verdict)
    scripts/bench --quick       # small sizes, a smoke test of the machinery (a minute or two)
    scripts/bench --only import,per-call --runs 3
    scripts/bench --strict      # exit 1 unless every target PASSes

A full run writes its tables to docs/assets/bench-results.md (``--only``: bench-results-NAMES.md)
and, with the scale rows, the plot of time per chat against size to docs/assets/bench-growth.png.

The import rows run in two virtual environments that the benchmark builds once and caches under
``$OWUI_CHATS_CLIENT_CACHE/bench`` (``~/.cache/owui-chats-client/bench``): this project installed
without extras (httpx, httpx-sse, attrs; editable, so the working tree is what is measured), and
owui-client 11.0.0 on its own. The development ``.venv`` is not used for them: httpx imports
rich and click when they are installed, which would inflate every figure. ``--quick`` times the
imports in the running interpreter instead.

The live rows start their own Open WebUI (``scripts/localserver.py``) once for all runs, seed it
through ``POST /api/v1/chats/import`` and delete the chats again at the end. The scale rows start
two more: a source on a copy of a data directory seeded once with 30,500 chats (one user per
size, about 4 minutes, cached under the same directory and reused by later runs) and an empty
destination.

Adding a row: write ``def my_row(bench: Bench) -> None`` that measures with `interleave` and
reports with ``bench.report.timing(...)``, and register it with ``@row("name", "ids", "what")``
(``live=True`` when it needs the server; ``bench.live()`` then gives its URL, key and chat ids).
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import functools
import gc
import hashlib
import itertools
import json
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from localserver import (  # noqa: E402
    CACHE_DIR,
    OPENWEBUI_VERSION,
    LocalServer,
    add_user,
    progress,
)

from owui_chats_client import AsyncChatsClient, ChatsClient  # noqa: E402

MOCK_BASE = "http://127.0.0.1:8080"
MOCK_KEY = "sk-bench"
#: The release the replayed answers stand for (the reference release).
MOCK_RELEASE = OPENWEBUI_VERSION
TITLES = 60
IN_FLIGHT = 20
CHUNK = 25  # calls per interleaved batch in rows 1 and 4b
MESSAGES_PER_CHAT = 10
IMPORT_BATCH = 100
OWUI_CLIENT = "owui-client==11.0.0"
RUNS_FOR_A_VERDICT = 3
WALL_NOTE = (
    "wall time also counts the other processes of the machine (and, in rows 2 and 4, the "
    "server, on the same cores), which moves it by more than the client's own differences"
)
NOISE_NOTE = (
    "info, not judged: the server runs on the same two cores as the client and the machine's "
    "other work, and the median of this ratio has moved by more than the 5 % margin between "
    "runs of one commit (4a 0.94-1.06, 7a 1.01-1.06 over three runs), so a pass or fail here "
    "would say more about the machine than the client; the client's own cost is judged on "
    "counted instructions in rows 1-2"
)
INSTRUMENTS = (
    "instruments: 'instructions (callgrind)' counts the instructions one process executes in the "
    "measured region (valgrind --tool=callgrind, answers replayed through httpx.MockTransport, "
    "or in row 9 by servers that only replay bytes): "
    "the same count on every run (so later runs of one invocation reuse the first run's counts; "
    "--recount counts again), and its verdict cannot flip with the machine's load; 'wall' is "
    "elapsed time, judged on the median of paired ratios only where the target is far outside "
    "the spread, and otherwise shown as 'info' (target inside the noise: no pass or fail); 'CPU' "
    "is this process's CPU time, shown; 'RSS' and 'tracemalloc' measure memory"
)
#: Instructions are counted over this many get_list calls (row 1) and parses of the bodies (row 2).
COUNT_CALLS = 200
COUNT_PARSES = 1
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
    import_runs: int  # row 5: fresh processes per contender
    cli_rounds: int  # row 6: export rounds; imports run half as many (at least 2)
    send_calls: int  # row 7: send_message calls per contender per round
    send_rounds: int


# Rows judged on counted instructions need no rounds for their verdict; the timed rounds beside
# them (and rows 4, 6a and 7, shown as info) are fewer than when time was judged.
FULL = Sizes(
    overhead_calls=150,
    overhead_rounds=7,
    chats=2000,
    bulk_rounds=7,
    memory_rounds=3,
    get_calls=200,
    get_rounds=7,
    import_runs=15,
    cli_rounds=5,
    send_calls=10,
    send_rounds=7,
)
QUICK = Sizes(
    overhead_calls=100,
    overhead_rounds=5,
    chats=100,
    bulk_rounds=2,
    memory_rounds=1,
    get_calls=40,
    get_rounds=2,
    import_runs=2,
    cli_rounds=3,
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
    ratios: list[float] | None = None  # one per round: contender / baseline of that round
    target: tuple[str, float] | None = None
    note: str = ""
    judged: bool = True  # False in --quick: the target is shown, not judged
    instrument: str = "wall"  # what measured it: see INSTRUMENTS
    #: The target is shown with the spread, never judged: it lies inside the row's noise.
    informational: bool = False

    def __post_init__(self) -> None:
        if self.unit == "B" and self.instrument == "wall":
            self.instrument = "RSS"

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    @property
    def verdict(self) -> str:
        if self.target is None or self.ratio is None or not self.judged:
            return ""
        if self.informational:
            return "info"
        op, limit = self.target
        ok = self.ratio <= limit if op == "<=" else self.ratio < limit
        return "PASS" if ok else "FAIL"

    def shown_ratio(self) -> str:
        if self.baseline == "-":  # a figure shown on its own: no baseline, no ratio
            return ""
        if self.ratio is None or self.ratios is None:
            return "baseline"
        return f"{self.ratio:.3f}x vs {self.baseline} {spread(self.ratios)}".rstrip()

    def shown_target(self) -> str:
        return f"{self.target[0]} {self.target[1]:.2f}x" if self.target else ""


@dataclass
class Report:
    judged: bool = True
    lines: list[Line] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    def add(self, line: Line) -> None:
        line.judged = self.judged
        self.lines.append(line)
        shown = fmt(line.median, line.unit)
        if line.ratio is not None:
            shown += f"  {line.shown_ratio()}"
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
        instrument: str = "wall",
        informational: bool = False,
        unit: str = "s",
    ) -> None:
        ratios = paired_ratios(samples, name, baseline) if baseline else None
        median = statistics.median(samples[name])
        label = label if baseline else ""
        line = Line(row, what, contender, median, unit, label, ratios, target, note)
        line.instrument, line.informational = instrument, informational
        self.add(line)


def spread(ratios: list[float] | None) -> str:
    """``[min-max]`` of several ratios; nothing for one (a count, which does not vary)."""
    if not ratios or len(ratios) < 2:
        return ""
    return f"[{min(ratios):.3f}-{max(ratios):.3f}]"


def fmt(value: float, unit: str) -> str:
    if unit == "i":  # instructions
        return f"{value / 1e6:.2f} M instr" if value >= 1e5 else f"{value / 1e3:.1f} k instr"
    if unit == "s/chat":
        return f"{value * 1e3:.3f} ms/chat"
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


def table(head: tuple[str, ...], cells: list[tuple[str, ...]], groups: list[str]) -> list[str]:
    """Aligned columns; a rule between groups (``groups[i]`` is the group of ``cells[i]``)."""
    widths = [max(len(row[i]) for row in [head, *cells]) for i in range(len(head))]
    rule = "-+-".join("-" * width for width in widths)

    def join(row: tuple[str, ...]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    out = [join(head), rule]
    for index, row in enumerate(cells):
        if index and groups[index] != groups[index - 1]:
            out.append(rule)
        out.append(join(row))
    return out


def render(report: Report) -> str:
    head = (
        "row",
        "measurement",
        "instrument",
        "contender",
        "median",
        "ratio [min-max]",
        "target",
        "result",
    )
    cells: list[tuple[str, ...]] = []
    previous: tuple[str, str] = ("", "")
    for line in report.lines:
        shown = (line.what, line.instrument) != previous
        what = line.what if shown else ""
        instrument = line.instrument if shown else ""
        previous = (line.what, line.instrument)
        median = fmt(line.median, line.unit)
        target = line.shown_target()
        cells.append(
            (
                line.row,
                what,
                instrument,
                line.contender,
                median,
                line.shown_ratio(),
                target,
                line.verdict,
            )
        )
    out = table(head, cells, [line.row[0] for line in report.lines])
    notes = [f"  {line.row} {line.contender}: {line.note}" for line in report.lines if line.note]
    return "\n".join([*out, "", *report.facts, INSTRUMENTS, *(["notes:", *notes] if notes else [])])


def render_verdicts(reports: list[Report]) -> tuple[str, list[str]]:
    """The verdict table over several runs, and the targets that did not PASS in every one."""
    keys: list[tuple[str, str, str]] = []
    found: dict[tuple[str, str, str], list[Line | None]] = {}
    for index, report in enumerate(reports):
        for line in report.lines:
            if line.target is None:
                continue
            key = (line.row, line.contender, line.what)
            if key not in found:
                keys.append(key)
                found[key] = [None] * len(reports)
            found[key][index] = line
    head = (
        "row",
        "measurement",
        "instrument",
        "contender",
        "target",
        *(f"run {n}" for n in range(1, len(reports) + 1)),
        "verdict",
    )
    cells: list[tuple[str, ...]] = []
    missed: list[str] = []
    for key in keys:
        lines = found[key]
        first = next(line for line in lines if line is not None)
        runs = [
            " ".join(
                part for part in (f"{line.ratio:.3f}x", spread(line.ratios), line.verdict) if part
            )
            if line is not None and line.ratio is not None
            else "-"
            for line in lines
        ]
        passed = sum(1 for line in lines if line is not None and line.verdict == "PASS")
        if first.informational:
            cells.append(
                (key[0], first.what, first.instrument, key[1], first.shown_target(), *runs, "info")
            )
            continue
        if len(reports) < RUNS_FOR_A_VERDICT:
            verdict = f"none ({passed}/{len(reports)} PASS; {RUNS_FOR_A_VERDICT} runs needed)"
        elif passed == len(reports):
            verdict = f"PASS ({passed}/{len(reports)})"
        else:
            verdict = f"FAIL ({passed}/{len(reports)})"
        if passed != len(reports):
            missed.append(f"{key[0]} {key[1]}")
        cells.append(
            (key[0], first.what, first.instrument, key[1], first.shown_target(), *runs, verdict)
        )
    return "\n".join(table(head, cells, [key[0][0] for key in keys])), missed


# -- rows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    name: str
    ids: str
    summary: str
    run: Callable[[Bench], None]
    live: bool


ROWS: dict[str, Row] = {}


def row(name: str, ids: str, summary: str, *, live: bool = False) -> Callable[..., Any]:
    """Register ``fn(bench)`` as the row ``name`` (run in registration order)."""

    def register(fn: Callable[[Bench], None]) -> Callable[[Bench], None]:
        ROWS[name] = Row(name, ids, summary, fn, live)
        return fn

    return register


# -- measuring --------------------------------------------------------------------------------

Batch = Callable[[], float]  # runs a batch, returns seconds (per call or in total)


def interleave(
    contenders: list[tuple[str, Batch]],
    rounds: int,
    chunks: int = 1,
    warm_up: bool = True,
    cpu: dict[str, list[float]] | None = None,
    per: int = 1,
) -> dict[str, list[float]]:
    """``rounds`` samples per contender, after one warm-up batch each.

    A round runs ``chunks`` batches of every contender in turn (A B C A B C ...), so that load
    from elsewhere on the machine hits them alike, and its sample is the mean of those batches.
    The contender that starts rotates from round to round.

    With ``cpu``, this process's CPU time for each batch is recorded there too, per round like
    the samples, divided by ``per`` (the calls in a batch, when batches report per-call times).
    Other processes' load on the machine barely moves CPU time, while it can move wall time by
    more than the differences measured here.
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
        cpu_totals = dict.fromkeys(samples, 0.0)
        gc.collect()
        for _ in range(chunks):
            for name, batch in order:
                if chunks == 1:  # short batches share the collector's work; long ones start clean
                    gc.collect()
                started_cpu = time.process_time()
                totals[name] += batch()
                cpu_totals[name] += time.process_time() - started_cpu
        for name, total in totals.items():
            samples[name].append(total / chunks)
            if cpu is not None:
                cpu.setdefault(name, []).append(cpu_totals[name] / chunks / per)
    return samples


def paired_ratios(samples: dict[str, list[float]], name: str, baseline: str) -> list[float]:
    """One ratio per round: the contender's sample over the baseline's of the same round."""
    pairs = zip(samples[name], samples[baseline], strict=True)
    return [value / base for value, base in pairs]


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


# -- counting instructions ------------------------------------------------------------------------
#
# Each contender runs in its own process under callgrind: set up, one warm-up call, then the
# measured calls between two calls of getppid(2), a function nothing else in these processes
# calls. `--dump-before=getppid` writes the counters at each of them, so the second dump holds
# exactly the measured calls, without the interpreter's start-up, the imports or the warm-up.


def ensure_valgrind() -> str:
    """The valgrind executable; installed with apt-get (Debian's valgrind) when missing and root."""
    found = shutil.which("valgrind")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing valgrind (apt-get install valgrind, about 60 MB)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "valgrind"],
        ):
            subprocess.run(command, env=env, check=True, capture_output=True)
        found = shutil.which("valgrind")
    if not found:
        raise RuntimeError(
            "valgrind is missing: install Debian's valgrind package (apt-get install valgrind); "
            "the rows judged on instructions count them with valgrind --tool=callgrind"
        )
    return found


def replay_transport(
    body: bytes, kind: str, asynchronous: bool, first: bytes | None = None
) -> httpx.MockTransport:
    """An answer of ``body`` in 64 KiB chunks, as a server streams it, for every request (with
    ``first``, the first request is answered that instead: a short warm-up)."""
    piece = 1 << 16
    pieces = [body[at : at + piece] for at in range(0, len(body), piece)]
    answered = itertools.count()

    def answer(request: httpx.Request) -> httpx.Response:
        if first is not None and next(answered) == 0:
            return httpx.Response(200, content=first, headers={"content-type": kind})

        return chunked_response(pieces, kind, asynchronous)

    return httpx.MockTransport(answer)


def chunked_response(pieces: list[bytes], kind: str, asynchronous: bool) -> httpx.Response:
    """A 200 answer whose body arrives in ``pieces``, as a server streams it."""

    async def apieces() -> AsyncIterator[bytes]:
        for one in pieces:
            yield one

    content = apieces() if asynchronous else iter(pieces)
    return httpx.Response(200, content=content, headers={"content-type": kind})


def counted_work(variant: str, bodies: Path) -> Callable[[], object]:
    """What one contender of a counted row does once: ``list:NAME`` (row 1, one get_list call)
    or ``db:NAME`` (row 2, one read of the replayed GET /api/v1/chats/all/db answer); NAME is
    raw, facade (sync), araw, afacade or owui (async)."""
    kind, name = variant.split(":")
    asynchronous = name in {"araw", "afacade", "owui"}
    url = f"{MOCK_BASE}/api/v1/chats/{'list' if kind == 'list' else 'all/db'}"
    if kind == "list":
        body, mime = titles_body(TITLES), "application/json"
        transport = replay_transport(body, mime, asynchronous)
    else:  # the warm-up reads a few chats only: the path is the same, callgrind's time shorter
        whole = (bodies / "db.json").read_bytes()
        few = json.dumps(json.loads(whole)[:5]).encode()
        transport = replay_transport(whole, "application/json", asynchronous, few)
    # The same query and headers that the facade sends for get_list.
    params = (
        {
            "include_pinned": "false",
            "include_folders": "false",
            "sort_by": "updated_at",
            "sort_dir": "desc",
        }
        if kind == "list"
        else {}
    )
    headers = {"Accept": "application/json", "Authorization": f"Bearer {MOCK_KEY}"}
    if not asynchronous:
        if name == "raw":
            raw = httpx.Client(transport=transport)
            return lambda: raw_json(raw.get(url, params=params, headers=headers))
        facade = ChatsClient(
            MOCK_BASE,
            MOCK_KEY,
            http_client=httpx.Client(transport=transport),
            server_version=MOCK_RELEASE,
        )
        return facade.get_list if kind == "list" else facade.get_all_db
    loop = asyncio.new_event_loop()
    call: Callable[[], Awaitable[object]]
    if name == "araw":
        araw = httpx.AsyncClient(transport=transport)

        async def araw_call() -> Any:
            return raw_json(await araw.get(url, params=params, headers=headers))

        call = araw_call
    elif name == "afacade":
        afacade = AsyncChatsClient(
            MOCK_BASE,
            MOCK_KEY,
            http_client=httpx.AsyncClient(transport=transport),
            server_version=MOCK_RELEASE,
        )
        call = afacade.get_list if kind == "list" else afacade.get_all_db
    else:
        owui = owui_client_for(
            f"{MOCK_BASE}/api", MOCK_KEY, httpx.AsyncClient(transport=transport, timeout=60.0)
        )
        call = owui.chats.get_list if kind == "list" else owui.chats.get_all_db
    return lambda: loop.run_until_complete(call())


def count_child(variant: str, calls: int, bodies: str) -> int:
    """The process that callgrind counts (``bench.py --count-child VARIANT CALLS DIR``)."""
    work = counted_work(variant, Path(bodies))
    first = work()  # the warm-up, and a check of the answer
    gc.collect()
    os.getppid()  # callgrind dumps here: start-up, imports and warm-up end
    for _ in range(calls):
        last = work()
    os.getppid()  # and here: the measured calls end
    print(json.dumps({"items": [len(first), len(last)]}))  # type: ignore[arg-type]
    return 0


def count_instructions(valgrind: str, variant: str, calls: int, bodies: Path) -> float:
    """Instructions per call of ``variant`` (callgrind)."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--count-child",
        variant,
        str(calls),
        str(bodies),
    ]
    total, _ = callgrind(valgrind, command, dict(os.environ), variant)
    return total / calls


def callgrind(valgrind: str, command: list[str], env: dict[str, str], what: str) -> tuple[int, str]:
    """Instructions that ``command`` executes between its two calls of getppid(2) (callgrind),
    and what it printed."""
    with tempfile.TemporaryDirectory(prefix="owui-bench-cg-") as out:
        traced = [
            valgrind,
            "--tool=callgrind",
            "--dump-before=getppid",
            f"--callgrind-out-file={out}/cg.%p",
            *command,
        ]
        # A fixed hash seed: set and dict layouts, and so the count, are the same on every run.
        env = {**env, "PYTHONHASHSEED": "0"}
        done = subprocess.run(traced, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"callgrind of {what} failed:\n{done.stderr[-3000:]}")
        dumps = sorted(Path(out).glob("cg.*.*"))
        if [path.suffix for path in dumps] != [".1", ".2"]:
            raise RuntimeError(f"callgrind of {what}: expected two dumps, got {dumps}")
        for line in dumps[1].read_text().splitlines():
            if line.startswith(("totals:", "summary:")):
                return int(line.split()[1]), done.stdout
    raise RuntimeError(f"callgrind of {what}: no totals in {dumps[1]}")


#: Counts made in this invocation, by what was counted and the digest of its inputs: a count
#: does not move from run to run (the same commit counts the same to about 0.1 %), so with
#: ``--runs N`` the later runs reuse the first run's counts unless ``--recount`` is given.
COUNTED: dict[tuple[object, ...], dict[str, float]] = {}
RECOUNT = False


def counted_once(
    key: tuple[object, ...], what: str, jobs: Mapping[str, Callable[[], float]]
) -> dict[str, float]:
    """Each job's count, two processes at a time (a count does not depend on the load, so they
    may share the cores); made once per invocation for ``key`` (see `COUNTED`)."""
    if key in COUNTED and not RECOUNT:
        log(f"{what}: counted earlier in this invocation, reused")
        return COUNTED[key]
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        counts = {name: future.result() for name, future in futures.items()}
    log(f"{what}: counted under callgrind in {time.perf_counter() - started:.0f}s")
    COUNTED[key] = counts
    return counts


def count_all(variants: list[str], calls: int, bodies: Path) -> dict[str, float]:
    """Instructions per call of each variant."""
    digest = hashlib.sha256()
    for path in sorted(bodies.glob("*.json*")) if bodies != ROOT else []:
        digest.update(path.read_bytes())
    valgrind = ensure_valgrind()
    jobs = {v: functools.partial(count_instructions, valgrind, v, calls, bodies) for v in variants}
    return counted_once((tuple(variants), calls, digest.hexdigest()), ", ".join(variants), jobs)


def add_counted(
    report: Report,
    row_id: str,
    what: str,
    counts: dict[str, float],
    contenders: list[tuple[str, str, str, str, tuple[str, float] | None]],
    note: str = "",
) -> None:
    """Lines of counted instructions, each (variant, contender, baseline variant or "", its
    label, target)."""
    for variant, contender, base, label, target in contenders:
        ratio = [counts[variant] / counts[base]] if base else None
        report.add(
            Line(
                row_id,
                what,
                contender,
                counts[variant],
                "i",
                label,
                ratio,
                target,
                note if target else "",
                True,
                "instructions (callgrind)",
            )
        )


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


@row("per-call", "1a-1b", "get_list through MockTransport: the SDK's own cost per call")
def per_call(bench: Bench) -> None:
    row_counted_calls(bench.report, bench.quick)
    row_overhead(bench.report, bench.sizes)


def smoke_count(variants: list[str], bodies: Path) -> None:
    """--quick: the processes that callgrind would count, run once each without it (under
    callgrind each takes from half a minute to minutes on a loaded two-core machine)."""
    for variant in variants:
        command = [sys.executable, str(Path(__file__).resolve()), "--count-child", variant, "2"]
        done = subprocess.run([*command, str(bodies)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"count child {variant} failed:\n{done.stderr[-3000:]}")
    log(f"quick mode: {len(variants)} count processes run without callgrind (nothing counted)")


def row_counted_calls(report: Report, quick: bool) -> None:
    """Rows 1a-1b judged: instructions per get_list call, each contender counted alone."""
    calls = COUNT_CALLS
    variants = ["list:raw", "list:facade", "list:araw", "list:afacade", "list:owui"]
    if quick:
        smoke_count(variants, ROOT)
        return
    log(
        f"row 1: instructions of {calls} get_list calls per contender (callgrind), "
        f"{len(variants)} processes"
    )
    counts = count_all(variants, calls, ROOT)
    what = f"get_list, {TITLES} titles, sync, per call"
    add_counted(
        report,
        "1a",
        what,
        counts,
        [
            ("list:raw", "raw httpx.Client + json.loads", "", "", None),
            ("list:facade", "facade ChatsClient", "list:raw", "raw", ("<=", 1.05)),
        ],
    )
    what = f"get_list, {TITLES} titles, async, per call"
    add_counted(
        report,
        "1b",
        what,
        counts,
        [
            ("list:araw", "raw httpx.AsyncClient + json.loads", "", "", None),
            ("list:afacade", "facade AsyncChatsClient", "list:araw", "raw", ("<=", 1.05)),
            ("list:owui", "owui-client 11.0.0", "list:araw", "raw", None),
        ],
    )


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
    params = {
        "include_pinned": "false",
        "include_folders": "false",
        "sort_by": "updated_at",
        "sort_dir": "desc",
    }
    headers = {"Accept": "application/json", "Authorization": f"Bearer {MOCK_KEY}"}

    raw = httpx.Client(transport=transport)
    # The replayed answer is a list; the facade is told its release, as a client that has
    # asked GET /api/version once would know it.
    facade = ChatsClient(
        MOCK_BASE,
        MOCK_KEY,
        http_client=httpx.Client(transport=transport),
        server_version=MOCK_RELEASE,
    )

    def raw_call() -> Any:
        return raw_json(raw.get(url, params=params, headers=headers))

    assert len(facade.get_list()) == len(raw_call()) == TITLES
    cpu: dict[str, list[float]] = {}
    samples = interleave(
        [("raw", repeat(CHUNK, raw_call)), ("facade", repeat(CHUNK, facade.get_list))],
        rounds,
        chunks,
        cpu=cpu,
        per=CHUNK,
    )
    what = f"get_list, {TITLES} titles, sync, MockTransport"
    report.timing("1a", what, "raw httpx.Client + json.loads", cpu, "raw", instrument="CPU")
    report.timing("1a", what, "facade ChatsClient", cpu, "facade", "raw", instrument="CPU")
    what = f"get_list, {TITLES} titles, sync, MockTransport"
    report.timing("1a", what, "raw httpx.Client + json.loads", samples, "raw")
    report.timing(
        "1a",
        what,
        "facade ChatsClient",
        samples,
        "facade",
        "raw",
        note="CPU and wall time shown beside the count: " + WALL_NOTE,
    )
    raw.close()
    facade._http.close()

    loop = asyncio.new_event_loop()
    araw = httpx.AsyncClient(transport=transport)
    afacade = AsyncChatsClient(
        MOCK_BASE,
        MOCK_KEY,
        http_client=httpx.AsyncClient(transport=transport),
        server_version=MOCK_RELEASE,
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
        cpu = {}
        samples = interleave(
            [
                ("raw", arepeat(loop, CHUNK, araw_call)),
                ("facade", arepeat(loop, CHUNK, afacade.get_list)),
                ("owui", arepeat(loop, CHUNK, owui.chats.get_list)),
            ],
            rounds,
            chunks,
            cpu=cpu,
            per=CHUNK,
        )
        for http in (araw, afacade._http, owui._client):
            loop.run_until_complete(http.aclose())
    finally:
        loop.close()
    what = f"get_list, {TITLES} titles, async, MockTransport"
    report.timing("1b", what, "raw httpx.AsyncClient + json.loads", cpu, "raw", instrument="CPU")
    report.timing("1b", what, "facade AsyncChatsClient", cpu, "facade", "raw", instrument="CPU")
    report.timing(
        "1b",
        what,
        "owui-client 11.0.0",
        cpu,
        "owui",
        "raw",
        note="owui-client gets the same MockTransport through its private AsyncClient slot; "
        "it requests /v1/chats/ (same handler as /list)",
        instrument="CPU",
    )
    what = f"get_list, {TITLES} titles, async, MockTransport"
    report.timing("1b", what, "raw httpx.AsyncClient + json.loads", samples, "raw")
    report.timing("1b", what, "facade AsyncChatsClient", samples, "facade", "raw")


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


def row_bulk(
    report: Report, sizes: Sizes, base_url: str, api_key: str, count: int, quick: bool
) -> None:
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
        what = f"get_all_db, {count} chats, sync, client"
        report.timing("2a", what, "raw httpx.Client + json.loads", cpu, "raw", instrument="CPU")
        report.timing("2a", what, "facade ChatsClient", cpu, "facade", "raw", instrument="CPU")
        what = f"get_all_db, {count} chats, sync, server included"
        report.timing("2a", what, "raw httpx.Client + json.loads", samples, "raw")
        report.timing("2a", what, "facade ChatsClient", samples, "facade", "raw", note=wall_note)
        what = f"get_all_db, {count} chats, async, client"
        report.timing(
            "2b", what, "raw httpx.AsyncClient + json.loads", cpu, "araw", instrument="CPU"
        )
        report.timing(
            "2b", what, "facade AsyncChatsClient", cpu, "afacade", "araw", instrument="CPU"
        )
        report.timing("2b", what, "owui-client 11.0.0", cpu, "owui", "araw", instrument="CPU")
        what = f"get_all_db, {count} chats, async, server included"
        report.timing("2b", what, "raw httpx.AsyncClient + json.loads", samples, "araw")
        report.timing("2b", what, "facade AsyncChatsClient", samples, "afacade", "araw")
        report.timing("2b", what, "owui-client 11.0.0", samples, "owui", "araw")
        what = f"get_all_db, {count} chats, vs owui, client"
        report.timing("2c", what, "owui-client 11.0.0 (async)", cpu, "owui", instrument="CPU")
        report.timing(
            "2c",
            what,
            "facade AsyncChatsClient",
            cpu,
            "afacade",
            "owui",
            "owui-client",
            instrument="CPU",
        )
        report.timing(
            "2c", what, "facade ChatsClient", cpu, "facade", "owui", "owui-client", instrument="CPU"
        )
        what = f"get_all_db, {count} chats, vs owui, server included"
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
    row_counted_bulk(report, db_body, lines_body, count, quick)
    row_replay(report, sizes, db_body, lines_body, count)


def row_counted_bulk(
    report: Report, db_body: bytes, lines_body: bytes, count: int, quick: bool
) -> None:
    """Rows 2a-2c judged: instructions of one read of the bodies the server sent,
    replayed through MockTransport, each contender counted alone."""
    variants = ["db:raw", "db:facade", "db:araw", "db:afacade", "db:owui"]
    log(f"row 2: instructions of reading {count} chats (callgrind), {len(variants)} processes")
    with tempfile.TemporaryDirectory(prefix="owui-bench-bodies-") as bodies:
        Path(bodies, "db.json").write_bytes(db_body)
        Path(bodies, "all.ndjson").write_bytes(lines_body)
        if quick:
            smoke_count(variants, Path(bodies))
            return
        counts = count_all(variants, COUNT_PARSES, Path(bodies))
    note = (
        "the body the server sent for GET /api/v1/chats/all/db, replayed in 64 KiB chunks "
        "through MockTransport; one read counted, after a warm-up read, in a process of its own"
    )
    what = f"get_all_db, {count} chats, sync, one read"
    add_counted(
        report,
        "2a",
        what,
        counts,
        [
            ("db:raw", "raw httpx.Client + json.loads", "", "", None),
            ("db:facade", "facade ChatsClient", "db:raw", "raw", ("<=", 1.05)),
        ],
        note,
    )
    what = f"get_all_db, {count} chats, async, one read"
    add_counted(
        report,
        "2b",
        what,
        counts,
        [
            ("db:araw", "raw httpx.AsyncClient + json.loads", "", "", None),
            ("db:afacade", "facade AsyncChatsClient", "db:araw", "raw", ("<=", 1.05)),
            ("db:owui", "owui-client 11.0.0", "db:araw", "raw", None),
        ],
    )
    what = f"get_all_db, {count} chats, vs owui, one read"
    add_counted(
        report,
        "2c",
        what,
        counts,
        [
            ("db:owui", "owui-client 11.0.0 (async)", "", "", None),
            ("db:afacade", "facade AsyncChatsClient", "db:owui", "owui-client", ("<", 1.00)),
            ("db:facade", "facade ChatsClient", "db:owui", "owui-client", None),
        ],
    )


# What the child processes of rows 3b and 6b share: the peak resident size (VmHWM) is reset to
# the current one (Linux: "5" into clear_refs) just before the work measured, so what came before
# (imports, the TLS context) cannot hide the work's own peak under an earlier one.
PEAK_PRELUDE = """\
def status_bytes(key):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
def reset_peak():
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return status_bytes("VmRSS")
def peak_growth(before):
    return status_bytes("VmHWM") - before
"""

# A child process reads the chats once, after the facade is imported and the client made, and
# reports how far that read raised its peak resident size above the size it started from.
MEMORY_CHILD = (
    PEAK_PRELUDE
    + """\
import json, sys
from owui_chats_client import ChatsClient
how = sys.argv[1]
client = ChatsClient()  # OPENWEBUI_BASE_URL, OPENWEBUI_API_KEY
before = reset_peak()
if how == "iter_all":
    with client.iter_all() as chats:
        count = sum(1 for _ in chats)
else:
    count = len(client.get_all_db())
print(json.dumps({"grew": peak_growth(before), "count": count}))
"""
)


def rss_growth(base_url: str, api_key: str, how: str, count: int) -> float:
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, how],
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
            paired_ratios(rss, "iter_all", "get_all_db"),
            ("<", 0.20),
            note="RSS high-water growth of a fresh process around one read: what the machine "
            "had to supply, including parser buffers that tracemalloc counts whole but the parser "
            "only partly touches (orjson reserves its buffer from the input size); the loop keeps "
            "no chat, as an export to a file would",
        )
    )
    peak = {name: statistics.median(values) for name, values in traced.items()}
    what = "peak traced growth (tracemalloc)"
    line = Line("3c", what, "facade ChatsClient.get_all_db", peak["facade"], "B")
    line.instrument = "tracemalloc"
    report.add(line)
    report.add(
        Line(
            "3c",
            what,
            "facade ChatsClient.iter_all",
            peak["stream"],
            "B",
            "get_all_db",
            paired_ratios(traced, "stream", "facade"),
            instrument="tracemalloc",
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
            paired_ratios(traced, "raw", "facade"),
            instrument="tracemalloc",
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
            return chunked_response(split[ndjson], kind, asynchronous)

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
        cpu: dict[str, list[float]] = {}
        samples = interleave(
            [("araw", gather(araw_get, chosen)), ("afacade", gather(afacade.get, chosen))],
            sizes.get_rounds,
            warm_up=False,
            cpu=cpu,
        )
        per_call = interleave(
            [("raw", sequential(raw_get)), ("facade", sequential(facade.get))],
            sizes.get_rounds,
            max(1, calls // CHUNK),
            cpu=cpu,
            per=CHUNK,
        )
        samples.update({name: [v * calls for v in values] for name, values in per_call.items()})
        for name in ("raw", "facade"):
            cpu[name] = [value * calls for value in cpu[name]]
    finally:
        for http in (araw, afacade):
            loop.run_until_complete(http.aclose())
        loop.close()
        raw.close()
        facade._http.close()
    what = f"{calls} x get(id), {IN_FLIGHT} in flight"
    report.timing("4a", what, "raw httpx.AsyncClient + json.loads", samples, "araw")
    report.timing(
        "4a",
        what,
        "facade AsyncChatsClient",
        samples,
        "afacade",
        "araw",
        target=("<=", 1.05),
        note=NOISE_NOTE,
        informational=True,
    )
    report.timing("4a", what, "raw httpx.AsyncClient + json.loads", cpu, "araw", instrument="CPU")
    report.timing("4a", what, "facade AsyncChatsClient", cpu, "afacade", "araw", instrument="CPU")
    what = f"{calls} x get(id), sequential"
    report.timing("4b", what, "raw httpx.Client + json.loads", samples, "raw")
    report.timing(
        "4b",
        what,
        "facade ChatsClient",
        samples,
        "facade",
        "raw",
        target=("<=", 1.05),
        informational=True,
    )
    report.timing("4b", what, "raw httpx.Client + json.loads", cpu, "raw", instrument="CPU")
    report.timing("4b", what, "facade ChatsClient", cpu, "facade", "raw", instrument="CPU")


# -- row 5: import --------------------------------------------------------------------------------

# A child times one import statement, from its own start: interpreter start-up is left out. "time"
# children read perf_counter; "memory" children run under tracemalloc (which slows imports down,
# so they are separate). Every child is a fresh process; the contenders of a round run in turn,
# the one that starts rotating, like the other rows.
CHILD = """\
import json, sys, time
{prelude}
m0 = {probe}
{statement}
taken = {probe} - m0
loaded = {{name: name in sys.modules for name in ("rich", "click")}}
print(json.dumps({{"taken": taken, **loaded}}))
"""
PROBES = {
    "time": ("", "time.perf_counter()"),
    "memory": ("import tracemalloc\ntracemalloc.start()", "tracemalloc.get_traced_memory()[0]"),
}
# name: (environment, statement)
IMPORTS = {
    "deps": ("sdk", "import httpx, httpx_sse, attrs"),
    "package": ("sdk", "import owui_chats_client"),
    "class": ("sdk", "from owui_chats_client import ChatsClient"),
    "owui_package": ("owui", "import owui_client"),
    "owui_class": ("owui", "from owui_client import OpenWebUI"),
}


def _venv(name: str, key: str, requirements: list[str], expected: str) -> Path:
    """A cached virtual environment under ``CACHE_DIR/bench`` with only ``requirements``."""
    venv = CACHE_DIR / "bench" / f"{name}-{key}"
    python = venv / "bin" / "python"
    if (venv / ".complete").exists() and python.exists():
        return python
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    with progress(f"building the {name} environment for the import rows", expected):
        for command in (
            [sys.executable, "-m", "venv", str(venv)],
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                *requirements,
            ],
        ):
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                output = "\n".join(
                    line
                    for line in (done.stdout + done.stderr).splitlines()
                    if not line.startswith("WARNING: Location")
                )
                raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    (venv / ".complete").write_text(" ".join(requirements))
    return python


def import_pythons(quick: bool) -> dict[str, str]:
    """The interpreter of each import environment: ``sdk`` (this project without extras) and
    ``owui`` (owui-client alone). ``--quick`` uses the running interpreter for both."""
    if quick:
        return {"sdk": sys.executable, "owui": sys.executable}
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    version = platform.python_version()
    sdk_key = hashlib.sha256(str(ROOT).encode() + pyproject + version.encode()).hexdigest()[:12]
    owui_key = hashlib.sha256(f"{OWUI_CLIENT} {version}".encode()).hexdigest()[:12]
    return {
        # editable and without extras: the working tree is measured, with httpx, httpx-sse and
        # attrs (and their own dependencies) only
        "sdk": str(_venv("owui-chats-client", sdk_key, ["-e", str(ROOT)], "about 20 MB, ~30 s")),
        "owui": str(_venv("owui-client", owui_key, [OWUI_CLIENT], "about 60 MB, ~1 min")),
    }


def child(python: str, kind: str, name: str, cwd: str) -> dict[str, Any]:
    prelude, probe = PROBES[kind]
    statement = IMPORTS[name][1]
    code = CHILD.format(prelude=prelude, probe=probe, statement=statement)
    # Bytecode is written and used, as for an installed package (pip compiles at install time).
    dropped = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, cwd=cwd, check=False, env=env
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {python} failed:\n{code}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@row("import", "5a-5d", "imports in fresh processes, in environments without development tools")
def row_import(bench: Bench) -> None:
    report, sizes = bench.report, bench.sizes
    pythons = import_pythons(bench.quick)
    runs = sizes.import_runs
    log(f"row 5: imports in fresh processes, {runs} rounds")
    jobs = [("time", name) for name in IMPORTS]
    if not bench.quick:  # tracemalloc makes these children slow
        jobs += [("memory", "class"), ("memory", "owui_class")]
    samples: dict[tuple[str, str], list[float]] = {job: [] for job in jobs}
    seen: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="owui-bench-") as cwd:
        for kind, name in jobs:  # warm-up: bytecode caches, page cache
            child(pythons[IMPORTS[name][0]], kind, name, cwd)
        for index in range(runs):
            start = index % len(jobs)
            for kind, name in jobs[start:] + jobs[:start]:
                out = child(pythons[IMPORTS[name][0]], kind, name, cwd)
                samples[(kind, name)].append(float(out["taken"]))
                if name == "deps":
                    seen.update(rich=bool(out["rich"]), click=bool(out["click"]))
    where = (
        "the running interpreter (dev tools installed; quick mode)"
        if bench.quick
        else f"{pythons['sdk']} (this project, no extras) and {pythons['owui']} ({OWUI_CLIENT})"
    )
    report.facts.append(
        f"row 5: imports timed with {where}; `import httpx` pulled in rich: {seen.get('rich')}, "
        f"click: {seen.get('click')}"
    )

    def add(
        row_id: str, what: str, kind: str, base: str, label: str, name: str, **extra: Any
    ) -> None:
        unit = "s" if kind == "time" else "B"
        instrument = "wall" if kind == "time" else "tracemalloc"
        base_values, values = samples[(kind, base)], samples[(kind, name)]
        if row_id not in {line.row for line in report.lines}:
            line = Line(row_id, what, label, statistics.median(base_values), unit)
            line.instrument = instrument
            report.add(line)
        ratios = [a / b for a, b in zip(values, base_values, strict=True)]
        line = Line(
            row_id,
            what,
            extra.pop("contender"),
            statistics.median(values),
            unit,
            extra.pop("vs"),
            ratios,
            **extra,
        )
        line.instrument = instrument
        report.add(line)

    add(
        "5a",
        "import <package>, time",
        "time",
        "owui_package",
        "import owui_client",
        "package",
        contender="import owui_chats_client",
        vs="owui-client",
        note="owui_chats_client imports its names lazily: the bare import loads almost nothing",
    )
    add(
        "5b",
        "import the client class vs its dependencies, time",
        "time",
        "deps",
        "import httpx, httpx_sse, attrs",
        "class",
        contender="from owui_chats_client import ChatsClient",
        vs="dependencies",
        target=("<=", 1.20),
    )
    add(
        "5c",
        "import the client class vs owui-client, time",
        "time",
        "owui_class",
        "from owui_client import OpenWebUI",
        "class",
        contender="from owui_chats_client import ChatsClient",
        vs="owui-client",
        target=("<=", 0.50),
        note="each in its own environment: owui-client's brings its own dependencies (pydantic, "
        "cyclopts...), as it would for its users",
    )
    if bench.quick:
        return
    add(
        "5d",
        "import the client class, memory",
        "memory",
        "owui_class",
        "from owui_client import OpenWebUI",
        "class",
        contender="from owui_chats_client import ChatsClient",
        vs="owui-client",
    )


# -- the live rows --------------------------------------------------------------------------------


@dataclass
class LiveData:
    base_url: str
    api_key: str
    ids: list[str]
    seed: Any  # localserver.Seed: the admin's token for the users row 6 makes

    @property
    def count(self) -> int:
        return len(self.ids)


class Live:
    """The benchmark's own Open WebUI, started once for every run (in a background thread, so
    that ``--quick`` can overlap its start-up with the rows that need no server) and seeded once.
    """

    def __init__(self, chats: int, roles: bool) -> None:
        self.server = LocalServer()
        self.chats = chats
        self.roles = roles
        self.data: LiveData | None = None
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._started: concurrent.futures.Future[LocalServer] | None = None

    def start(self) -> None:
        if self._started is None:
            log("starting a local Open WebUI")
            self._started = self._pool.submit(self.server.__enter__)

    def get(self) -> LiveData:
        if self.data is not None:
            return self.data
        self.start()
        assert self._started is not None
        server = self._started.result()
        seed = server.seed
        assert seed is not None
        log(f"Open WebUI up at {seed.base_url}")
        with httpx.Client(
            base_url=seed.base_url,
            timeout=600.0,
            headers={"Authorization": f"Bearer {seed.api_key}"},
        ) as seeder:
            ids = seed_chats(seeder, self.chats, self.roles)
        self.data = LiveData(seed.base_url, seed.api_key, ids, seed)
        return self.data

    def stop(self) -> None:
        if self.data is not None:
            with ChatsClient(self.data.base_url, self.data.api_key) as cleaner:
                deleted = cleaner.delete_all()
                left = len(cleaner.get_all_db())
            log(f"delete_all -> {deleted}, {left} chats left")
        if self._started is not None:
            self._started.cancel()
            with contextlib.suppress(BaseException):
                self._started.result()
        self._pool.shutdown(wait=True)
        self.server.__exit__(None, None, None)


@dataclass
class Bench:
    """What a row needs: sizes, the report of this run, the live server (on demand)."""

    sizes: Sizes
    report: Report
    quick: bool
    live_server: Live | None
    scale: Scale | None = None
    growths: list[Growth] = field(default_factory=list)  # row 9 of each run so far

    def live(self) -> LiveData:
        assert self.live_server is not None, "a row that uses the server must be live=True"
        return self.live_server.get()


@row("bulk", "2a-3c, 2r-3r", "get_all_db / iter_all of many chats from Open WebUI", live=True)
def bulk(bench: Bench) -> None:
    data = bench.live()
    row_bulk(bench.report, bench.sizes, data.base_url, data.api_key, data.count, bench.quick)


@row("concurrency", "4a-4b", "200 x get(id), 20 in flight and sequential", live=True)
def concurrency(bench: Bench) -> None:
    data = bench.live()
    row_concurrency(bench.report, bench.sizes, data.base_url, data.api_key, data.ids)


# -- row 6: the owui-chats command ----------------------------------------------------------------

# A child process runs one export (the command's, or raw httpx streaming the same route to a file)
# and reports how far it raised its peak resident size above the size it started from.
EXPORT_CHILD = (
    PEAK_PRELUDE
    + """\
import json, os, sys
import httpx
from owui_chats_client.cli import main
how, target = sys.argv[1], sys.argv[2]
base_url, api_key = os.environ["OPENWEBUI_BASE_URL"], os.environ["OPENWEBUI_API_KEY"]
http = httpx.Client(timeout=600.0)
before = reset_peak()
if how == "cli":
    assert main(["export", "-o", target, "--quiet"]) == 0
else:
    headers = {"Authorization": f"Bearer {api_key}"}
    with http.stream("GET", base_url + "/api/v1/chats/all", headers=headers) as response:
        with open(target, "wb") as out:
            for chunk in response.iter_bytes():
                out.write(chunk)
print(json.dumps({"grew": peak_growth(before), "size": os.path.getsize(target)}))
"""
)

MIB = 1024 * 1024


# A process that answers as Open WebUI would, from recorded bytes and nothing else: GET
# /api/v1/chats/all with a recorded body ("-": none), streamed as Open WebUI streams it (chunked,
# application/x-ndjson); GET /api/version; and POST /api/v1/chats/import with the posted chats as
# the server stores them (ids and owner made up). It prints its port when ready.
REPLAY_SERVER = """\
import json, sys, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
body = open(sys.argv[1], "rb").read() if sys.argv[1] != "-" else b""
version = json.dumps({"version": sys.argv[2]}).encode()
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def whole(self, status, data):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        if self.path == "/api/version":
            return self.whole(200, version)
        if self.path != "/api/v1/chats/all" or not self.headers.get("Authorization"):
            return self.whole(404, b"{}")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 65536):
            piece = body[start:start + 65536]
            self.wfile.write(b"%x\\r\\n" % len(piece) + piece + b"\\r\\n")
        self.wfile.write(b"0\\r\\n\\r\\n")
    def do_POST(self):
        sent = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path != "/api/v1/chats/import" or not self.headers.get("Authorization"):
            return self.whole(404, b"{}")
        stored = [
            {
                "id": str(uuid.uuid4()), "user_id": "replayed",
                "title": form["chat"].get("title", ""), "chat": form["chat"],
                "updated_at": form.get("updated_at") or 0,
                "created_at": form.get("created_at") or 0, "share_id": None,
                "archived": bool(form.get("archived")), "pinned": bool(form.get("pinned")),
                "meta": form.get("meta") or {}, "folder_id": form.get("folder_id"),
            }
            for form in sent["chats"]
        ]
        self.whole(200, json.dumps(stored).encode())
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@contextlib.contextmanager
def replay_server(body: Path | None) -> Iterator[str]:
    """A `REPLAY_SERVER` answering ``body`` (None: no chats) for GET /api/v1/chats/all."""
    command = [sys.executable, "-c", REPLAY_SERVER, str(body or "-"), OPENWEBUI_VERSION]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        port = int(child.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        child.terminate()
        child.wait(timeout=30)


def export_growth(base_url: str, api_key: str, how: str, target: Path) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, "-c", EXPORT_CHILD, how, str(target)],
        env={**os.environ, "OPENWEBUI_BASE_URL": base_url, "OPENWEBUI_API_KEY": api_key},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"export child ({how}) failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return float(result["grew"]), int(result["size"])


def to_new_file(path: Path, work: Callable[[], object]) -> Batch:
    """Wall time of ``work``, which writes ``path``; the file of the run before is removed
    first, untimed (ext4 spends tens of ms replacing or truncating a 30 MB file)."""

    def batch() -> float:
        path.unlink(missing_ok=True)
        start = time.perf_counter()
        work()
        return time.perf_counter() - start

    return batch


def row_cli(report: Report, sizes: Sizes, seed: Any, count: int) -> None:
    from owui_chats_client.cli import main
    from owui_chats_client.cli._sources import Item, from_openwebui

    base_url, api_key = seed.base_url, seed.api_key
    headers = {"Authorization": f"Bearer {api_key}"}
    work = Path(tempfile.mkdtemp(prefix="owui-bench-cli-"))
    cli_file, raw_file = work / "cli.ndjson", work / "raw.ndjson"
    server = ["--base-url", base_url, "--api-key", api_key, "--quiet"]

    # Both contenders are one-shot: each run makes its HTTP client and connection. Both reuse
    # one TLS context built beforehand (the SDK caches its own; building one costs ~50 ms).
    tls = httpx.create_ssl_context()

    def one_shot() -> httpx.Client:
        return httpx.Client(timeout=600.0, verify=tls)

    def raw_export() -> None:
        url = f"{base_url}/api/v1/chats/all"
        with one_shot() as http, http.stream("GET", url, headers=headers) as response:
            response.raise_for_status()
            with open(raw_file, "wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)

    def cli_export() -> None:
        if main(["export", "-o", str(cli_file), *server]) != 0:
            raise RuntimeError("owui-chats export failed")

    try:
        rounds = sizes.cli_rounds
        log(f"row 6a: export of {count} chats to a file, live server, {rounds} rounds")
        live = interleave(
            [
                ("raw", to_new_file(raw_file, raw_export)),
                ("cli", to_new_file(cli_file, cli_export)),
            ],
            rounds,
        )
        assert cli_file.read_bytes() == raw_file.read_bytes()
        size = cli_file.stat().st_size
        lines = cli_file.read_bytes().count(b"\n")
        assert lines == count, (lines, count)
        report.facts.append(
            f"row 6: {count} chats, GET /api/v1/chats/all streams {size / 1e6:.1f} MB of NDJSON"
        )
        # The live server's own time for this answer swings 2-3x from one request to the next
        # (see row 2), more than the whole difference being judged. The same body replayed by a
        # server that only sends bytes (another process, chunked, 64 KiB pieces) holds the
        # server's part constant, so what remains is what each client costs.
        with replay_server(cli_file) as replay_url:
            replay = ["--base-url", replay_url, "--api-key", api_key, "--quiet"]

            def raw_replay() -> None:
                url = f"{replay_url}/api/v1/chats/all"
                with one_shot() as http, http.stream("GET", url, headers=headers) as got:
                    got.raise_for_status()
                    with open(raw_file, "wb") as out:
                        for chunk in got.iter_bytes():
                            out.write(chunk)

            def cli_replay() -> None:
                if main(["export", "-o", str(cli_file), *replay]) != 0:
                    raise RuntimeError("owui-chats export (replayed) failed")

            replay_rounds = rounds * 10  # ~80 ms a round
            log(f"row 6a: the same body replayed, {replay_rounds} rounds")
            replayed = interleave(
                [
                    ("raw", to_new_file(raw_file, raw_replay)),
                    ("cli", to_new_file(cli_file, cli_replay)),
                ],
                replay_rounds,
            )
            assert cli_file.read_bytes() == raw_file.read_bytes()
        what = f"export of {count} chats to a file, wall, body replayed"
        report.timing("6a", what, "raw httpx.Client stream to a file", replayed, "raw")
        report.timing(
            "6a",
            what,
            "owui-chats export",
            replayed,
            "cli",
            "raw",
            target=("<=", 1.05),
            informational=True,
            note="both one-shot: each run makes its HTTP client and connection; the command "
            "copies the body as it arrives (no parsing) into a temporary file that it renames "
            "at the end; raw httpx writes the same bytes in place",
        )
        what = f"export of {count} chats to a file, wall, live server"
        report.timing("6a", what, "raw httpx.Client stream to a file", live, "raw")
        report.timing(
            "6a",
            what,
            "owui-chats export",
            live,
            "cli",
            "raw",
            note="server included: its time for the same answer varies 2-3x between requests",
        )

        log(
            f"row 6b: peak RSS growth of an export, child processes, {sizes.memory_rounds} round(s)"
        )
        grew: dict[str, list[float]] = {"raw": [], "cli": []}
        for _ in range(sizes.memory_rounds):
            for how in grew:
                target = cli_file if how == "cli" else raw_file
                growth, written = export_growth(base_url, api_key, how, target)
                assert written == size, (how, written, size)
                grew[how].append(growth)
        peak = {how: statistics.median(values) for how, values in grew.items()}
        what = f"export of {count} chats, peak RSS growth"
        report.add(Line("6b", what, "raw httpx.Client stream to a file", peak["raw"], "B"))
        report.add(
            Line(
                "6b",
                what,
                "owui-chats export",
                peak["cli"],
                "B",
                "10 MiB budget",
                [value / (10 * MIB) for value in grew["cli"]],
                ("<=", 1.00),
                note="peak RSS growth (VmHWM reset first) of a fresh process around one export "
                f"of {size / 1e6:.1f} MB; "
                "flat: memory does not grow with the number of chats",
            )
        )

        # Import: the exported file into fresh users, in batches and one request per chat.
        forms: list[dict[str, Any]] = []
        with open(cli_file, "rb") as exported:
            for number, line in enumerate(exported, 1):
                item = from_openwebui(json.loads(line), f"line {number}", line)
                assert isinstance(item, Item)
                forms.append(item.form)
        import_rounds = max(2, rounds // 2)
        log(f"row 6c: import of {count} chats, {import_rounds} rounds, each into a new user")

        keys: list[str] = []

        def per_chat() -> None:
            user = add_user(base_url, seed.admin_token, name="Bench per chat")
            keys.append(user["api_key"])
            with ChatsClient(base_url, user["api_key"], timeout=600.0) as client:
                for form in forms:
                    client.import_chats({"chats": [form]})

        def cli_import() -> None:
            user = add_user(base_url, seed.admin_token, name="Bench import")
            keys.append(user["api_key"])
            args = ["import", str(cli_file), "--base-url", base_url]
            if main([*args, "--api-key", user["api_key"], "--quiet"]) != 0:
                raise RuntimeError("owui-chats import failed")

        # Each contender makes its user inside its timed batch, alike.
        samples = interleave(
            [("single", timed(per_chat)), ("cli", timed(cli_import))],
            import_rounds,
            warm_up=False,
        )
        for key in keys:  # every user got every chat, once; then they are deleted again
            with ChatsClient(base_url, key) as client:
                assert len(client.get_all()) == count
                client.delete_all()
        what = f"import of {count} chats"
        report.timing(
            "6c", what, "one POST /api/v1/chats/import per chat (ChatsClient)", samples, "single"
        )
        report.timing(
            "6c",
            what,
            "owui-chats import",
            samples,
            "cli",
            "single",
            "one per chat",
            ("<=", 0.20),
            note="batches of 200 chats per request, after one read of the destination's chats "
            "(the resume check); target: at least 5x faster, ratio <= 0.20",
        )
    finally:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


@row("cli", "6a-6c", "owui-chats export and import vs raw httpx and one call a chat", live=True)
def cli(bench: Bench) -> None:
    data = bench.live()
    row_cli(bench.report, bench.sizes, data.seed, data.count)


# -- rows 8 and 9: migrate, import batching, how cost grows with the number of chats ---------

#: The sizes of the growth series (row 9); each has its own user in one cached data directory.
GROWTH_SIZES = (500, 2000, 8000, 20000)
#: Row 8: the size migrated and imported, and the batch sizes tried for raw httpx.
SCALE_CHATS = 2000
BATCH_SIZES = (10, 25, 50, 100, 200, 500)
#: Rounds of rows 8a and 8b: the median of the paired ratios of 3 rounds crossed 8b's target.
MIGRATE_ROUNDS = 5
IMPORT_ROUNDS = 7
GROWTH_DATA = 1  # bump when the seeded data changes: a new cache directory is seeded

# A child process runs one operation of the command (or iter_all, or raw httpx posting the
# import route in batches) from after its imports, and reports its wall time and how far it raised
# its peak resident size above the size it started from.
SCALE_CHILD = (
    PEAK_PRELUDE
    + """\
import json, os, sys, time
how, args = sys.argv[1], sys.argv[2:]
count = None
if how == "iter_all":
    from owui_chats_client import ChatsClient
    client = ChatsClient()  # OPENWEBUI_BASE_URL, OPENWEBUI_API_KEY
elif how in ("raw_all", "raw_import"):  # args: base URL, API key[, file, batch size]
    import httpx
    http = httpx.Client(timeout=600.0)
    headers = {"Authorization": f"Bearer {args[1]}"}
    url = args[0] + ("/api/v1/chats/all" if how == "raw_all" else "/api/v1/chats/import")
if how == "raw_import":
    path, size = args[2], int(args[3])
    keep = ("chat", "meta", "pinned", "archived", "folder_id", "created_at", "updated_at")
else:
    from owui_chats_client.cli import main
counted = os.environ.get("OWUI_BENCH_COUNTED") == "1"  # under callgrind: mark the work
before = reset_peak()
if counted:
    os.getppid()
start, cpu = time.perf_counter(), time.process_time()
if how == "iter_all":
    with client.iter_all() as chats:
        count = sum(1 for _ in chats)
elif how == "raw_all":
    with http.stream("GET", url, headers=headers) as response:
        response.raise_for_status()
        count = sum(1 for line in response.iter_lines() if line and json.loads(line))
elif how == "raw_import":
    count, forms = 0, []
    def post():
        response = http.post(url, json={"chats": forms}, headers=headers)
        response.raise_for_status()
        return len(response.json())
    with open(path, "rb") as lines:
        for line in lines:
            chat = json.loads(line)
            forms.append({name: chat.get(name) for name in keep})
            if len(forms) == size:
                count += post()
                forms = []
    if forms:
        count += post()
else:
    assert main(args) == 0, args
if counted:
    os.getppid()
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu": cpu, "grew": peak_growth(before), "count": count}))
"""
)


@dataclass
class Sample:
    seconds: float
    grew: float
    cpu: float  # the child's own CPU time


class Scale:
    """Two more local servers for rows 8-9: the source, on a copy of a data directory seeded once
    (cached under ``CACHE_DIR/bench``) with one user per size of the growth series, and an empty
    destination; started once for every run."""

    def __init__(self, sizes: tuple[int, ...]) -> None:
        self.sizes = sizes
        self.work = Path(tempfile.mkdtemp(prefix="owui-bench-scale-"))
        self.source: LocalServer | None = None
        self.destination: LocalServer | None = None
        self.users: dict[int, str] = {}  # size -> that user's API key on the source
        self.seeding = ""
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None

    def cached(self) -> Path:
        key = "-".join(str(size) for size in self.sizes)
        root = CACHE_DIR / "bench" / f"growth-{OPENWEBUI_VERSION}-{GROWTH_DATA}-{key}"
        if (root / "users.json").exists():
            return root
        shutil.rmtree(root, ignore_errors=True)
        partial = Path(tempfile.mkdtemp(prefix="owui-bench-seeding-"))
        total = sum(self.sizes)
        log(f"rows 8-9: seeding {total} chats once into {root} (reused by later runs)")
        started = time.perf_counter()
        users: dict[str, str] = {}
        with LocalServer(data_dir=partial / "data") as server:
            assert server.seed is not None
            for size in self.sizes:
                user = add_user(server.base_url, server.seed.admin_token, name=f"Growth {size}")
                with httpx.Client(
                    base_url=server.base_url,
                    timeout=600.0,
                    headers={"Authorization": f"Bearer {user['api_key']}"},
                ) as seeder:
                    seed_chats(seeder, size, False)
                users[str(size)] = user["api_key"]
        took = time.perf_counter() - started
        (partial / "users.json").write_text(json.dumps({"users": users, "seconds": took}))
        root.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(partial), root)
        log(f"rows 8-9: seeded {total} chats in {took:.0f}s (server start included)")
        return root

    def start(self) -> None:
        if self.source is not None:
            return
        root = self.cached()
        meta = json.loads((root / "users.json").read_text())
        self.users = {int(size): key for size, key in meta["users"].items()}
        self.seeding = f"seeded once in {meta['seconds']:.0f}s, cached in {root}"
        data = self.work / "source"
        started = time.perf_counter()
        shutil.copytree(root / "data", data)
        log(f"rows 8-9: data directory copied in {time.perf_counter() - started:.1f}s")
        self.source, self.destination = LocalServer(data_dir=data), LocalServer()
        # The threads that start the servers live until `stop`: a server is its starting
        # thread's child (PR_SET_PDEATHSIG), and ends when that thread does.
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
        for starting in [self._pool.submit(s.__enter__) for s in (self.source, self.destination)]:
            starting.result()

    def stop(self) -> None:
        for server in (self.source, self.destination):
            if server is not None:
                server.__exit__(None, None, None)
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        shutil.rmtree(self.work, ignore_errors=True)

    @property
    def source_url(self) -> str:
        assert self.source is not None
        return self.source.base_url

    @property
    def destination_url(self) -> str:
        assert self.destination is not None
        return self.destination.base_url

    def fresh_user(self) -> str:
        """A new user on the destination, its API key."""
        assert self.destination is not None and self.destination.seed is not None
        return add_user(self.destination_url, self.destination.seed.admin_token, name="Bench")[
            "api_key"
        ]

    def run(
        self,
        how: str,
        args: list[str],
        key: str = "",
        expect: int | None = None,
        source: str | None = None,
    ) -> Sample:
        done = subprocess.run(
            [sys.executable, "-c", SCALE_CHILD, how, *args],
            env=self._env(key, source),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{how} child failed:\n{done.stderr[-3000:]}")
        result = self._result(how, done.stdout, expect)
        return Sample(float(result["seconds"]), float(result["grew"]), float(result["cpu"]))

    def count(self, how: str, args: list[str], key: str, expect: int | None, source: str) -> int:
        """Instructions of the same child's work (from after its imports), under callgrind."""
        env = {**self._env(key, source), "OWUI_BENCH_COUNTED": "1"}
        command = [sys.executable, "-c", SCALE_CHILD, how, *args]
        total, out = callgrind(ensure_valgrind(), command, env, how)
        self._result(how, out, expect)
        return total

    def _env(self, key: str, source: str | None) -> dict[str, str]:
        url = source or self.source_url
        return {**os.environ, "OPENWEBUI_BASE_URL": url, "OPENWEBUI_API_KEY": key}

    @staticmethod
    def _result(how: str, out: str, expect: int | None) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
        if expect is not None and result["count"] is not None:
            assert result["count"] == expect, (how, result, expect)
        return result

    def export(self, size: int) -> tuple[Sample, Path]:
        path = self.work / f"export-{size}.ndjson"
        path.unlink(missing_ok=True)
        sample = self.run("export", ["export", "-o", str(path), "--quiet"], self.users[size])
        lines = path.read_bytes().count(b"\n")
        assert lines == size, (lines, size)
        return sample, path

    def iter_all(self, size: int) -> Sample:
        return self.run("iter_all", [], self.users[size], expect=size)

    def counted(self, size: int, path: Path) -> dict[str, float]:
        """Instructions per chat of export, iter_all, import and migrate of ``path`` (an export
        of ``size`` chats), each against servers that only replay bytes (`REPLAY_SERVER`): the
        client's own work, without the server's pace in it. Two are counted at a time."""
        target = self.work / f"replayed-{size}.ndjson"
        quiet, replay_key = "--quiet", "sk-bench"

        def export() -> float:
            with replay_server(path) as url:
                args = ["export", "-o", str(target), "--base-url", url, quiet]
                total = self.count("export", args, replay_key, None, url)
            if target.read_bytes() != exported:
                raise RuntimeError("the replayed export differs from the file it replays")
            target.unlink()
            return total / size

        def iter_all() -> float:
            with replay_server(path) as url:
                return self.count("iter_all", [], replay_key, size, url) / size

        def cli_import() -> float:
            with replay_server(None) as url:
                args = ["import", str(path), "--base-url", url, "--api-key", replay_key, quiet]
                return self.count("import", args, "", None, url) / size

        def migrate() -> float:
            with replay_server(path) as source, replay_server(None) as destination:
                args = ["migrate", "--to-base-url", destination, "--to-api-key", replay_key]
                return self.count("migrate", [*args, quiet], replay_key, None, source) / size

        exported = path.read_bytes()
        jobs = {"export": export, "iter_all": iter_all, "import": cli_import, "migrate": migrate}
        key = ("row 9", size, hashlib.sha256(exported).hexdigest())
        return counted_once(key, f"row 9, {size} chats", jobs)

    def raw_all(self, size: int) -> Sample:
        """Raw httpx reading the route export, iter_all and migrate read (the server's part)."""
        return self.run("raw_all", [self.source_url, self.users[size]], expect=size)

    def into_destination(self, size: int, work: Callable[[str], Sample]) -> Sample:
        """``work`` into a fresh user of the destination; its chats are checked and deleted."""
        key = self.fresh_user()
        sample = work(key)
        headers = {"Authorization": f"Bearer {key}"}
        url = f"{self.destination_url}/api/v1/chats/all"
        with httpx.Client(timeout=600.0) as http:
            with http.stream("GET", url, headers=headers) as response:
                response.raise_for_status()
                lines = sum(chunk.count(b"\n") for chunk in response.iter_bytes())
            assert lines == size, (lines, size)
            http.delete(f"{self.destination_url}/api/v1/chats/", headers=headers).raise_for_status()
        return sample

    def cli_import(self, size: int, path: Path) -> Sample:
        def work(key: str) -> Sample:
            args = ["import", str(path), "--base-url", self.destination_url, "--api-key", key]
            return self.run("import", [*args, "--quiet"])

        return self.into_destination(size, work)

    def raw_import(self, size: int, path: Path, batch: int) -> Sample:
        def work(key: str) -> Sample:
            args = [self.destination_url, key, str(path), str(batch)]
            return self.run("raw_import", args, expect=size)

        return self.into_destination(size, work)

    def migrate(self, size: int) -> Sample:
        def work(key: str) -> Sample:
            args = ["migrate", "--to-base-url", self.destination_url, "--to-api-key", key]
            return self.run("migrate", [*args, "--quiet"], self.users[size])

        return self.into_destination(size, work)


def rotated(round_index: int, steps: list[tuple[str, Callable[[], Sample]]]) -> dict[str, Sample]:
    """The steps of one round, the one that starts rotating from round to round."""
    start = round_index % len(steps)
    return {name: step() for name, step in steps[start:] + steps[:start]}


def row_migrate(report: Report, scale: Scale, rounds: int) -> None:
    size = SCALE_CHATS if SCALE_CHATS in scale.sizes else min(scale.sizes)
    log(f"row 8a: migrate of {size} chats vs export alone and import alone, {rounds} rounds")
    _, path = scale.export(size)  # the file that import alone reads
    samples: dict[str, list[float]] = {"export": [], "import": [], "migrate": [], "slower": []}
    for index in range(rounds):
        got = rotated(
            index,
            [
                ("export", lambda: scale.export(size)[0]),
                ("import", lambda: scale.cli_import(size, path)),
                ("migrate", lambda: scale.migrate(size)),
            ],
        )
        for name, sample in got.items():
            samples[name].append(sample.seconds)
        samples["slower"].append(max(got["export"].seconds, got["import"].seconds))
    what = f"migrate of {size} chats between two local servers"
    report.timing("8a", what, "owui-chats export alone (to a file)", samples, "export")
    report.timing("8a", what, "owui-chats import alone (that file)", samples, "import")
    report.timing("8a", what, "the slower of the two, each round", samples, "slower")
    report.timing(
        "8a",
        what,
        "owui-chats migrate",
        samples,
        "migrate",
        "slower",
        "slower of export, import",
        ("<=", 1.15),
        note="each round: export to a file, import of that file into a fresh user of the "
        "destination, and migrate into another fresh user, in rotating order, each a fresh "
        "process timed from after its imports; the ratio is migrate over the slower of the "
        "other two of the same round: reads and writes overlapped would bring it near 1",
    )


def row_import_batches(report: Report, scale: Scale, rounds: int) -> None:
    size = SCALE_CHATS if SCALE_CHATS in scale.sizes else min(scale.sizes)
    _, path = scale.export(size)
    log(f"row 8b: raw httpx import of {size} chats in batches of {BATCH_SIZES}")
    # Each size twice, in two passes: one try alone picked 100, 200 or 500 from run to run.
    passes = [{b: scale.raw_import(size, path, b).seconds for b in BATCH_SIZES} for _ in range(2)]
    tried = {batch: statistics.mean(one[batch] for one in passes) for batch in BATCH_SIZES}
    best = min(tried, key=lambda batch: tried[batch])
    log(f"row 8b: best batch size {best}; owui-chats import vs raw httpx, {rounds} rounds")
    samples: dict[str, list[float]] = {"raw": [], "cli": []}
    for index in range(rounds):
        got = rotated(
            index,
            [
                ("raw", lambda: scale.raw_import(size, path, best)),
                ("cli", lambda: scale.cli_import(size, path)),
            ],
        )
        for name, sample in got.items():
            samples[name].append(sample.seconds)
    what = f"import of {size} chats, raw batch sizes tried twice (the mean)"
    for batch, seconds in tried.items():
        report.add(Line("8b", what, f"raw httpx, batches of {batch}", seconds, "s", "-"))
    what = f"import of {size} chats vs the best raw batch size"
    report.timing("8b", what, f"raw httpx, batches of {best} (the best)", samples, "raw")
    report.timing(
        "8b",
        what,
        "owui-chats import",
        samples,
        "cli",
        "raw",
        f"raw, batches of {best}",
        ("<=", 1.10),
        note="raw httpx reads the export line by line and posts the same chats to POST "
        "/api/v1/chats/import in batches of the size that was fastest above; both into fresh "
        "users of the destination, fresh processes, rotating order",
    )


@dataclass
class Growth:
    """Row 9 of one run: per operation (and raw httpx reading ``/all``), each size's time per
    chat, the child's CPU time per chat and its peak RSS growth."""

    per_chat: dict[str, dict[int, float]] = field(default_factory=dict)
    cpu: dict[str, dict[int, float]] = field(default_factory=dict)
    grew: dict[str, dict[int, float]] = field(default_factory=dict)
    #: Each operation against servers that replay bytes (`Scale.counted`): instructions per chat.
    counted: dict[str, dict[int, float]] = field(default_factory=dict)


GROWTH_ROWS = {"export": "9a", "iter_all": "9b", "import": "9c", "migrate": "9d"}
GROWTH_NAMES = {
    "export": "owui-chats export",
    "iter_all": "ChatsClient.iter_all",
    "import": "owui-chats import",
    "migrate": "owui-chats migrate",
    "raw_all": "raw httpx GET /all",
}
#: The operations that read what raw httpx reads in row 9r (the same route, the same chats).
READS_ALL = ("export", "iter_all")


def marginal(cpu: dict[int, float], low: int, high: int) -> float:
    """CPU seconds per chat between two sizes: fixed costs (imports, the first connection)
    cancel out, so a constant figure is linear growth."""
    return (cpu[high] * high - cpu[low] * low) / (high - low)


def row_growth(report: Report, scale: Scale) -> Growth:
    growth = Growth()
    for how in GROWTH_NAMES:
        growth.per_chat[how], growth.cpu[how], growth.grew[how] = {}, {}, {}
    for how in GROWTH_ROWS:
        growth.counted[how] = {}
    for size in scale.sizes:
        log(f"row 9: {size} chats: raw httpx GET /all, export, iter_all, import, migrate")
        # One untimed read first: the server's caches are then warm for every reader, not for
        # all but the first (raw httpx, which took up to twice as long as export without it).
        scale.raw_all(size)
        raw = scale.raw_all(size)
        exported, path = scale.export(size)
        got = {
            "raw_all": raw,
            "export": exported,
            "iter_all": scale.iter_all(size),
            "import": scale.cli_import(size, path),
            "migrate": scale.migrate(size),
        }
        for how, instructions in scale.counted(size, path).items():
            growth.counted[how][size] = instructions
        path.unlink()
        for how, sample in got.items():
            growth.per_chat[how][size] = sample.seconds / size
            growth.cpu[how][size] = sample.cpu / size
            growth.grew[how][size] = sample.grew
    sizes = sorted(scale.sizes)
    small, large = sizes[0], sizes[-1]
    server = growth.per_chat["raw_all"]
    for how, row_id in {"raw_all": "9r", **GROWTH_ROWS}.items():
        name, per_chat, cpu, grew = (
            GROWTH_NAMES[how],
            growth.per_chat[how],
            growth.cpu[how],
            growth.grew[how],
        )
        what = f"{name}, time per chat by size (CPU per chat, peak RSS growth)"
        for size in sizes:
            shown = f"{size} chats (CPU {cpu[size] * 1e3:.3f} ms, RSS {fmt(grew[size], 'B')})"
            report.add(Line(row_id, what, shown, per_chat[size], "s/chat", "-"))
        slowest, fastest = max(per_chat.values()), min(per_chat.values())
        report.add(
            Line(
                row_id,
                f"{name}, wall (the server's time included): largest / smallest time per chat",
                name,
                slowest,
                "s/chat",
                "smallest",
                [slowest / fastest],
                ("<=", 1.30),
                informational=True,
                note=""
                if how != "raw_all"
                else "GET /api/v1/chats/all counts and offsets per batch of 100 on Open WebUI "
                f"{OPENWEBUI_VERSION}, which no client can make linear (docs/performance.md); "
                "export, iter_all and migrate read it",
            )
        )
        if len(sizes) >= 3 and how != "raw_all":
            counted = growth.counted[how]
            first = marginal(counted, sizes[0], sizes[1])
            last = marginal(counted, sizes[-2], sizes[-1])
            report.add(
                Line(
                    row_id,
                    f"{name}, the client's own cost linear: instructions per added chat, "
                    f"{sizes[-2]}-{large} over {small}-{sizes[1]}, servers replayed",
                    name,
                    last,
                    "i",
                    f"{small}-{sizes[1]}",
                    [last / first],
                    ("<=", 1.30),
                    instrument="instructions (callgrind)",
                    note="the instructions of the command's (or iter_all's) process from after its "
                    "imports, per chat added between two sizes, so fixed costs cancel out; the "
                    "servers only replay bytes (GET /api/v1/chats/all: the export of the same "
                    "chats, in 64 KiB chunks; the import route: the posted chats), so neither the "
                    "server's time nor its pace is in it",
                )
            )
        if how in READS_ALL:
            report.add(
                Line(
                    row_id,
                    f"{name} at {large} chats vs raw httpx reading the same route",
                    name,
                    per_chat[large],
                    "s/chat",
                    "raw httpx GET /all",
                    [per_chat[large] / server[large]],
                    ("<=", 1.30),
                )
            )
        report.add(
            Line(
                row_id,
                f"{name}, flat memory: peak RSS growth at {large} / at {small}",
                name,
                grew[large],
                "B",
                f"at {small}",
                [grew[large] / max(grew[small], 1.0)],
                None if how == "raw_all" else ("<=", 1.50),
                instrument="RSS",
            )
        )
    report.facts.append(
        f"rows 8-9: a source server with {', '.join(map(str, scale.sizes))} chats (one user each; "
        f"{scale.seeding}) and an empty destination server; every operation a fresh process; each "
        "size's chats read once, untimed, before its reads are timed"
    )
    return growth


@row(
    "scale",
    "8a-9d",
    "migrate vs export and import; import vs raw httpx batches; growth to 20,000 chats (full only)",
)
def scale_rows(bench: Bench) -> None:
    if bench.quick or bench.scale is None:
        log("rows 8-9: skipped in quick mode (two more servers and 30,500 seeded chats)")
        return
    bench.scale.start()
    row_migrate(bench.report, bench.scale, MIGRATE_ROUNDS)
    row_import_batches(bench.report, bench.scale, IMPORT_ROUNDS)
    bench.growths.append(row_growth(bench.report, bench.scale))


ASSETS = ROOT / "docs" / "assets"


def write_results(name: str, text: str, growths: list[Growth], sizes: tuple[int, ...]) -> None:
    """The tables as markdown (docs/assets/NAME.md) and, with row 9, the plot of time per chat
    against size (docs/assets/bench-growth.png)."""
    ASSETS.mkdir(parents=True, exist_ok=True)
    lines = [text]
    if growths:
        head = ("operation", *(f"{size} chats" for size in sizes), "largest / smallest")
        cells = []
        for how in GROWTH_NAMES:
            per_size = [statistics.median(g.per_chat[how][size] for g in growths) for size in sizes]
            cpu = [statistics.median(g.cpu[how][size] for g in growths) for size in sizes]
            grew = [statistics.median(g.grew[how][size] for g in growths) for size in sizes]
            counted = [growths[0].counted.get(how, {}).get(size) for size in sizes]
            shown = [
                f"{t * 1e3:.3f} ms (CPU {c * 1e3:.3f}"
                + (f", {fmt(i, 'i')}" if i is not None else "")
                + f"), {fmt(m, 'B')}"
                for t, c, i, m in zip(per_size, cpu, counted, grew, strict=True)
            ]
            cells.append((GROWTH_NAMES[how], *shown, f"{max(per_size) / min(per_size):.2f}x"))
        lines += [
            "",
            "growth (row 9): wall time per chat (the process's CPU time per chat, its "
            "instructions per chat against servers that replay bytes) and peak RSS growth, "
            f"median over {len(growths)} run(s)",
            "",
            *table(head, cells, ["" for _ in cells]),
            "",
            "![time per chat against the number of chats](bench-growth.png)",
        ]
        plot_growth(growths, sizes, ASSETS / "bench-growth.png")
    body = "\n".join(lines)
    (ASSETS / f"{name}.md").write_text(
        "<!-- written by scripts/bench (full runs); do not edit -->\n\n```\n"
        + body.replace("\n![", "\n```\n\n![", 1)
        + ("\n" if growths else "\n```\n")
    )
    log(f"wrote {ASSETS / name}.md" + (" and bench-growth.png" if growths else ""))


def plot_growth(growths: list[Growth], sizes: tuple[int, ...], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        log("matplotlib is missing (pip install -e '.[bench]'): no plot written")
        return
    figure, axes = pyplot.subplots(figsize=(7, 4.2), dpi=120)
    for how, name in GROWTH_NAMES.items():
        runs = [[g.per_chat[how][size] * 1e3 for size in sizes] for g in growths]
        middle = [statistics.median(values) for values in zip(*runs, strict=True)]
        low = [m - min(v) for m, v in zip(middle, zip(*runs, strict=True), strict=True)]
        high = [max(v) - m for m, v in zip(middle, zip(*runs, strict=True), strict=True)]
        style = "--" if how == "raw_all" else "-"
        label = f"{name} (the server's part)" if how == "raw_all" else name
        axes.errorbar(
            sizes, middle, yerr=[low, high], marker="o", capsize=3, label=label, linestyle=style
        )
    axes.set_xscale("log")
    axes.set_xticks(list(sizes), [f"{size:,}" for size in sizes])
    axes.set_ylim(bottom=0)
    axes.set_xlabel("chats")
    axes.set_ylabel("time per chat (ms)")
    axes.set_title(f"owui-chats-client against a local Open WebUI {OPENWEBUI_VERSION}")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)


# -- row 7: conversations ------------------------------------------------------------------------


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


def row_conversations(
    report: Report,
    sizes: Sizes,
    base_url: str,
    api_key: str,
    *,
    verify: str | bool = True,
    rows: tuple[str, str] = ("7a", "7b"),
    where: str = "",
) -> None:
    calls = sizes.send_calls
    log(f"row {rows[0][0]}: send_message x {calls}, sync and async, {sizes.send_rounds} rounds")
    # One call a batch, the contenders alternating call by call (``chunks``): both meet the same
    # server load, which moves far more than the clients' own cost.
    headers = {"Accept": "application/json", "Authorization": f"Bearer {api_key}"}
    timeout = httpx.Timeout(600.0, connect=5.0)
    loop = asyncio.new_event_loop()
    raw = httpx.Client(base_url=base_url, timeout=timeout, verify=verify)
    facade = ChatsClient(
        base_url, api_key, http_client=httpx.Client(timeout=timeout, verify=verify)
    )
    araw = httpx.AsyncClient(base_url=base_url, timeout=timeout, verify=verify)
    afacade = AsyncChatsClient(
        base_url, api_key, http_client=httpx.AsyncClient(timeout=timeout, verify=verify)
    )
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
        for chat_id in chats.values():  # the live rows of the next run count the admin's chats
            facade.delete(chat_id)
        raw.close()
        facade._http.close()
        loop.run_until_complete(araw.aclose())
        loop.run_until_complete(afacade._http.aclose())
        loop.close()
    sync_row, async_row = rows
    what = f"send_message, echo model, sync{where}"
    report.timing(sync_row, what, "raw httpx.Client, same steps", samples, "raw")
    report.timing(
        sync_row,
        what,
        "facade ChatsClient.send_message",
        samples,
        "facade",
        "raw",
        target=("<=", 1.05),
        informational=True,
        note=NOISE_NOTE + "; a call ends on the first poll of the server's tasks after the answer "
        "is stored, so its wall time moves in steps of the 50 ms polling delay",
    )
    what = f"send_message, echo model, async{where}"
    report.timing(async_row, what, "raw httpx.AsyncClient, same steps", samples, "araw")
    report.timing(
        async_row,
        what,
        "facade AsyncChatsClient.send_message",
        samples,
        "afacade",
        "araw",
        target=("<=", 1.05),
        informational=True,
    )
    # Shown, not judged: the client's own CPU time per call (the server runs in another process).
    for row, raw_name, name, contender in (
        (sync_row, "raw", "facade", "ChatsClient"),
        (async_row, "araw", "afacade", "AsyncChatsClient"),
    ):
        for key in (raw_name, name):  # per round, as the wall times, less the warm-up call
            values = cpu[key][1:]
            cpu[key] = [
                statistics.fmean(values[i : i + calls]) for i in range(0, len(values), calls)
            ]
        what = f"send_message, client CPU, {'sync' if row == sync_row else 'async'}{where}"
        report.timing(row, what, "raw httpx, same steps", cpu, raw_name, instrument="CPU")
        report.timing(row, what, f"facade {contender}", cpu, name, raw_name, instrument="CPU")


@row("send-message", "7a-7b", "send_message vs the same steps with raw httpx", live=True)
def send_message(bench: Bench) -> None:
    data = bench.live()
    row_conversations(bench.report, bench.sizes, data.base_url, data.api_key)


@row(
    "send-message-deployment",
    "7c-7d",
    "send_message through PostgreSQL + Redis + two instances + nginx (TLS) vs raw httpx",
)
def send_message_deployment(bench: Bench) -> None:
    if bench.quick:  # starting the deployment takes longer than the smoke run
        log("row 7c-7d: skipped in quick mode (scripts/deployment.py starts five servers)")
        return
    from deployment import Deployment

    log("row 7c-7d: starting the deployment (PostgreSQL, Redis, two instances, nginx)")
    with Deployment() as running:
        assert running.seed is not None
        row_conversations(
            bench.report,
            bench.sizes,
            running.base_url,
            running.seed.api_key,
            verify=str(running.ca_file),
            rows=("7c", "7d"),
            where=", deployment",
        )


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


def measured_commit() -> str:
    """The commit measured, with ``+changes`` when tracked files differ from it."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short=10", "HEAD") or "unknown"
    return commit + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--count-child"]:  # a process counted under callgrind (count_instructions)
        return count_child(argv[1], int(argv[2]), argv[3])
    parser = argparse.ArgumentParser(
        description="Benchmark owui-chats-client against raw httpx and owui-client."
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes; a smoke test, no verdict"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help=f"full runs in a row ({RUNS_FOR_A_VERDICT} for a verdict)",
    )
    parser.add_argument(
        "--only", help="comma-separated row names, or row numbers such as 15 (see --list)"
    )
    parser.add_argument("--rows", help=argparse.SUPPRESS)  # the earlier spelling of --only 15
    parser.add_argument("--list", action="store_true", help="list the rows and exit")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every target PASSes")
    parser.add_argument("--chats", type=int, help="chats to seed for the live rows")
    parser.add_argument(
        "--seed-roles",
        action="store_true",
        help="give the seeded messages a role; Open WebUI then also writes every message to its "
        "chat_message table, one commit each (tens of ms per chat of seeding time)",
    )
    parser.add_argument(
        "--recount",
        action="store_true",
        help="count instructions again in every run (by default later runs reuse the first's)",
    )
    parser.add_argument(
        "--growth-sizes",
        default=",".join(map(str, GROWTH_SIZES)),
        help=argparse.SUPPRESS,  # other sizes for rows 8-9 (each seeded once and cached)
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the server on the way out
    if args.list:
        for spec in ROWS.values():
            print(f"{spec.name:12} {spec.ids:14} {spec.summary}{' (server)' if spec.live else ''}")
        return 0
    chosen = list(ROWS.values())
    only = ",".join(part for part in (args.only, args.rows) if part)
    if only:
        names = [name.strip() for name in only.split(",") if name.strip()]

        def wanted(spec: Row, name: str) -> bool:
            # a name, or digits naming rows by number ("15": the rows whose ids start 1 or 5)
            return spec.name == name or (name.isdigit() and spec.ids[0] in name)

        unknown = [name for name in names if not any(wanted(spec, name) for spec in chosen)]
        if unknown:
            parser.error(f"unknown row(s) {', '.join(unknown)}; known: {', '.join(ROWS)}")
        chosen = [spec for spec in chosen if any(wanted(spec, name) for name in names)]
    global RECOUNT
    RECOUNT = args.recount
    if args.quick and args.runs != 1:
        parser.error("--quick is a smoke test: it makes one run")
    sizes = QUICK if args.quick else FULL
    commit = measured_commit()
    live = (
        Live(args.chats or sizes.chats, args.seed_roles)
        if any(spec.live for spec in chosen)
        else None
    )
    scale = (
        Scale(tuple(int(n) for n in args.growth_sizes.split(",")))
        if not args.quick and any(spec.name == "scale" for spec in chosen)
        else None
    )
    growths: list[Growth] = []
    reports: list[Report] = []
    try:
        if live is not None:
            live.start()  # overlaps the rows that need no server (their counts, --quick)
        for number in range(1, args.runs + 1):
            report = Report(judged=not args.quick)
            report.facts.append(
                f"commit {commit}; machine: {os.cpu_count()} cores, {platform.machine()}, "
                f"{platform.system()}, load average {os.getloadavg()[0]:.1f} at start; {versions()}"
            )
            run_started = time.perf_counter()
            bench = Bench(sizes, report, args.quick, live, scale, growths)
            for spec in chosen:
                log(f"run {number}/{args.runs}: {spec.name}")
                spec.run(bench)
            # each row's judged count first, then the times and memory shown beside it
            report.lines.sort(key=lambda line: (line.row, not line.instrument.startswith("instr")))
            report.facts.append(
                f"run {number} of {args.runs}, {'quick' if args.quick else 'full'} mode, "
                f"{time.perf_counter() - run_started:.0f}s. median: over rounds; ratio: median "
                "over rounds of contender / baseline timed in the same round, [min-max] over "
                "those rounds"
            )
            reports.append(report)
            print(f"\n== run {number} of {args.runs} (commit {commit})\n", flush=True)
            print(render(report), flush=True)
    finally:
        if live is not None:
            live.stop()
        if scale is not None:
            scale.stop()
    if args.quick:
        print("\nquick mode: a smoke test of the benchmark; targets are not judged")
        return 0
    verdicts, missed = render_verdicts(reports)
    print(
        f"\n== verdicts over {len(reports)} run(s) (commit {commit}); a target PASSes only when "
        f"it passes in each of {RUNS_FOR_A_VERDICT} consecutive full runs\n"
    )
    print(verdicts)
    if missed:
        print(f"\nnot PASS in every run: {', '.join(missed)}")
    if len(reports) < RUNS_FOR_A_VERDICT:
        print(f"\nno verdict: {len(reports)} run(s); use --runs {RUNS_FOR_A_VERDICT}")
    sizes_run = scale.sizes if scale is not None else ()
    name = "bench-results" + ("-" + "-".join(spec.name for spec in chosen) if only else "")
    write_results(name, f"{render(reports[-1])}\n\n{verdicts}", growths, sizes_run)
    return 1 if args.strict and (missed or len(reports) < RUNS_FOR_A_VERDICT) else 0


if __name__ == "__main__":
    raise SystemExit(main())
