"""Importing chats in batches, resumably: what ``import`` and ``migrate`` share.

Every chat carries a key of its origin (see `_sources`), stored in the imported chat's
``meta["imported_from"]`` by the same request that creates the chat. Before importing, the
destination's chats are read once (``GET /api/v1/chats/all``, streamed) and every key found
there, and every chat id, is skipped. So a run that was interrupted anywhere (Ctrl-C, a killed
process, a dropped connection, even between the server's commit and its answer) is finished by
running it again, and nothing is imported twice: the record of what is done is the
destination itself, written in the same transaction as the chats.

Reading and sending overlap: a batch is stored by a sender thread while the next one is read
(from a file, or from the source server for ``migrate``); at most ``AHEAD`` read batches wait
for a sender, so memory holds a few batches whatever the input's size. A batch is stored whole
or not at all (one transaction on the server), and whichever batches a killed run left stored,
their keys are on the destination: the rerun skips those chats and sends the rest.
"""

from __future__ import annotations

import sys
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from owui_chats_client import APIStatusError, ChatsClient

from ._common import INPUT, PARTIAL, Console, Progress, fail
from ._server import iter_chats
from ._sources import MARK, Bad, Item

DEFAULT_BATCH = 200  # the fastest on 0.12.4 but for 500, within 5 % of it at 2/5 of its memory
DEFAULT_BATCH_BYTES = 16 * 1024 * 1024
IN_FLIGHT = 1  # import requests sent at once (two were never faster on Open WebUI 0.12.4)
AHEAD = 1  # read batches waiting for a sender


@dataclass
class Outcome:
    imported: int = 0
    already: int = 0  # found on the destination (an earlier run) or twice in the input
    skipped: int = 0  # bad input, or refused by the server
    batches: int = 0
    size: int = 0
    #: Per field of the import form: how many chats held a value the destination cannot store.
    not_stored: Counter[str] = field(default_factory=Counter)
    #: The destination's Open WebUI release, once asked.
    release: str = ""

    @property
    def status(self) -> int:
        return PARTIAL if self.skipped else 0


class Importer:
    """Sends items in batches through ``POST /api/v1/chats/import`` (`ChatsClient.import_chats`)."""

    def __init__(
        self,
        client: ChatsClient | None,
        base_url: str,
        console: Console,
        *,
        batch_size: int = DEFAULT_BATCH,
        batch_bytes: int = DEFAULT_BATCH_BYTES,
        dry_run: bool = False,
        strict: bool = False,
        verb: str = "imported",
        would: str = "would import",
        one_owner: bool = False,
    ) -> None:
        self.client = client
        self.base_url = base_url
        self.console = console
        self.batch_size = batch_size
        self.batch_bytes = batch_bytes
        self.dry_run = dry_run
        self.strict = strict
        self.would = would
        self.outcome = Outcome()
        self.progress = Progress(console, verb)
        self._keys: set[str] = set()
        self._ids: set[str] = set()
        self._pending: list[Item] = []
        self._pending_bytes = 0
        self._storable: dict[str, bool] = {}
        self.one_owner = one_owner  # stop at a second user's chat (stdin, without --as-caller)
        self._owner: str | None = None
        self._sender: _Sender | None = None
        self._lock = threading.Lock()  # the outcome's counts, updated by senders too

    # -- what the destination already holds ------------------------------------------------------

    def scan(self) -> int:
        """Read the destination's chats once; returns how many there are."""
        self._keys, self._ids = self._destination()
        count = len(self._ids)
        self.console.detail(
            f"the destination holds {count} chats, {len(self._keys)} of them imported earlier"
        )
        return count

    def _destination(self) -> tuple[set[str], set[str]]:
        """The origin keys and the ids of the destination's chats."""
        keys: set[str] = set()
        ids: set[str] = set()
        if self.client is None:
            return keys, ids
        for _, chat in iter_chats(self.client, self.base_url):
            ids.add(chat["id"])
            meta = chat.get("meta")
            if isinstance(meta, dict) and isinstance(meta.get(MARK), str):
                keys.add(meta[MARK])
        return keys, ids

    def is_there(self, key: str) -> bool:
        return _is_in(key, self._keys, self._ids)

    # -- importing -----------------------------------------------------------------------------

    def run(self, items: Iterable[Item | Bad]) -> Outcome:
        if self.client is not None and not self.dry_run:
            self._sender = _Sender(IN_FLIGHT, AHEAD)
        try:
            for item in items:
                if isinstance(item, Bad):
                    self.bad(item)
                    continue
                if self.is_there(item.key):
                    with self._lock:
                        self.outcome.already += 1
                    self.console.detail(f"{item.position}: already imported ({item.key})")
                    continue
                if self.one_owner and item.owner is not None:
                    self._check_owner(item)
                if item.repairs:
                    verb = "would repair" if self.dry_run else "repaired"
                    self.console.warn(f"{verb} {item.position}: {'; '.join(item.repairs)}")
                self._keys.add(item.key)
                self._fit(item)
                self._pending.append(item)
                self._pending_bytes += item.size
                if len(self._pending) >= self.batch_size or self._pending_bytes >= self.batch_bytes:
                    self.flush()
            self.flush()
            if self._sender is not None:
                self._sender.finish()
        except BaseException as exc:
            if self._sender is not None:
                # Ctrl-C ends the command at once (what is in flight is stored or not, whole:
                # the rerun tells); other errors let the batches read before them be sent.
                self._sender.stop(wait=not isinstance(exc, KeyboardInterrupt))
            raise
        finally:
            self.progress.done()
        return self.outcome

    def _fit(self, item: Item) -> None:
        """Leave out the fields the destination's release cannot store (an older Open WebUI
        has no ``archived`` in its import form, say), counting the chats that lose a value."""
        if self.client is None:
            return
        for name in list(item.form):
            storable = self._storable.get(name)
            if storable is None:
                storable = self._storable[name] = self.client.server_supports(
                    "import_chats", f"chats[].{name}"
                )
                if not storable and not self.outcome.release:
                    self.outcome.release = self.client.server_version()
            if not storable and _loses(item.form, name, item.form.pop(name)):
                self.outcome.not_stored[name] += 1

    def _check_owner(self, item: Item) -> None:
        if self._owner is None:
            self._owner = item.owner
        elif item.owner != self._owner:
            self._settle()
            fail(
                f"stopped at {item.position}: the input holds the chats of several users "
                f"({self._owner}, {item.owner}); importing stores every chat under the caller: "
                f"rerun with --as-caller to do that ({self.outcome.imported} chats were "
                "imported before it; a rerun skips them)",
                INPUT,
            )

    def bad(self, item: Bad) -> None:
        if self.strict:
            fail(f"{item.position}: {item.reason} (stopped by --strict)", INPUT)
        with self._lock:
            self.outcome.skipped += 1
        self.console.warn(f"skipped {item.position}: {item.reason}")

    def _settle(self) -> None:
        """Wait for the batches read so far to be stored (their count is then final)."""
        if self._sender is not None:
            self._sender.stop(wait=True)

    def flush(self) -> None:
        """Send the pending chats as one batch (stored by a sender while reading goes on)."""
        batch, self._pending, self._pending_bytes = self._pending, [], 0
        if not batch:
            return
        if self.dry_run:  # listed on stdout as it goes, so memory stays flat
            sys.stdout.writelines(
                f"{self.would}  {item.position}  {item.key}  {item.title}\n" for item in batch
            )
            sys.stdout.flush()
            self.outcome.imported += len(batch)
            self.outcome.size += sum(item.size for item in batch)
            return
        assert self._sender is not None
        self.outcome.batches += 1
        number = self.outcome.batches
        self.console.detail(
            f"read batch {number}: {len(batch)} chats ({batch[0].position} to {batch[-1].position})"
        )
        self._sender.submit(lambda: self._store(number, batch))

    def _store(self, number: int, batch: list[Item]) -> None:
        """Import one batch (on a sender thread)."""
        try:
            self._send(batch)
        except APIStatusError as exc:
            if exc.status_code in (401, 403) or exc.status_code >= 500:
                raise
            # One chat the server refuses fails the whole batch: find it, import the rest.
            self.console.detail(f"batch {number} refused ({exc.status_code}); one by one")
            self._one_by_one(batch)
        else:
            with self._lock:
                self.outcome.imported += len(batch)
                self.outcome.size += sum(item.size for item in batch)
            self.console.detail(
                f"batch {number}: imported {len(batch)} chats "
                f"({batch[0].position} to {batch[-1].position})"
            )
        with self._lock:
            self.progress.update(self.outcome.imported, self.outcome.size)

    def _send(self, batch: list[Item]) -> None:
        assert self.client is not None
        imported = self.client.import_chats({"chats": [item.form for item in batch]})
        if len(imported) != len(batch):
            fail(
                f"the server imported {len(imported)} of a batch of {len(batch)} chats; "
                "rerun to finish (nothing is imported twice)",
                PARTIAL,
            )

    def _one_by_one(self, batch: list[Item]) -> None:
        # The refused batch may still have been stored (an error after the commit): look again.
        keys, ids = self._destination()
        for item in batch:
            if _is_in(item.key, keys, ids):
                with self._lock:
                    self.outcome.already += 1
                continue
            try:
                self._send([item])
            except APIStatusError as exc:
                if exc.status_code in (401, 403) or exc.status_code >= 500:
                    raise
                with self._lock:
                    self.outcome.skipped += 1
                self.console.warn(
                    f"skipped {item.position}: the server refused it "
                    f"({exc.status_code}: {_detail(exc)})"
                )
                if self.strict:
                    fail(f"{item.position} refused by the server (stopped by --strict)", INPUT)
            else:
                with self._lock:
                    self.outcome.imported += 1
                    self.outcome.size += item.size


def _is_in(key: str, keys: set[str], ids: set[str]) -> bool:
    """Whether the chat of origin ``key`` is among a destination's (its keys, its chat ids)."""
    return key in keys or (key.startswith("chat:") and key[5:] in ids)


class _Sender:
    """Runs jobs (one batch each) on ``workers`` threads, started in the order given, while the
    caller reads on; ``submit`` waits while ``ahead`` jobs already wait for a thread. The first
    error of a job (Ctrl-C raised in one too) stops the jobs not started yet and is raised by
    the next ``submit`` or by ``finish``."""

    def __init__(self, workers: int, ahead: int) -> None:
        self._workers = workers
        self._ahead = ahead
        self._jobs: deque[Callable[[], None]] = deque()
        self._closed = False
        self._error: BaseException | None = None
        self._ready = threading.Condition()
        self._threads: list[threading.Thread] = []

    def submit(self, job: Callable[[], None]) -> None:
        with self._ready:
            while self._error is None and len(self._jobs) >= self._ahead:
                self._ready.wait()
            self._raise()
            self._jobs.append(job)
            self._ready.notify_all()
        while len(self._threads) < self._workers:  # daemons: Ctrl-C does not wait for them
            thread = threading.Thread(target=self._work, name="owui-chats-sender", daemon=True)
            self._threads.append(thread)
            thread.start()

    def finish(self) -> None:
        """Wait for every job; raise the first error of one."""
        self.stop(wait=True)
        with self._ready:
            self._raise()

    def stop(self, *, wait: bool) -> None:
        """Start no job not started yet unless ``wait``; with ``wait``, return when the
        threads are done."""
        with self._ready:
            self._closed = True
            if not wait:
                self._jobs.clear()
            self._ready.notify_all()
        if wait:
            for thread in self._threads:
                thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._closed = True
            raise error

    def _work(self) -> None:
        while True:
            with self._ready:
                while not self._jobs and not self._closed and self._error is None:
                    self._ready.wait()
                if not self._jobs or self._error is not None:
                    return
                job = self._jobs.popleft()
                self._ready.notify_all()
            try:
                job()
            except BaseException as exc:  # the caller re-raises it
                with self._ready:
                    if self._error is None:
                        self._error = exc
                    self._jobs.clear()
                    self._ready.notify_all()


def _loses(form: dict[str, Any], name: str, value: Any) -> bool:
    """Whether leaving ``name`` out of an import form loses what it held."""
    if name == "current_message_id":  # the chat's own history.currentId says it too
        history = form.get("chat", {}).get("history")
        return not (isinstance(history, dict) and history.get("currentId") == value)
    return bool(value)


def _detail(exc: APIStatusError) -> str:
    detail: Any = exc.detail
    text = detail if isinstance(detail, str) else str(detail)
    return text[:200]
