"""``owui-chats prune``: delete the caller's chats not updated in a number of days."""

from __future__ import annotations

import contextlib
import sys
import time
from dataclasses import dataclass
from typing import IO

from owui_chats_client import ChatsClient, NotFoundError

from ._common import PARTIAL, Console, atomic_output
from ._server import iter_chats


@dataclass
class Candidate:
    id: str
    title: str
    updated_at: int
    pinned: bool
    archived: bool

    def line(self) -> str:
        when = time.strftime("%Y-%m-%d", time.gmtime(self.updated_at))
        flags = ",".join(
            f for f, on in (("pinned", self.pinned), ("archived", self.archived)) if on
        )
        return f"{self.id}  {when}  {flags or '-'}  {self.title}"


def select(
    client: ChatsClient,
    base_url: str,
    cutoff: float,
    keep_pinned: bool,
    keep_archived: bool,
    backup: IO[bytes] | None,
) -> tuple[list[Candidate], int]:
    """The chats to delete (and the number of chats read); their lines go to ``backup``."""
    chosen: list[Candidate] = []
    seen = 0
    for line, chat in iter_chats(client, base_url):
        seen += 1
        updated = chat.get("updated_at")
        if not isinstance(updated, int | float) or updated >= cutoff:
            continue
        pinned, archived = bool(chat.get("pinned")), bool(chat.get("archived"))
        if (keep_pinned and pinned) or (keep_archived and archived):
            continue
        title = chat.get("title")
        chosen.append(
            Candidate(
                chat["id"], title if isinstance(title, str) else "", int(updated), pinned, archived
            )
        )
        if backup is not None:
            backup.write(line.encode() + b"\n")
    return chosen, seen


def run_prune(
    client: ChatsClient,
    base_url: str,
    console: Console,
    *,
    days: float,
    keep_pinned: bool,
    keep_archived: bool,
    dry_run: bool,
    export_to: str | None,
) -> int:
    cutoff = time.time() - days * 86400
    # Every candidate is listed (and backed up) before the first deletion: deleting while the
    # server pages through the chats would make it skip some.
    with contextlib.ExitStack() as stack:
        backup = stack.enter_context(atomic_output(export_to)) if export_to else None
        chosen, seen = select(client, base_url, cutoff, keep_pinned, keep_archived, backup)
    if export_to:
        console.say(f"backed up {len(chosen)} chats to {export_to}")
    out = sys.stdout
    for candidate in chosen:
        out.write(("would delete  " if dry_run else "deleting  ") + candidate.line() + "\n")
    out.flush()
    if dry_run:
        console.say(
            f"dry run: {len(chosen)} of {seen} chats not updated in {days:g} days would be deleted"
        )
        return 0
    deleted = failed = 0
    for candidate in chosen:
        try:
            ok = client.delete(candidate.id)
        except NotFoundError:
            ok = True  # gone already
        if ok:
            deleted += 1
        else:
            failed += 1
            console.warn(
                f"could not delete {candidate.id} ({candidate.title}): the server said false"
            )
    console.say(f"deleted {deleted} of {seen} chats not updated in {days:g} days")
    return PARTIAL if failed else 0
