"""Extract the chat operations, and the schemas they reach, from a server's /openapi.json.

This is the starting point of curation, not a build step: ``openapi.json`` at the top of the
repository is edited by hand and is the source of truth.

    python scripts/extract_spec.py http://127.0.0.1:8080/openapi.json > /tmp/extracted.json
    python scripts/extract_spec.py saved-openapi.json > /tmp/extracted.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import httpx

CHAT_PREFIXES = (
    "/api/v1/chats",
    "/api/chat/",
    "/api/v1/chat/completions",
    "/api/tasks/chat/",
)


def load(source: str) -> dict[str, Any]:
    if source.startswith(("http://", "https://")):
        response = httpx.get(source, timeout=60)
        response.raise_for_status()
        document: dict[str, Any] = response.json()
        return document
    loaded: dict[str, Any] = json.loads(Path(source).read_text())
    return loaded


def is_chat_path(path: str) -> bool:
    return path.startswith(CHAT_PREFIXES)


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            found |= _refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= _refs(value)
    return found


def extract(document: dict[str, Any]) -> dict[str, Any]:
    paths = {p: ops for p, ops in document["paths"].items() if is_chat_path(p)}
    schemas = document.get("components", {}).get("schemas", {})
    wanted: set[str] = set()
    todo = _refs(paths)
    while todo:
        name = todo.pop()
        if name in wanted or name not in schemas:
            continue
        wanted.add(name)
        todo |= _refs(schemas[name]) - wanted
    return {
        "openapi": document["openapi"],
        "info": document.get("info", {}),
        "paths": paths,
        "components": {
            "schemas": {name: schemas[name] for name in sorted(wanted)},
            "securitySchemes": document.get("components", {}).get("securitySchemes", {}),
        },
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(extract(load(argv[0])), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
