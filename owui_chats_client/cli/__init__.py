"""``owui-chats``: export, import, migrate, prune and repair the chats of an Open WebUI server.

Run ``owui-chats --help`` (or ``python -m owui_chats_client.cli --help``). Everything here uses
the public `ChatsClient`; `main` takes the arguments and returns the exit status.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ._common import (
    API_KEY_ENV,
    AUTH,
    BASE_URL_ENV,
    EXIT_STATUSES,
    INPUT,
    INTERRUPTED,
    SERVER,
    UNREACHABLE,
    USAGE,
    CommandError,
    Console,
    human_bytes,
    make_client,
    resolve,
)
from ._importer import DEFAULT_BATCH, Importer, Outcome

__all__ = ["main", "run"]

AUTHOR_NOTE = """\
Note: Open WebUI 0.12.4 rewrites the author of imported messages to the importing user
(each message's user_id, and the user of user messages), whoever wrote them on the source."""

DESCRIPTION = f"""\
Export, import, migrate, prune and repair the chats of an Open WebUI server.

The server and the key come from --base-url and --api-key, or from ${BASE_URL_ENV} and
${API_KEY_ENV} (safer: a key on the command line is visible to other users of the machine).
Keys never appear in the output or in the files written.
"""

IMPORT_HELP = f"""\
Import chats from each FILE ('-' for stdin): NDJSON as 'owui-chats export' writes it, the JSON
array of the web page's "Export All Chats", ChatGPT's conversations.json (or its split
conversations-000.json...) and Claude's, as files, as the zip the export came in, or as a
folder; a single conversation saved as one JSON object, pretty-printed or not. The format is
told from the content. ChatGPT and Claude message trees, edited branches included, become Open
WebUI trees; their reasoning and tool use are kept as the web page shows its own.

Chats are sent in batches through POST /api/v1/chats/import, keeping titles, messages, tags,
pinned, archived, folder (when the folder exists for the caller) and timestamps. Each chat
records where it came from in meta.imported_from; a rerun after an interruption (Ctrl-C, a
killed process, a dropped connection) skips what is already there and finishes the rest.

A line or item that cannot be imported is reported with its position and skipped (exit
status 1), or stops the run with --strict.

{AUTHOR_NOTE}
"""

MIGRATE_HELP = f"""\
Copy every chat of the caller on one server (--base-url, --api-key) to another
(--to-base-url, --to-api-key, or $OPENWEBUI_TO_BASE_URL, $OPENWEBUI_TO_API_KEY), streamed:
chats are read from GET /api/v1/chats/all and imported in batches, the next batch read while
the last one is stored. Resumable like import: a rerun copies only what is missing.

{AUTHOR_NOTE}
"""

EXPORT_HELP = """\
Write every chat of the caller as NDJSON, one chat a line as the server stores it (title,
history, tags, pinned, archived, folder id, meta, timestamps), copied from the stream of
GET /api/v1/chats/all without re-encoding. The file is written next to FILE under a temporary
name and renamed when complete, so an interrupted export never leaves a file that looks
whole. Progress goes to stderr when it is a terminal.

With --all-users (an admin's key, and the server's ENABLE_ADMIN_EXPORT on, as by default):
every user's chats, each line with its user_id, read from GET /api/v1/chats/all/db item by
item. Importing such a file puts the chats under the caller, so import refuses a file of
several users unless given --as-caller.
"""

DOCTOR_HELP = """\
List the caller's chats that the web page cannot open: a broken message tree (currentId naming
no message, a child or parent that does not exist, a cycle) or an answer left unfinished
(done: false) that no task of the server is still writing. With --fix, back them up as NDJSON
(--backup-to, default doctor-backup-DATE.ndjson here) before changing anything, then repair
each in place (links restored, the current message a leaf, unfinished answers marked done,
nothing deleted) and check it again.
"""

PRUNE_HELP = """\
Delete the caller's chats not updated in the last DAYS days. Lists them on stdout first
(id, last update, flags, title); with --export-to, backs them up as NDJSON before deleting
anything; with --dry-run, only lists.
"""


SUMMARIES = {
    "export": "write every chat to an NDJSON file",
    "import": "import chats from an export, or ChatGPT's or Claude's",
    "migrate": "copy every chat to another server",
    "prune": "delete chats not updated in some days",
    "doctor": "find and repair chats the web page cannot open",
}


def _add_common(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("server and output")
    group.add_argument("--base-url", metavar="URL", help=f"server root (default ${BASE_URL_ENV})")
    group.add_argument(
        "--api-key", metavar="KEY", help=f"API key or token (default ${API_KEY_ENV})"
    )
    group.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    group.add_argument(
        "-v", "--verbose", action="store_true", help="more details, and the cause of errors"
    )


def _add_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file to write ('-': stdout)"
    )
    parser.add_argument(
        "--all-users",
        action="store_true",
        help="every user's chats, each with its user_id (an admin's key; GET /api/v1/chats/all/db)",
    )


BATCH_HELP = f"chats per import request (default {DEFAULT_BATCH})"


def _add_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="a file, a zip archive or a folder to read ('-': stdin)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be imported, import nothing"
    )
    parser.add_argument("--strict", action="store_true", help="stop at the first bad line or item")
    parser.add_argument(
        "--as-caller",
        action="store_true",
        help="import chats of several users (an --all-users export), all under the caller",
    )
    parser.add_argument(
        "--batch-size", type=_positive, default=DEFAULT_BATCH, metavar="N", help=BATCH_HELP
    )


def _add_migrate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to-base-url", metavar="URL", help="destination server root")
    parser.add_argument("--to-api-key", metavar="KEY", help="destination API key or token")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be copied, copy nothing"
    )
    parser.add_argument(
        "--batch-size", type=_positive, default=DEFAULT_BATCH, metavar="N", help=BATCH_HELP
    )


def _add_prune(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--older-than", required=True, type=_days, metavar="DAYS", help="age of the last update"
    )
    parser.add_argument("--keep-pinned", action="store_true", help="never delete pinned chats")
    parser.add_argument("--keep-archived", action="store_true", help="never delete archived chats")
    parser.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    parser.add_argument(
        "--export-to", metavar="FILE", help="back the chats up to this NDJSON file first"
    )


def _add_doctor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fix", action="store_true", help="repair the chats listed (backup first)")
    parser.add_argument(
        "--backup-to", metavar="FILE", help="where --fix backs the chats up (NDJSON)"
    )


def _command_parser(name: str) -> argparse.ArgumentParser:
    """The options of one command."""
    texts = {
        "export": EXPORT_HELP,
        "import": IMPORT_HELP,
        "migrate": MIGRATE_HELP,
        "doctor": DOCTOR_HELP,
    }
    builders = {
        "export": _add_export,
        "import": _add_import,
        "migrate": _add_migrate,
        "prune": _add_prune,
        "doctor": _add_doctor,
    }
    parser = argparse.ArgumentParser(
        prog=f"owui-chats {name}",
        description=texts.get(name, PRUNE_HELP),
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    builders[name](parser)
    _add_common(parser)
    return parser


def _parser() -> argparse.ArgumentParser:
    """The whole command line: ``--help``, ``--version`` and the list of commands."""
    from owui_chats_client import __version__

    parser = argparse.ArgumentParser(
        prog="owui-chats",
        description=DESCRIPTION,
        epilog=EXIT_STATUSES + "\n" + AUTHOR_NOTE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, summary in SUMMARIES.items():
        commands.add_parser(name, help=summary, add_help=False)
    return parser


def _parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """``argv`` parsed; a command's own parser is built alone (building every one costs
    argparse a few milliseconds of gettext look-ups), the whole one only without a command."""
    if not argv or argv[0] not in SUMMARIES:
        parser = _parser()
        parser.parse_args(argv)  # prints help, the version or the usage error, and exits
        parser.error("name the command first: owui-chats COMMAND [options]")
    args = _command_parser(argv[0]).parse_args(argv[1:])
    args.command = argv[0]
    return args


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of days, got {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of days of 0 or more, got {text!r}")
    return value


# -- commands -----------------------------------------------------------------------------------


def _source(args: argparse.Namespace) -> tuple[str, str]:
    base_url = resolve(args.base_url, BASE_URL_ENV, "server URL", "--base-url")
    api_key = resolve(args.api_key, API_KEY_ENV, "API key", "--api-key")
    return base_url, api_key


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    from ._export import run_export

    base_url, api_key = _source(args)
    console.secrets += (api_key,)
    with make_client(base_url, api_key) as client:
        return run_export(client, base_url, args.output, console, all_users=args.all_users)


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    from ._sources import Item, check_one_owner, read_sources, sources

    offline = args.dry_run and not (args.base_url or os.environ.get(BASE_URL_ENV))
    base_url = api_key = ""
    if not offline:
        base_url, api_key = _source(args)
        console.secrets += (api_key,)
    found = sources(args.files)  # every input checked before anything is sent
    if not args.as_caller:
        check_one_owner(found)
    name = found[0].name if len(found) == 1 else f"{len(found)} files"
    client = None
    try:
        client = None if offline else make_client(base_url, api_key)
        importer = Importer(
            client,
            base_url,
            console,
            batch_size=args.batch_size,
            dry_run=args.dry_run,
            strict=args.strict,
            one_owner=not args.as_caller and any(s.once for s in found),
        )
        if client is not None:
            importer.scan()
        elif args.dry_run:
            console.detail(f"no server given (${BASE_URL_ENV}): the file is only checked")
        items = read_sources(found)
        if args.as_caller:
            items = (i.keyed_by_id() if isinstance(i, Item) else i for i in items)
        outcome = importer.run(items)
        _summary(outcome, console, args.dry_run, "imported", name, importer.progress.elapsed)
        return outcome.status
    finally:
        if client is not None:
            client.close()


def _summary(
    outcome: Outcome, console: Console, dry_run: bool, done: str, source: str, elapsed: float
) -> None:
    counts = f"{outcome.already} already there, {outcome.skipped} skipped"
    for name, count in sorted(outcome.not_stored.items()):
        console.warn(
            f"{'would not store' if dry_run else 'not stored'}: the {name} of {count} "
            f"chat{'' if count == 1 else 's'} (the destination runs Open WebUI "
            f"{outcome.release}, whose import has no {name})"
        )
    if dry_run:
        console.say(f"dry run: {outcome.imported} chats would be {done} from {source} ({counts})")
        return
    requests = f"{outcome.batches} request{'' if outcome.batches == 1 else 's'}"
    console.say(
        f"{done} {outcome.imported} chats ({human_bytes(outcome.size)}) from {source} "
        f"in {requests}, {elapsed:.1f}s ({counts})"
    )


def cmd_migrate(args: argparse.Namespace, console: Console) -> int:
    from ._server import iter_chats
    from ._sources import Bad, Item, from_openwebui

    base_url, api_key = _source(args)
    to_url = resolve(args.to_base_url, "OPENWEBUI_TO_BASE_URL", "destination URL", "--to-base-url")
    to_key = resolve(args.to_api_key, "OPENWEBUI_TO_API_KEY", "destination key", "--to-api-key")
    console.secrets += (api_key, to_key)
    with make_client(base_url, api_key) as source, make_client(to_url, to_key) as destination:
        importer = Importer(
            destination,
            to_url,
            console,
            batch_size=args.batch_size,
            dry_run=args.dry_run,
            verb="copied",
            would="would copy",
        )
        importer.scan()

        def items() -> Iterator[Item | Bad]:
            for number, (line, chat) in enumerate(iter_chats(source, base_url), 1):
                yield from_openwebui(chat, f"chat {number} ({chat['id']})", line.encode())

        outcome = importer.run(items())
        _summary(outcome, console, args.dry_run, "copied", base_url, importer.progress.elapsed)
        return outcome.status


def cmd_prune(args: argparse.Namespace, console: Console) -> int:
    from ._prune import run_prune

    base_url, api_key = _source(args)
    console.secrets += (api_key,)
    with make_client(base_url, api_key) as client:
        return run_prune(
            client,
            base_url,
            console,
            days=args.older_than,
            keep_pinned=args.keep_pinned,
            keep_archived=args.keep_archived,
            dry_run=args.dry_run,
            export_to=args.export_to,
        )


def cmd_doctor(args: argparse.Namespace, console: Console) -> int:
    from ._doctor import run_doctor

    base_url, api_key = _source(args)
    console.secrets += (api_key,)
    with make_client(base_url, api_key) as client:
        return run_doctor(client, base_url, console, fix=args.fix, backup_to=args.backup_to)


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "export": cmd_export,
    "import": cmd_import,
    "migrate": cmd_migrate,
    "prune": cmd_prune,
    "doctor": cmd_doctor,
}


# -- errors ----------------------------------------------------------------------------------------


def _explain(exc: BaseException) -> tuple[str, int]:
    """One line and an exit status for an error that ends the command."""
    import httpx

    from owui_chats_client import (
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        OpenWebUIError,
    )

    if isinstance(exc, CommandError):
        return str(exc), exc.status
    if isinstance(exc, APIStatusError):
        detail = exc.detail if isinstance(exc.detail, str) else exc.body
        where = f"{exc.method} {httpx.URL(exc.url).path}"
        if exc.status_code == 401:
            return f"the server refused the API key ({where}: 401 {detail})", AUTH
        if exc.status_code == 403:
            return f"the key may not do this ({where}: 403 {detail})", AUTH
        if exc.status_code in (404, 405):
            return (
                f"{where} answered {exc.status_code} ({detail}): is the base URL the root of "
                "an Open WebUI server?",
                SERVER,
            )
        return f"{where} failed: {exc.status_code} {detail}", SERVER
    if isinstance(exc, APIConnectionError):
        url = httpx.URL(exc.url) if isinstance(getattr(exc, "url", None), str) else None
        server = f"{url.scheme}://{url.netloc.decode()}" if url is not None else "the server"
        if isinstance(exc, APITimeoutError):
            return f"{server} did not answer in time: {exc}", UNREACHABLE
        return f"cannot reach {server}: {exc}", UNREACHABLE
    if isinstance(exc, httpx.TransportError):
        return f"the connection to the server dropped: {type(exc).__name__}: {exc}", UNREACHABLE
    if isinstance(exc, APIResponseValidationError):
        return f"the answer is not what Open WebUI sends (check the base URL): {exc}", SERVER
    if isinstance(exc, OpenWebUIError):
        return str(exc), USAGE
    if isinstance(exc, OSError):
        return f"{exc.filename or 'I/O'}: {exc.strerror or exc}", INPUT
    raise exc


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``owui-chats`` with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    args = _parse_args(argv)
    console = Console(quiet=args.quiet, verbose=args.verbose)
    try:
        return COMMANDS[args.command](args, console)
    except KeyboardInterrupt:
        console.warn("owui-chats: interrupted; run the same command again to finish")
        return INTERRUPTED
    except Exception as exc:  # every expected failure becomes one line and a status
        message, status = _explain(exc)
        console.warn(f"owui-chats: {message}")
        if console.verbose:
            console.warn("".join(traceback.format_exception(exc)).rstrip())
        return status


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def run() -> None:
    """The console script: SIGTERM ends the command like Ctrl-C (temporary files removed)."""
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(main())
