"""The supported Open WebUI releases: their own OpenAPI documents, and what the spec learns from
them.

Each supported release has its document in ``scripts/releases/<version>.json``: the server's
``/openapi.json`` (served with ``ENV=dev``) trimmed to the chat operations and the schemas they
reach (``extract_spec.py``). These documents are the only source of the spec's ``x-since``
markers (see `derive_markers`): which release first has an operation, a query parameter or a
field. ``scripts/generate`` writes the markers into openapi.json; ``scripts/generate --check``
fails when one disagrees with the documents.

    python scripts/releases.py capture 0.10.2 [0.11.4 ...]  # install, start, save the document
    python scripts/releases.py list                         # the stored releases
    python scripts/releases.py matrix                       # the newest, then the older minors'
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from extract_spec import extract
from spec_drift import HTTP_METHODS, Flattener, Key, Node

HERE = Path(__file__).resolve().parent
RELEASES_DIR = HERE / "releases"

Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    """``"0.10.2"`` -> ``(0, 10, 2)``."""
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        raise ValueError(f"not a release number: {text!r}")
    return tuple(int(part) for part in text.split("."))


def versions() -> list[str]:
    """The releases with a stored document, oldest first."""
    return sorted((path.stem for path in RELEASES_DIR.glob("*.json")), key=parse_version)


def stored() -> dict[str, dict[str, Any]]:
    """Every stored release document, oldest first."""
    found = {path.stem: path for path in RELEASES_DIR.glob("*.json")}
    return {
        version: json.loads(found[version].read_text())
        for version in sorted(found, key=parse_version)
    }


def document_text(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def server_document(base_url: str) -> dict[str, Any]:
    """The chat part of a running server's own document."""
    response = httpx.get(f"{base_url}/openapi.json", timeout=120)
    response.raise_for_status()
    return extract(response.json())


def capture(version: str) -> Path:
    """Start ``version`` locally and store its document."""
    from localserver import LocalServer

    server = LocalServer(version=version)
    try:
        server.start()
        document = server_document(server.base_url)
    finally:
        server.cleanup()
    RELEASES_DIR.mkdir(exist_ok=True)
    target = RELEASES_DIR / f"{version}.json"
    target.write_text(document_text(document))
    return target


# -- markers -------------------------------------------------------------------------------------

PRESENT, UNKNOWN, ABSENT = "present", "unknown", "absent"


@dataclass
class Marker:
    """Where a marker goes in the spec and the release it names."""

    since: str
    target: dict[str, Any]  # the operation, parameter or property schema that carries it
    label: str  # e.g. "GET /api/v1/chats/list parameters.query.sort_by"


def _state(key: Key, nodes: dict[Key, Node] | None) -> str:
    """Whether a document shows ``key`` of an operation, shows its absence, or cannot tell (an
    ancestor is untyped or a free-form object)."""
    if nodes is None:
        return ABSENT
    if key in nodes:
        return PRESENT
    for i in range(len(key) - 1, 0, -1):
        node = nodes.get(key[:i])
        if node is not None and (node.type == "any" or node.free_form):
            return UNKNOWN
    return ABSENT


def _first_release(key: Key, history: list[tuple[str, dict[Key, Node] | None]]) -> str | None:
    """The oldest release from which every stored release has ``key`` (or cannot show that it
    lacks it); None when the newest shows it is absent (the spec's own curation)."""
    since = None
    for version, nodes in reversed(history):
        if _state(key, nodes) == ABSENT:
            break
        since = version
    return since


class _Targets(Flattener):
    """A `Flattener` of the spec that also records, per key, the dict a marker is written to."""

    def __init__(self, document: dict[str, Any]) -> None:
        super().__init__(document)
        self.targets: dict[Key, dict[str, Any]] = {}

    def flatten_operation(self, operation: dict[str, Any]) -> dict[Key, Node]:
        self.targets = {}
        for parameter in operation.get("parameters", []):
            if isinstance(parameter, dict) and "name" in parameter:
                self.targets[("parameters", str(parameter["in"]), parameter["name"])] = parameter
        return super().flatten_operation(operation)

    def schema(self, raw: Any, key: Key, out: dict[Key, Node], stack: tuple[str, ...]) -> None:
        field = len(key) > {"requestBody": 2, "responses": 3}.get(key[0], len(key))
        if isinstance(raw, dict) and field and key[-1] not in ("[]", "*"):
            self.targets.setdefault(key, raw)
        super().schema(raw, key, out, stack)


def spec_targets(spec: dict[str, Any]) -> dict[tuple[str, str], dict[Key, dict[str, Any]]]:
    """Per operation of the spec, the parameter and property dicts by their flattened key."""
    ours = _Targets(spec)
    found = {}
    for route, operation in ours.operations().items():
        ours.flatten_operation(operation)
        found[route] = dict(ours.targets)
    return found


def derive_markers(spec: dict[str, Any], documents: dict[str, dict[str, Any]]) -> list[Marker]:
    """The markers that the stored documents imply for the spec.

    Every operation gets ``x-since``: the oldest stored release from which every stored release
    has it. A query parameter or a field of a request body or of a 2xx answer gets one when it
    came later than what holds it. A property of a shared schema takes the newest of the releases
    its uses imply, so that no claim is wider than what a document shows.
    """
    versions = list(documents)
    theirs = {v: Flattener(d) for v, d in documents.items()}
    their_ops = {v: f.operations() for v, f in theirs.items()}
    ours = _Targets(spec)
    found: dict[int, Marker] = {}

    def mark(target: dict[str, Any], since: str, label: str) -> None:
        known = found.get(id(target))
        if known is None or parse_version(since) > parse_version(known.since):
            found[id(target)] = Marker(since, target, label)

    for (method, path), operation in ours.operations().items():
        label = f"{method} {path}"
        nodes = ours.flatten_operation(operation)
        targets = dict(ours.targets)
        history = []
        for version in versions:
            op = their_ops[version].get((method, path))
            history.append((version, None if op is None else theirs[version].flatten_operation(op)))
        op_since = None
        for version, op_nodes in reversed(history):
            if op_nodes is None:
                break
            op_since = version
        if op_since is None:
            continue  # no stored release has it: the newest document's curation explains it
        target = spec["paths"][path][method.lower()]
        mark(target, op_since, label)
        since_of: dict[Key, str] = {}
        for key in sorted(nodes, key=len):
            if key[0] == "responses" and not key[1].startswith("2"):
                continue
            own = _first_release(key, history)
            if own is None:
                continue
            inherited = max(
                [op_since, *(since_of[key[:i]] for i in range(1, len(key)) if key[:i] in since_of)],
                key=parse_version,
            )
            if key not in targets:
                # nowhere to write a marker (a body, an answer, list items): what it holds
                # is compared with the operation, or with the nearest field above it
                since_of[key] = inherited
            elif parse_version(own) > parse_version(inherited):
                since_of[key] = own
                mark(targets[key], own, f"{label} {_render(key)}")
            else:
                since_of[key] = inherited
    return sorted(found.values(), key=lambda m: m.label)


def _render(key: Key) -> str:
    text = ""
    for segment in key:
        text += segment if segment == "[]" else ("." if text else "") + segment
    return text


def _marked(node: Any) -> list[dict[str, Any]]:
    """Every dict of the spec that carries a marker."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if "x-since" in node:
            found.append(node)
        for value in node.values():
            found.extend(_marked(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_marked(value))
    return found


def marker_problems(spec: dict[str, Any], documents: dict[str, dict[str, Any]]) -> list[str]:
    """How the spec's markers disagree with what the documents imply (empty when they agree)."""
    wanted = {id(m.target): m for m in derive_markers(spec, documents)}
    problems = [
        f"{m.label}: x-since should be {m.since!r}, is {m.target.get('x-since')!r}"
        for m in wanted.values()
        if m.target.get("x-since") != m.since
    ]
    problems += [
        f"x-since {node['x-since']!r} on {node.get('operationId') or node.get('name') or node}"
        " is not implied by any stored release document"
        for node in _marked(spec)
        if id(node) not in wanted
    ]
    releases = list(documents)
    if spec.get("info", {}).get("x-releases") != releases:
        problems.append(f"info.x-releases should be {releases}")
    return problems


def write_markers(spec: dict[str, Any], documents: dict[str, dict[str, Any]]) -> None:
    """Set the spec's markers to what the documents imply (in place)."""
    for node in _marked(spec):
        del node["x-since"]
    for marker in derive_markers(spec, documents):
        marker.target["x-since"] = marker.since
    spec.setdefault("info", {})["x-releases"] = list(documents)


TABLE_START = "<!-- support table: written by scripts/generate from openapi.json -->"
TABLE_END = "<!-- end of support table -->"


def support_table(spec: dict[str, Any]) -> str:
    """The Markdown table of which stored release has which operation, and which later
    parameter or field, from the spec's markers."""
    known = spec["info"]["x-releases"]
    rows: list[tuple[str, str, str]] = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            name = op["operationId"]
            rows.append((name, f"`{method.upper()} {path}`", op["x-since"]))
    targets = spec_targets(spec)
    for (method, path), keys in targets.items():
        name = spec["paths"][path][method.lower()]["operationId"]
        for key, node in keys.items():
            if "x-since" not in node:
                continue
            if key[:2] == ("parameters", "query"):
                rows.append((f"{name}({key[2]}=)", "query parameter", node["x-since"]))
            elif key[:2] == ("requestBody", "application/json"):
                field = _render(key[2:])
                rows.append((f"{name}: {field}", "body field", node["x-since"]))
    header = "| method | what | " + " | ".join(known) + " |"
    lines = [header, "|---|---|" + "---|" * len(known)]
    for name, what, since in sorted(rows):
        first = parse_version(since)
        cells = ["yes" if parse_version(v) >= first else "no" for v in known]
        lines.append(f"| `{name}` | {what} | " + " | ".join(cells) + " |")
    return "\n".join([TABLE_START, *lines, TABLE_END])


def with_support_table(page: str, spec: dict[str, Any]) -> str:
    """``page`` (docs/releases.md) with its support table rewritten (between the two markers)."""
    start, end = page.index(TABLE_START), page.index(TABLE_END) + len(TABLE_END)
    return page[:start] + support_table(spec) + page[end:]


def matrix() -> list[str]:
    """The releases the cross-release suite runs on besides the newest: the latest stored patch
    of each older minor release."""
    known = versions()
    newest = parse_version(known[-1])
    latest: dict[tuple[int, ...], str] = {}
    for version in known:
        latest[parse_version(version)[:2]] = version
    return [v for minor, v in latest.items() if minor != newest[:2]]


def main(argv: list[str]) -> int:
    command, given = (argv[0], argv[1:]) if argv else ("list", [])
    if command == "capture" and given:
        for version in given:
            parse_version(version)
            print(capture(version))
        return 0
    if command == "matrix":  # the newest first, then what tests/matrix runs on besides it
        print(" ".join([versions()[-1], *matrix()]))
        return 0
    if command == "list":
        for version, document in stored().items():
            operations = sum(
                1 for item in document["paths"].values() for m in item if m in HTTP_METHODS
            )
            print(f"{version}: {operations} chat operations")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
