"""Compare the curated ``openapi.json`` with the OpenAPI document a server publishes.

Only the chat operations are compared (the path filter of ``extract_spec.py``). For each
operation (method and path) the report lists what is missing on either side, parameter changes
(location, name, required, type, nullable) and, after resolving ``$ref``, request body and
response differences field by field (name, type, required, nullable, enum). Schemas are compared
by structure, not by name: a renamed schema is not a difference, but the name mapping is recorded.

Every difference is identified by ``operation`` + ``kind`` + ``path``. Intentional differences are
listed in ``scripts/spec_curation.json`` with a one-line reason; allowlist entries that match
nothing are reported as stale.

    scripts/spec_drift http://127.0.0.1:8080                # a running server (its /openapi.json)
    scripts/spec_drift http://127.0.0.1:8080/openapi.json
    scripts/spec_drift saved-openapi.json --json

Exit status: 0 when every difference is explained and no allowlist entry is stale, 1 otherwise,
2 on a usage or load error.

Paths look like ``parameters.query.page``, ``requestBody``,
``requestBody.application/json.chat.messages[].content`` or
``responses.200.application/json[].title``; ``[]`` stands for array items and ``*`` for
``additionalProperties``. The operation itself has the empty path.

Kinds: ``missing_on_server`` (in openapi.json only), ``missing_in_spec`` (on the server only),
``type_changed``, ``required_changed``, ``nullable_changed``, ``enum_changed`` and
``free_form_changed`` (an object without declared properties, e.g. ``additionalProperties: true``,
on one side only). When one side is unconstrained (``{}``, type ``any``) or a free-form object,
only that node is reported, not the fields the other side defines below it; a missing node is
reported once, not with all of its fields.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from extract_spec import is_chat_path, load

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "openapi.json"
DEFAULT_ALLOWLIST = Path(__file__).resolve().parent / "spec_curation.json"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSON_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
ASPECTS = ("type", "required", "nullable", "enum", "free_form")
KINDS = frozenset({"missing_on_server", "missing_in_spec", *(f"{a}_changed" for a in ASPECTS)})

Key = tuple[str, ...]


# -- flattening ------------------------------------------------------------------------------


@dataclass
class Node:
    """What is compared at one path."""

    type: str | None = None
    nullable: bool | None = None
    required: bool | None = None
    enum: list[Any] | None = None
    free_form: bool | None = None
    ref: str | None = None

    def aspects(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ASPECTS}


def render(key: Key) -> str:
    text = ""
    for segment in key:
        if segment == "[]":
            text += "[]"
        else:
            text += ("." if text else "") + segment
    return text


class Flattener:
    """Turns the chat operations of one document into ``{(method, path): {key: Node}}``."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})

    def resolve(self, node: Any) -> tuple[Any, str | None]:
        """Follow ``$ref`` (and single-element ``allOf``) to a schema; return it and its name."""
        name = None
        for _ in range(50):
            if not isinstance(node, dict):
                return node, name
            if "$ref" in node:
                ref = node["$ref"]
                name = ref.rsplit("/", 1)[-1]
                node = self._pointer(ref)
                continue
            all_of = node.get("allOf")
            if isinstance(all_of, list) and len(all_of) == 1:
                node = all_of[0]
                continue
            return node, name
        raise ValueError("$ref chain too long")

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported: {ref}")
        node: Any = self.document
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def operations(self) -> dict[tuple[str, str], dict[str, Any]]:
        found = {}
        for path, item in self.document.get("paths", {}).items():
            if not is_chat_path(path):
                continue
            for method, operation in item.items():
                if method in HTTP_METHODS:
                    merged = dict(operation)
                    shared = item.get("parameters") or []
                    if shared:
                        own = {
                            (p.get("in"), p.get("name")) for p in operation.get("parameters", [])
                        }
                        extra = [p for p in shared if (p.get("in"), p.get("name")) not in own]
                        merged["parameters"] = [*operation.get("parameters", []), *extra]
                    found[(method.upper(), path)] = merged
        return found

    def flatten_operation(self, operation: dict[str, Any]) -> dict[Key, Node]:
        out: dict[Key, Node] = {}
        for raw in operation.get("parameters", []) or []:
            parameter, _ = self.resolve(raw)
            key: Key = ("parameters", str(parameter.get("in")), str(parameter.get("name")))
            self.schema(parameter.get("schema", {}), key, out, stack=())
            out[key].required = bool(parameter.get("required", False))
        body = operation.get("requestBody")
        if body is not None:
            body, _ = self.resolve(body)
            out[("requestBody",)] = Node(required=bool(body.get("required", False)))
            for media_type, content in (body.get("content") or {}).items():
                self.schema(content.get("schema", {}), ("requestBody", media_type), out, stack=())
        for status, response in (operation.get("responses") or {}).items():
            response, _ = self.resolve(response)
            out[("responses", str(status))] = Node()
            for media_type, content in (response.get("content") or {}).items():
                self.schema(
                    content.get("schema", {}), ("responses", str(status), media_type), out, stack=()
                )
        return out

    def schema(self, raw: Any, key: Key, out: dict[Key, Node], stack: tuple[str, ...]) -> None:
        """Record ``raw`` at ``key`` and descend into its properties and items."""
        schema, name = self.resolve(raw)
        node = Node(ref=name)
        out[key] = node
        if name is not None and name in stack:
            node.type = "object"
            node.nullable = False
            return
        if name is not None:
            stack = (*stack, name)
        if not isinstance(schema, dict):
            node.type = "any" if schema is True or schema is None else "never"
            node.nullable = schema is True or schema is None
            return
        variants = self._variants(schema)
        types: set[str] = set()
        nullable = False
        enums: list[Any] = []
        has_enum = False
        for variant in variants:
            vtypes = self._types(variant)
            if "null" in vtypes:
                nullable = True
                vtypes.discard("null")
            types |= vtypes
            values = variant.get("enum")
            if "const" in variant:
                values = [variant["const"]]
            if isinstance(values, list):
                has_enum = True
                enums.extend(v for v in values if v is not None)
                if None in values:
                    nullable = True
        node.type = "any" if "any" in types or not types else "|".join(sorted(types))
        # An unconstrained schema admits null as well.
        node.nullable = nullable or node.type == "any"
        if has_enum:
            node.enum = sorted({json.dumps(v, sort_keys=True) for v in enums})
        if node.type == "any":
            return
        if "object" in types:
            node.free_form = not any(
                isinstance(v.get("properties"), dict)
                or (isinstance(v.get("additionalProperties"), dict) and v["additionalProperties"])
                or v.get("additionalProperties") is False
                for v in variants
            )
        for variant in variants:
            properties = variant.get("properties")
            if isinstance(properties, dict):
                required = set(variant.get("required") or [])
                for prop_name, prop_schema in properties.items():
                    child = (*key, prop_name)
                    if child in out:
                        continue
                    self.schema(prop_schema, child, out, stack)
                    out[child].required = prop_name in required
            extra = variant.get("additionalProperties")
            if isinstance(extra, dict) and extra and (*key, "*") not in out:
                self.schema(extra, (*key, "*"), out, stack)
            items = variant.get("items")
            if items is not None and (*key, "[]") not in out:
                self.schema(items, (*key, "[]"), out, stack)

    def _variants(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """The alternatives of ``schema`` (``anyOf``/``oneOf``), resolved and flattened."""
        alternatives = schema.get("anyOf") or schema.get("oneOf")
        if not isinstance(alternatives, list):
            return [schema]
        found: list[dict[str, Any]] = []
        for alternative in alternatives:
            resolved, _ = self.resolve(alternative)
            if isinstance(resolved, dict):
                found.extend(self._variants(resolved))
            else:
                found.append({})
        return found

    def _types(self, schema: dict[str, Any]) -> set[str]:
        declared = schema.get("type")
        if isinstance(declared, str):
            return {declared}
        if isinstance(declared, list):
            return {str(t) for t in declared}
        if "const" in schema:
            return {_json_type(schema["const"])}
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            return {_json_type(v) for v in schema["enum"]}
        if "properties" in schema or "additionalProperties" in schema:
            return {"object"}
        if "items" in schema:
            return {"array"}
        negated = schema.get("not")
        if isinstance(negated, dict) and set(negated) == {"type"}:
            excluded = negated["type"]
            excluded = {excluded} if isinstance(excluded, str) else set(excluded)
            left = set(JSON_TYPES) - excluded
            if "number" in excluded:
                left.discard("integer")
            return left
        return {"any"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


# -- comparing -------------------------------------------------------------------------------


@dataclass
class Difference:
    operation: str
    kind: str
    path: str
    spec: Any = None
    server: Any = None
    reason: str | None = None

    def ident(self) -> tuple[str, str, str]:
        return (self.operation, self.kind, self.path)


@dataclass
class Report:
    differences: list[Difference] = field(default_factory=list)
    stale: list[dict[str, Any]] = field(default_factory=list)
    schema_names: dict[str, str] = field(default_factory=dict)
    operation_ids: dict[str, str] = field(default_factory=dict)
    operations: dict[str, int] = field(default_factory=dict)

    @property
    def explained(self) -> list[Difference]:
        return [d for d in self.differences if d.reason is not None]

    @property
    def unexplained(self) -> list[Difference]:
        return [d for d in self.differences if d.reason is None]

    @property
    def ok(self) -> bool:
        return not self.unexplained and not self.stale

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "operations": self.operations,
            "counts": {
                "differences": len(self.differences),
                "explained": len(self.explained),
                "unexplained": len(self.unexplained),
                "stale_allowlist_entries": len(self.stale),
            },
            "unexplained": [_diff_dict(d) for d in self.unexplained],
            "explained": [_diff_dict(d) for d in self.explained],
            "stale": self.stale,
            "schema_names": self.schema_names,
            "operation_ids": self.operation_ids,
        }


def _diff_dict(difference: Difference) -> dict[str, Any]:
    data = asdict(difference)
    if data["reason"] is None:
        del data["reason"]
    return data


def _has_any_ancestor(key: Key, nodes: dict[Key, Node]) -> bool:
    """Whether a proper ancestor of ``key`` is unconstrained or a free-form object."""
    return any(
        (ancestor := nodes.get(key[:i])) is not None
        and (ancestor.type == "any" or bool(ancestor.free_form))
        for i in range(1, len(key))
    )


def _parent_present(key: Key, nodes: dict[Key, Node]) -> bool:
    return len(key) <= 1 or key[:-1] in nodes


def compare_operation(
    label: str, spec: dict[Key, Node], server: dict[Key, Node], names: dict[str, str]
) -> list[Difference]:
    found: list[Difference] = []
    for key in sorted(set(spec) | set(server)):
        ours, theirs = spec.get(key), server.get(key)
        path = render(key)
        if ours is None or theirs is None:
            side, other = (spec, server) if ours is None else (server, spec)
            # Skip what is below an unconstrained node, or below a node that is missing itself.
            if _has_any_ancestor(key, side) or _has_any_ancestor(key, other):
                continue
            if not _parent_present(key, side) and key[:-1] in other:
                continue
            kind = "missing_in_spec" if ours is None else "missing_on_server"
            found.append(Difference(label, kind, path))
            continue
        if _has_any_ancestor(key, spec) or _has_any_ancestor(key, server):
            continue
        if ours.ref and theirs.ref and ours.ref != theirs.ref:
            names.setdefault(ours.ref, theirs.ref)
        unconstrained = ours.type != theirs.type and "any" in (ours.type, theirs.type)
        for aspect, value in ours.aspects().items():
            other_value = theirs.aspects()[aspect]
            if unconstrained and aspect in ("nullable", "free_form"):
                continue  # implied by the type change to or from "any"
            if value != other_value:
                found.append(Difference(label, f"{aspect}_changed", path, value, other_value))
    return found


def compare(spec_doc: dict[str, Any], server_doc: dict[str, Any]) -> Report:
    report = Report()
    ours, theirs = Flattener(spec_doc), Flattener(server_doc)
    spec_ops, server_ops = ours.operations(), theirs.operations()
    report.operations = {
        "in_spec": len(spec_ops),
        "on_server": len(server_ops),
        "compared": len(set(spec_ops) & set(server_ops)),
    }
    for key in sorted(set(spec_ops) | set(server_ops), key=lambda k: (k[1], k[0])):
        label = f"{key[0]} {key[1]}"
        if key not in server_ops:
            report.differences.append(Difference(label, "missing_on_server", ""))
            continue
        if key not in spec_ops:
            report.differences.append(Difference(label, "missing_in_spec", ""))
            continue
        spec_id = spec_ops[key].get("operationId")
        server_id = server_ops[key].get("operationId")
        if spec_id and server_id and spec_id != server_id:
            report.operation_ids[spec_id] = server_id
        report.differences.extend(
            compare_operation(
                label,
                ours.flatten_operation(spec_ops[key]),
                theirs.flatten_operation(server_ops[key]),
                report.schema_names,
            )
        )
    report.schema_names = dict(sorted(report.schema_names.items()))
    return report


# -- allowlist -------------------------------------------------------------------------------


def _entry_operations(entry: dict[str, Any]) -> list[str]:
    value = entry.get("operation")
    return [value] if isinstance(value, str) else list(value or [])


def validate_allowlist(allowlist: dict[str, Any]) -> list[dict[str, Any]]:
    entries = allowlist.get("entries")
    if not isinstance(entries, list):
        raise ValueError("allowlist: 'entries' must be a list")
    for index, entry in enumerate(entries):
        missing = [k for k in ("operation", "kind", "path", "reason") if k not in entry]
        if missing:
            raise ValueError(f"allowlist entry {index}: missing {', '.join(missing)}")
        if not isinstance(entry["reason"], str) or not entry["reason"].strip():
            raise ValueError(f"allowlist entry {index}: 'reason' must be a non-empty string")
        if not _entry_operations(entry):
            raise ValueError(f"allowlist entry {index}: 'operation' is empty")
        if entry["kind"] not in KINDS:
            raise ValueError(f"allowlist entry {index}: unknown kind {entry['kind']!r}")
        listed = entry.get("releases", [])
        if not isinstance(listed, list) or not all(isinstance(r, str) for r in listed):
            raise ValueError(f"allowlist entry {index}: 'releases' must be a list of releases")
    return entries


def apply_allowlist(
    report: Report, allowlist: dict[str, Any], release: str | None = None
) -> Report:
    """Mark differences explained by ``allowlist`` and record the entries that match nothing.

    ``release`` is the server's; by default the allowlist's ``server_version``. An entry with
    ``releases`` applies to those releases only; one without applies to ``server_version``,
    where it must match, and to older releases wherever it matches (an older release may lack
    what it is about).
    """
    entries = validate_allowlist(allowlist)
    reference = allowlist.get("server_version")
    release = release or reference
    by_ident = {d.ident(): d for d in report.differences}
    report.stale = []
    for entry in entries:
        listed = entry.get("releases")
        if listed is not None and release not in listed:
            continue
        must_match = listed is not None or release == reference
        for operation in _entry_operations(entry):
            difference = by_ident.get((operation, entry["kind"], entry["path"]))
            if difference is None:
                if not must_match:
                    continue
                report.stale.append(
                    {
                        "operation": operation,
                        "kind": entry["kind"],
                        "path": entry["path"],
                        "reason": entry["reason"],
                    }
                )
            else:
                difference.reason = entry["reason"]
    return report


def apply_markers(report: Report, spec_doc: dict[str, Any], release: str) -> Report:
    """Explain what an older release lacks by the spec's ``x-since`` markers: a difference of
    kind ``missing_on_server`` under an operation, parameter or field marked as first in a
    release newer than ``release``."""
    import releases  # beside this file

    number = releases.parse_version(release)
    marked: dict[str, list[tuple[str, str]]] = {}
    for (method, path), targets in releases.spec_targets(spec_doc).items():
        label = f"{method} {path}"
        since = spec_doc["paths"][path][method.lower()].get("x-since")
        found = [("", since)] if since else []
        found += [(render(key), n["x-since"]) for key, n in targets.items() if "x-since" in n]
        marked[label] = found
    for difference in report.differences:
        if difference.kind != "missing_on_server" or difference.reason is not None:
            continue
        covering = [
            since
            for where, since in marked.get(difference.operation, [])
            if where == ""
            or difference.path == where
            or difference.path.startswith((f"{where}.", f"{where}["))
        ]
        newer = [s for s in covering if releases.parse_version(s) > number]
        if not newer:  # a node the release lacks because every field it holds came later
            below = [
                (where, since)
                for where, since in marked.get(difference.operation, [])
                if where.startswith((f"{difference.path}.", f"{difference.path}["))
            ]
            shallowest = min((where.count(".") for where, _ in below), default=None)
            fields = [since for where, since in below if where.count(".") == shallowest]
            if fields and all(releases.parse_version(s) > number for s in fields):
                newer = fields
        if newer:
            since = max(newer, key=releases.parse_version)
            difference.reason = f"x-since {since}: Open WebUI {release} does not have it yet"
    return report


def server_release(source: str) -> str | None:
    """The release of the server behind ``source`` (``GET /api/version``), for a URL."""
    if not source.startswith(("http://", "https://")):
        return None
    base = source.rstrip("/").removesuffix("/openapi.json")
    import httpx

    version = httpx.get(f"{base}/api/version", timeout=30).json()["version"]
    return str(version)


# -- command line ----------------------------------------------------------------------------


def load_server_document(source: str) -> dict[str, Any]:
    if source.startswith(("http://", "https://")) and not source.rstrip("/").endswith(".json"):
        source = source.rstrip("/") + "/openapi.json"
    return load(source)


def _fmt(value: Any) -> str:
    return json.dumps(value) if not isinstance(value, str) else value


def _line(d: Difference) -> str:
    where = d.path or "(operation)"
    text = f"  {d.operation}  {d.kind}  {where}"
    if d.kind.endswith("_changed"):
        text += f"  spec={_fmt(d.spec)} server={_fmt(d.server)}"
    return text


def format_text(report: Report, *, verbose: bool = False) -> str:
    ops = report.operations
    lines = [
        f"chat operations: {ops.get('in_spec', 0)} in openapi.json, "
        f"{ops.get('on_server', 0)} on the server, {ops.get('compared', 0)} compared",
        f"differences: {len(report.differences)} "
        f"({len(report.explained)} explained by the allowlist, "
        f"{len(report.unexplained)} unexplained); stale allowlist entries: {len(report.stale)}",
        f"schema renames recorded: {len(report.schema_names)}; "
        f"operationId renames recorded: {len(report.operation_ids)}",
    ]
    if report.unexplained:
        lines.append("unexplained differences:")
        lines.extend(_line(d) for d in report.unexplained)
    if report.stale:
        lines.append("stale allowlist entries (match no difference):")
        lines.extend(
            f"  {e['operation']}  {e['kind']}  {e['path'] or '(operation)'}" for e in report.stale
        )
    if verbose:
        if report.explained:
            lines.append("explained differences:")
            lines.extend(f"{_line(d)}  # {d.reason}" for d in report.explained)
        if report.schema_names:
            lines.append("schema names (openapi.json -> server):")
            lines.extend(f"  {a} -> {b}" for a, b in report.schema_names.items())
    lines.append("OK" if report.ok else "DRIFT")
    return "\n".join(lines)


def run(
    server_source: str,
    *,
    spec_path: Path = DEFAULT_SPEC,
    allowlist_path: Path | None = DEFAULT_ALLOWLIST,
    release: str | None = None,
) -> Report:
    """Compare; with the allowlist, and for a server of an older release than the spec's
    newest, the spec's markers explain what it lacks (``release`` defaults to what the server
    says, or the spec's newest for a saved document)."""
    spec_doc = json.loads(Path(spec_path).read_text())
    server_doc = load_server_document(server_source)
    known = spec_doc.get("info", {}).get("x-releases") or [None]
    release = release or server_release(server_source) or known[-1]
    report = compare(spec_doc, server_doc)
    if allowlist_path is not None:
        apply_allowlist(report, json.loads(Path(allowlist_path).read_text()), release)
        if release is not None:
            apply_markers(report, spec_doc, release)
    return report


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Compare openapi.json with a server's OpenAPI document (chat operations).",
    )
    parser.add_argument("server", help="server base URL, URL of its /openapi.json, or a saved file")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="curated document")
    parser.add_argument(
        "--allowlist",
        type=Path,
        default=DEFAULT_ALLOWLIST,
        help="intentional differences (default: scripts/spec_curation.json)",
    )
    parser.add_argument("--no-allowlist", action="store_true", help="report every difference")
    parser.add_argument(
        "--release",
        help="the server's Open WebUI release (default: what its /api/version says, or the "
        "spec's newest for a saved document)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list explained differences and schema renames",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        report = run(
            args.server,
            spec_path=args.spec,
            allowlist_path=None if args.no_allowlist else args.allowlist,
            release=args.release,
        )
    except (OSError, ValueError, KeyError) as exc:
        print(f"spec_drift: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # network errors from httpx
        print(f"spec_drift: cannot load {args.server}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_text(report, verbose=args.verbose))
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
