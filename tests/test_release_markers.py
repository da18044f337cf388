"""scripts/releases.py: the x-since markers follow from the releases' own documents, on small
synthetic ones, and scripts/generate --check refuses a marker that disagrees with them."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import releases

ROOT = Path(__file__).resolve().parent.parent


def _document(*, later: bool) -> dict[str, Any]:
    """A release's document: ``later`` adds an operation, a query parameter, a body field and
    a field of the answer."""
    form: dict[str, Any] = {"type": "object", "properties": {"title": {"type": "string"}}}
    chat: dict[str, Any] = {
        "type": "object",
        "properties": {"id": {"type": "string"}},
        "required": ["id"],
    }
    parameters: list[dict[str, Any]] = [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    paths: dict[str, Any] = {
        "/api/v1/chats/{id}": {
            "post": {
                "operationId": "update",
                "parameters": parameters,
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Form"}}
                    }
                },
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}
                        }
                    }
                },
            }
        },
        "/api/v1/chats/list": {
            "get": {
                "operationId": "get_list",
                "responses": {"200": {"content": {"application/json": {"schema": {}}}}},
            }
        },
    }
    if later:
        parameters.append({"name": "mode", "in": "query", "schema": {"type": "string"}})
        form["properties"]["pinned"] = {"type": "boolean", "default": False}
        chat["properties"]["pinned"] = {"type": "boolean"}
        paths["/api/v1/chats/{id}/unread"] = {
            "post": {"operationId": "mark_unread", "parameters": parameters[:1], "responses": {}}
        }
    else:  # the old release types its list, the newer one leaves it untyped
        paths["/api/v1/chats/list"]["get"]["responses"]["200"]["content"]["application/json"] = {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Chat"}}
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Form": form, "Chat": chat}},
    }


def _spec() -> dict[str, Any]:
    spec = _document(later=True)
    spec["paths"]["/api/v1/chats/list"]["get"]["responses"]["200"]["content"][
        "application/json"
    ] = {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Chat"}}}
    return spec


DOCUMENTS = {"0.9.6": _document(later=False), "0.10.2": _document(later=True)}


def test_markers_name_the_first_release_that_has_each_part() -> None:
    spec = _spec()
    releases.write_markers(spec, DOCUMENTS)
    update = spec["paths"]["/api/v1/chats/{id}"]["post"]
    assert update["x-since"] == "0.9.6"
    assert spec["paths"]["/api/v1/chats/{id}/unread"]["post"]["x-since"] == "0.10.2"
    assert "x-since" not in update["parameters"][0]  # in every release: nothing to mark
    assert update["parameters"][1]["x-since"] == "0.10.2"
    schemas = spec["components"]["schemas"]
    assert schemas["Form"]["properties"]["pinned"]["x-since"] == "0.10.2"
    assert "x-since" not in schemas["Form"]["properties"]["title"]
    # the answer's new field: the newest document shows it and the oldest shows it absent; the
    # list whose newest document is untyped cannot show that its items lack it
    assert schemas["Chat"]["properties"]["pinned"]["x-since"] == "0.10.2"
    assert spec["info"]["x-releases"] == ["0.9.6", "0.10.2"]
    assert releases.marker_problems(spec, DOCUMENTS) == []


def test_an_untyped_older_document_shows_nothing_absent() -> None:
    documents = copy.deepcopy(DOCUMENTS)
    documents["0.9.6"]["paths"]["/api/v1/chats/{id}"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"] = {}
    spec = _spec()
    releases.write_markers(spec, documents)
    labels = {m.label for m in releases.derive_markers(spec, documents)}
    assert "POST /api/v1/chats/{id} responses.200.application/json.pinned" not in labels


def test_a_marker_that_disagrees_is_reported() -> None:
    spec = _spec()
    releases.write_markers(spec, DOCUMENTS)
    spec["paths"]["/api/v1/chats/{id}/unread"]["post"]["x-since"] = "0.9.6"  # a wider claim
    del spec["components"]["schemas"]["Form"]["properties"]["pinned"]["x-since"]
    spec["components"]["schemas"]["Form"]["properties"]["title"]["x-since"] = "0.10.2"
    problems = releases.marker_problems(spec, DOCUMENTS)
    assert any("unread" in p and "should be '0.10.2', is '0.9.6'" in p for p in problems)
    assert any("pinned" in p and "should be '0.10.2', is None" in p for p in problems)
    assert any("is not implied by any stored release document" in p for p in problems)


def test_the_matrix_is_the_newest_patch_of_each_older_minor() -> None:
    known = [releases.parse_version(v) for v in releases.versions()]
    chosen = [releases.parse_version(v) for v in releases.matrix()]
    minors = {v[:2] for v in known} - {known[-1][:2]}
    assert sorted(v[:2] for v in chosen) == sorted(minors)  # each older minor once
    for version in chosen:
        assert version == max(v for v in known if v[:2] == version[:2])


def test_generate_check_refuses_a_marker_by_hand(tmp_path: Path) -> None:
    copy_root = tmp_path / "project"
    copy_root.mkdir()
    for name in ("openapi.json", "generator-config.yaml", "docs/releases.md"):
        (copy_root / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, copy_root / name)
    for name in ("scripts", "owui_chats_client"):
        shutil.copytree(ROOT / name, copy_root / name, ignore=shutil.ignore_patterns("__pycache__"))
    spec = json.loads((copy_root / "openapi.json").read_text())
    spec["paths"]["/api/v1/chats/{id}/unread"]["post"]["x-since"] = releases.versions()[0]
    (copy_root / "openapi.json").write_text(json.dumps(spec, indent=2) + "\n")
    checked = subprocess.run(
        [sys.executable, str(copy_root / "scripts" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 1
    assert "x-since: POST /api/v1/chats/{id}/unread: x-since should be" in checked.stderr
