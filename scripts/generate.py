"""Run openapi-python-client on openapi.json, with the checks that it does not do itself, and
write the sync modules from their async sources (scripts/unasync.py).

The generator runs in a temporary folder outside the repository so that its ruff post-hooks see
ruff's defaults rather than this project's settings; the result is then copied into place (or,
with ``--check``, compared with what is committed).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import pprint
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import releases  # scripts/releases.py, beside this file
import unasync  # scripts/unasync.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.json"
# The page of the documentation that holds the support table (which release has what).
SUPPORT_PAGE = ROOT / "docs" / "releases.md"
CONFIG = ROOT / "generator-config.yaml"
# The project's templates: they write the endpoint modules, both clients and the models' index.
TEMPLATES = ROOT / "scripts" / "templates"
TARGET = ROOT / "owui_chats_client" / "_generated"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def lint_spec(spec: dict[str, Any]) -> list[str]:
    """Mistakes that the generator accepts silently."""
    problems: list[str] = []
    paths = spec.get("paths", {})
    assert isinstance(paths, dict)
    ids: Counter[str] = Counter()
    for path, operations in paths.items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            op_id = operation.get("operationId")
            if not op_id:
                problems.append(f"{method.upper()} {path}: no operationId")
            else:
                ids[op_id] += 1
    problems += [f"operationId {op!r} is used {n} times" for op, n in ids.items() if n > 1]
    schemas = spec.get("components", {}).get("schemas", {})  # type: ignore[union-attr]
    text = json.dumps(spec)
    for name in schemas:
        if text.count(f'"#/components/schemas/{name}"') == 0:
            problems.append(f"schema {name!r} is not used by any operation")
    return problems


# What the templates learn from openapi.json beyond what the generator hands them: the content
# types of each answer and the project's vendor extensions. Anything else is refused, so that a
# typo in an extension or a request part the transport cannot send fails here, not at run time.
EXTENSIONS = {
    "x-retry-safe": "a request that may be repeated although its method is not idempotent",
    "x-paginated": "a paged list: {iterator: name of the auto-paging method, page-size: n}",
    "x-local-chat-id": "the body gets a synthetic local:api-<uuid4> chat id when it has none",
    "x-stream-field": "the body field that asks for server-sent events",
    "x-stream-param": "a query parameter that switches the answer to NDJSON: {name, method}",
    "x-array-stream": "a JSON array answer also read item by item as it arrives: {method}",
    "x-background": "{requires: [fields], returns: schema, otherwise: schema} of a JSON answer",
    "x-since": "the first release that has it (written by scripts/releases.py, never by hand)",
}
BODY_EXTENSIONS = {"x-body-name": "the argument name of the body (default form_data)"}
STREAM_TYPES = {"application/x-ndjson": "ndjson", "text/event-stream": "sse"}
SCALARS = {"string", "integer", "number", "boolean", "null"}


def _schema_name(schema: dict[str, Any], where: str, problems: list[str]) -> str | None:
    ref = schema.get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        problems.append(f"{where}: a streamed item must be a $ref to a schema")
        return None
    return str(ref.rsplit("/", 1)[1])


def _is_scalar(schema: dict[str, Any]) -> bool:
    if "anyOf" in schema:
        return all(_is_scalar(s) for s in schema["anyOf"])
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return bool(kinds) and all(k in SCALARS for k in kinds)


def _is_free_form_object(schema: dict[str, Any], schemas: dict[str, Any]) -> bool:
    """A schema that admits any JSON object and nothing else (``JsonObject``)."""
    while "$ref" in schema:
        schema = schemas.get(schema["$ref"].rsplit("/", 1)[1], {})
    excluded = schema.get("not", {}).get("type", [])
    return set(excluded) >= {"string", "number", "integer", "boolean", "array", "null"}


def operation_facts(spec: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Per operationId, what the templates need that the generator does not carry."""
    facts: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    schemas = spec.get("components", {}).get("schemas", {})
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            if method not in METHODS:
                continue
            name = op.get("operationId", "")
            where = f"{method.upper()} {path}"
            for key in op:
                if key.startswith("x-") and key not in EXTENSIONS:
                    problems.append(f"{where}: unknown extension {key!r}")
            for param in op.get("parameters", []):
                if param.get("in") not in ("path", "query"):
                    problems.append(
                        f"{where}: {param.get('in')} parameter {param.get('name')!r}"
                        " cannot be sent (only path and query)"
                    )
                elif param["in"] == "query" and not _is_scalar(param.get("schema", {})):
                    problems.append(f"{where}: query parameter {param['name']!r} is not a scalar")
            body = op.get("requestBody") or {}
            for key in body:
                if key.startswith("x-") and key not in BODY_EXTENSIONS:
                    problems.append(f"{where}: unknown request body extension {key!r}")
            if body and set(body.get("content", {})) != {"application/json"}:
                problems.append(f"{where}: request bodies must be application/json only")
            answers = [
                (code, r) for code, r in op.get("responses", {}).items() if code.startswith("2")
            ]
            if len(answers) != 1:
                problems.append(f"{where}: needs exactly one 2xx answer, has {len(answers)}")
                continue
            content = answers[0][1].get("content", {})
            fact: dict[str, Any] = {
                "method": method.upper(),
                "path": path,
                "json": "application/json" in content,
                "retry_safe": op.get("x-retry-safe"),
                "paginated": op.get("x-paginated"),
                "local_chat_id": bool(op.get("x-local-chat-id")),
                "stream_field": op.get("x-stream-field"),
                "stream_param": op.get("x-stream-param"),
                "array_stream": op.get("x-array-stream"),
                "array_item": None,
                "background": op.get("x-background"),
                "body_name": body.get("x-body-name", "form_data"),
                "body_doc": body.get("description"),
                "params": {
                    param["name"]: param.get("description")
                    or param.get("schema", {}).get("description", f"{param['in']} parameter")
                    for param in op.get("parameters", [])
                },
                "ndjson": None,
                "object_answer": _is_free_form_object(
                    content.get("application/json", {}).get("schema", {}), schemas
                ),
                "sse": None,
            }
            for kind, media in content.items():
                if kind in STREAM_TYPES:
                    fact[STREAM_TYPES[kind]] = _schema_name(
                        media.get("schema", {}), f"{where} {kind}", problems
                    )
                elif kind != "application/json":
                    problems.append(f"{where}: answers {kind}, which the transport cannot read")
            if fact["array_stream"] is not None:
                answer = content.get("application/json", {}).get("schema", {})
                if not (
                    isinstance(fact["array_stream"], dict)
                    and isinstance(fact["array_stream"].get("method"), str)
                    and answer.get("type") == "array"
                ):
                    problems.append(f"{where}: x-array-stream needs {{method}} and an array answer")
                else:
                    fact["array_item"] = _schema_name(
                        answer.get("items", {}), f"{where} x-array-stream", problems
                    )
            if fact["sse"] and not fact["stream_field"]:
                problems.append(f"{where}: server-sent events need x-stream-field")
            if fact["ndjson"] and fact["json"] and not fact["stream_param"]:
                problems.append(f"{where}: JSON and NDJSON answers need x-stream-param")
            background = fact["background"] or {}
            answer_refs = json.dumps(content.get("application/json", {}).get("schema", {}))
            for key in ("returns", "otherwise"):
                if background and background.get(key) not in schemas:
                    problems.append(f"{where}: x-background {key} is not a schema")
                elif background and f'"#/components/schemas/{background[key]}"' not in answer_refs:
                    problems.append(f"{where}: x-background {key} is not among the JSON answers")
            if fact["sse"] and not background:
                # the stream, the single answer and the task answer each have their parser
                problems.append(f"{where}: server-sent events need x-background")
            paginated = fact["paginated"]
            if paginated is not None and not (
                isinstance(paginated, dict)
                and isinstance(paginated.get("iterator"), str)
                and isinstance(paginated.get("page-size"), int)
                and any(p.get("name") == "page" for p in op.get("parameters", []))
            ):
                problems.append(f"{where}: x-paginated needs iterator, page-size and a page param")
            fact["since"] = op.get("x-since")
            if fact["since"] is None:
                problems.append(f"{where}: no x-since (no stored release document has it)")
            facts[name] = fact
    _later_parts(spec, facts)
    return facts, problems


def _later_parts(spec: dict[str, Any], facts: dict[str, dict[str, Any]]) -> None:
    """Per operation, the query parameters and body fields whose x-since is later than its own:
    ``{since, where, path, default}`` (default absent when the spec gives none)."""
    targets = releases.spec_targets(spec)
    by_route = {(f["method"], f["path"]): f for f in facts.values()}
    for route, keys in targets.items():
        fact = by_route.get(route)
        if fact is None:
            continue
        later = []
        for key, node in keys.items():
            if "x-since" not in node:
                continue
            if key[0] == "parameters" and key[1] == "query":
                where, path = "query", key[2:]
            elif key[:2] == ("requestBody", "application/json"):
                where, path = "body", key[2:]
            else:
                continue  # an answer's field: documentation only
            part = {"since": node["x-since"], "where": where, "path": list(path)}
            part["label"] = ".".join(path).replace(".[]", "[]") + f" ({node['x-since']})"
            schema = node.get("schema", {}) if where == "query" else node
            if "default" in schema:
                part["default"] = schema["default"]
            later.append(part)
        fact["later"] = sorted(later, key=lambda part: (part["where"], part["path"]))


def required_but_later(spec: dict[str, Any]) -> list[str]:
    """A field that some supported release lacks cannot be required: parsing that release's
    answer, or building a request for it, would fail."""
    problems = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        for prop, value in (schema.get("properties") or {}).items():
            if (
                isinstance(value, dict)
                and "x-since" in value
                and prop in schema.get("required", [])
            ):
                problems.append(
                    f"schema {name}: {prop!r} is required but came in {value['x-since']}; "
                    "make it optional"
                )
    return problems


def write_facts(
    facts: dict[str, dict[str, Any]], known_releases: list[str], templates: Path
) -> None:
    """The facts as a Jinja module the templates import (Python literals are Jinja literals)."""
    text = "{# Written by scripts/generate.py from openapi.json. #}\n"
    text += "{% set operations = " + pprint.pformat(facts, width=100, sort_dicts=True) + " %}\n"
    text += "{% set releases = " + repr(known_releases) + " %}\n"
    (templates / "operation_facts.jinja").write_text(text)


def generate(into: Path, facts: dict[str, dict[str, Any]], known_releases: list[str]) -> str:
    """Generate the package into ``into`` (which must not exist); return the generator's output."""
    with tempfile.TemporaryDirectory(prefix="owui-gen-") as tmp:
        out = Path(tmp) / "_generated"
        templates = Path(tmp) / "templates"
        shutil.copytree(TEMPLATES, templates)
        write_facts(facts, known_releases, templates)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(SPEC),
                "--config",
                str(CONFIG),
                "--custom-template-path",
                str(templates),
                "--meta",
                "none",
                "--output-path",
                str(out),
            ],
            cwd=tmp,
            # the generator's ruff hooks: the ruff installed beside this interpreter
            env={
                **os.environ,
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            },
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0:
            sys.exit(f"openapi-python-client failed:\n{output}")
        shutil.copytree(out, into, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    return output


def warnings_in(output: str) -> list[str]:
    lines = [line for line in output.splitlines() if line.strip()]
    return [line for line in lines if "warning" in line.lower() or "failure" in line.lower()]


def compare(expected: Path, actual: Path) -> list[str]:
    def files(root: Path) -> set[str]:
        return {
            str(p.relative_to(root))
            for p in root.rglob("*")
            if p.is_file() and not {"__pycache__", ".ruff_cache"} & set(p.parts)
        }

    want, have = files(expected), files(actual)
    diffs = [f"missing: {name}" for name in sorted(want - have)]
    diffs += [f"not generated (stale): {name}" for name in sorted(have - want)]
    diffs += [
        f"differs: {name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return diffs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()

    spec = json.loads(SPEC.read_text())
    documents = releases.stored()
    problems: list[str] = []
    if args.check:
        problems += [
            f"x-since: {p} (run scripts/generate)"
            for p in releases.marker_problems(spec, documents)
        ]
        if releases.with_support_table(SUPPORT_PAGE.read_text(), spec) != SUPPORT_PAGE.read_text():
            problems.append(
                "docs/releases.md: the support table is not current (run scripts/generate)"
            )
    else:
        releases.write_markers(spec, documents)
        text = json.dumps(spec, indent=2, ensure_ascii=False) + "\n"
        if text != SPEC.read_text():
            SPEC.write_text(text)
            print(
                f"wrote the x-since markers of {len(documents)} release documents into openapi.json"
            )
        page = releases.with_support_table(SUPPORT_PAGE.read_text(), spec)
        if page != SUPPORT_PAGE.read_text():
            SUPPORT_PAGE.write_text(page)
            print("rewrote the support table in docs/releases.md")
    facts, fact_problems = operation_facts(spec)
    problems += fact_problems + lint_spec(spec) + required_but_later(spec)
    with tempfile.TemporaryDirectory(prefix="owui-gen-check-") as tmp:
        fresh = Path(tmp) / "_generated"
        output = generate(fresh, facts, list(documents))
        problems += [f"generator: {line}" for line in warnings_in(output)]
        if problems:
            print("openapi.json has problems the generator would not report:", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        if args.check:
            diffs = compare(fresh, TARGET)
            if unasync.main(["--check"]) != 0:
                diffs.append("the sync modules (scripts/unasync.py)")
            if diffs:
                print(
                    f"{TARGET.relative_to(ROOT)} is not current; run scripts/generate:",
                    file=sys.stderr,
                )
                for diff in diffs:
                    print(f"  - {diff}", file=sys.stderr)
                return 1
            print(f"{TARGET.relative_to(ROOT)} is current with openapi.json")
            return 0
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
        unasync.main([])
        print(f"regenerated {TARGET.relative_to(ROOT)} and the sync modules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
