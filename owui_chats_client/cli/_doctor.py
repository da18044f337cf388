"""``owui-chats doctor``: find the caller's chats that the web page cannot open, and repair them.

The chats are read as a stream (``GET /api/v1/chats/all``), one at a time. A chat is listed
when its message tree is broken, or when an answer was left ``done: false`` with no task of the
server still writing it (``GET /api/tasks/chat/{id}``, asked only for such chats). With
``--fix``, every listed chat is first written to the backup file (the server's own lines, as
``export`` writes them), then repaired (`_repair.repair`) and stored back
(``POST /api/v1/chats/{id}``, see `store`), and read again to check that it is sound.
"""

from __future__ import annotations

import contextlib
import sys
import time
from dataclasses import dataclass
from typing import Any

from owui_chats_client import ChatsClient, NotFoundError

from ._common import PARTIAL, Console, atomic_output
from ._repair import diagnose, repair
from ._server import iter_chats


@dataclass
class Patient:
    id: str
    title: str
    problems: list[str]
    stuck: list[str]  # unfinished answers no task is writing

    def line(self) -> str:
        return f"{self.id}  {self.title}  {'; '.join(self.problems)}"


def store(client: ChatsClient, chat_id: str, payload: dict[str, Any]) -> list[str]:
    """Write a repaired chat back and read it again; returns what is still wrong.

    Open WebUI 0.12 keeps an answer stored ``done: false`` as it is on every update (so that a
    client cannot write over an answer being written); such an answer is deleted
    (``DELETE /api/v1/chats/{id}/messages/{message_id}``, which takes its replies with it)
    and the repaired tree, which holds them all, written again at once.
    """
    client.update(chat_id, {"chat": payload})
    after = client.get(chat_id)
    left, kept = diagnose(after.chat if after is not None else None)
    if kept:
        for message_id in kept:
            with contextlib.suppress(NotFoundError):  # gone with the answer above it
                client.delete_message(chat_id, message_id)
        client.update(chat_id, {"chat": payload})
        after = client.get(chat_id)
        left, _ = diagnose(after.chat if after is not None else None)
    return left


def default_backup() -> str:
    return time.strftime("doctor-backup-%Y%m%d-%H%M%S.ndjson")


def examine(client: ChatsClient, chat: dict[str, Any]) -> Patient | None:
    """What is wrong with one stored chat, or None."""
    problems, stuck = diagnose(chat.get("chat"))
    if not problems:
        return None
    if stuck and client.list_tasks(chat["id"]).task_ids:
        # Still being written: not stuck, whatever else is wrong waits for the task too.
        return None
    title = chat.get("title")
    return Patient(chat["id"], title if isinstance(title, str) else "", problems, stuck)


def run_doctor(
    client: ChatsClient,
    base_url: str,
    console: Console,
    *,
    fix: bool,
    backup_to: str | None,
) -> int:
    found: list[Patient] = []
    seen = 0
    backup_path = (backup_to or default_backup()) if fix else None
    # Every chat to change is listed and backed up before the first change.
    with contextlib.ExitStack() as stack:
        backup = stack.enter_context(atomic_output(backup_path)) if backup_path else None
        for line, chat in iter_chats(client, base_url):
            seen += 1
            patient = examine(client, chat)
            if patient is not None:
                found.append(patient)
                if backup is not None:
                    backup.write(line.encode() + b"\n")
    if backup_path is not None:
        console.say(f"backed up {len(found)} chats to {backup_path}")
    out = sys.stdout
    for patient in found:
        out.write(("repairing  " if fix else "broken  ") + patient.line() + "\n")
    out.flush()
    if not fix:
        console.say(
            f"{len(found)} of {seen} chats have a broken message tree or a stuck answer"
            + ("; run again with --fix to repair them (after a backup)" if found else "")
        )
        return PARTIAL if found else 0
    failed = 0
    for patient in found:
        stored = client.get(patient.id)
        payload = dict(stored.chat) if stored is not None else None
        if payload is None:
            console.warn(f"could not repair {patient.id} ({patient.title}): it is gone")
            failed += 1
            continue
        repair(payload, finish=patient.stuck)
        left = store(client, patient.id, payload)
        if left:
            failed += 1
            console.warn(f"could not repair {patient.id} ({patient.title}): {'; '.join(left)}")
    console.say(f"repaired {len(found) - failed} of {seen} chats (backup: {backup_path})")
    return PARTIAL if failed else 0
