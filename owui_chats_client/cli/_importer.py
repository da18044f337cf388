"""Importing chats in batches, resumably: what ``import`` and ``migrate`` share.

Every chat carries a key of its origin (see `_sources`), stored in the imported chat's
``meta["imported_from"]`` by the same request that creates the chat. Before importing, the
destination's chats are read once (``GET /api/v1/chats/all``, streamed) and every key found
there, and every chat id, is skipped. So a run that was interrupted anywhere (Ctrl-C, a killed
process, a dropped connection, even between the server's commit and its answer) is finished by
running it again, and nothing is imported twice: the record of what is done is the
destination itself, written in the same transaction as the chats.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from owui_chats_client import APIStatusError, ChatsClient

from ._common import INPUT, PARTIAL, Console, Progress, fail
from ._server import iter_chats
from ._sources import MARK, Bad, Item

DEFAULT_BATCH = 50
DEFAULT_BATCH_BYTES = 16 * 1024 * 1024


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

    # -- what the destination already holds ------------------------------------------------------

    def scan(self) -> int:
        """Read the destination's chats once; returns how many there are."""
        self._keys.clear()
        self._ids.clear()
        if self.client is None:
            return 0
        count = 0
        for _, chat in iter_chats(self.client, self.base_url):
            count += 1
            self._ids.add(chat["id"])
            meta = chat.get("meta")
            if isinstance(meta, dict) and isinstance(meta.get(MARK), str):
                self._keys.add(meta[MARK])
        self.console.detail(
            f"the destination holds {count} chats, {len(self._keys)} of them imported earlier"
        )
        return count

    def is_there(self, key: str) -> bool:
        if key in self._keys:
            return True
        return key.startswith("chat:") and key[5:] in self._ids

    # -- importing -----------------------------------------------------------------------------

    def run(self, items: Iterable[Item | Bad]) -> Outcome:
        try:
            for item in items:
                if isinstance(item, Bad):
                    self.bad(item)
                    continue
                if self.is_there(item.key):
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
        self.outcome.skipped += 1
        self.console.warn(f"skipped {item.position}: {item.reason}")

    def flush(self) -> None:
        batch, self._pending, self._pending_bytes = self._pending, [], 0
        if not batch:
            return
        size = sum(item.size for item in batch)
        if self.dry_run:  # listed on stdout as it goes, so memory stays flat
            sys.stdout.writelines(
                f"{self.would}  {item.position}  {item.key}  {item.title}\n" for item in batch
            )
            sys.stdout.flush()
            self.outcome.imported += len(batch)
            self.outcome.size += size
            return
        assert self.client is not None
        self.outcome.batches += 1
        number = self.outcome.batches
        try:
            self._send(batch)
        except APIStatusError as exc:
            if exc.status_code in (401, 403) or exc.status_code >= 500:
                raise
            # One chat the server refuses fails the whole batch: find it, import the rest.
            self.console.detail(f"batch {number} refused ({exc.status_code}); one by one")
            self._one_by_one(batch)
        else:
            self.outcome.imported += len(batch)
            self.outcome.size += size
            self.console.detail(
                f"batch {number}: imported {len(batch)} chats "
                f"({batch[0].position} to {batch[-1].position})"
            )
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
        self.scan()
        for item in batch:
            if self.is_there(item.key):
                self.outcome.already += 1
                continue
            try:
                self._send([item])
            except APIStatusError as exc:
                if exc.status_code in (401, 403) or exc.status_code >= 500:
                    raise
                self.outcome.skipped += 1
                self.console.warn(
                    f"skipped {item.position}: the server refused it "
                    f"({exc.status_code}: {_detail(exc)})"
                )
                if self.strict:
                    fail(f"{item.position} refused by the server (stopped by --strict)", INPUT)
            else:
                self._keys.add(item.key)
                self.outcome.imported += 1
                self.outcome.size += item.size


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
