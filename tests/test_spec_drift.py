"""scripts/spec_drift.py: the comparison on small synthetic documents, and the pinned server."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import releases
import spec_drift

ROOT = Path(__file__).resolve().parent.parent
OP = "GET /api/v1/chats/{id}"


def _document() -> dict[str, Any]:
    """A tiny document: one chat operation with a parameter, a body and a typed response."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/api/v1/chats/{id}": {
                "get": {
                    "operationId": "get",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "page",
                            "in": "query",
                            "required": False,
                            "schema": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Form"}}
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Chat"},
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/v1/users/": {"get": {"responses": {"200": {"description": "not a chat route"}}}},
        },
        "components": {
            "schemas": {
                "Form": {
                    "type": "object",
                    "properties": {"title": {"type": "string"}, "meta": {"type": "object"}},
                    "required": ["title"],
                },
                "Chat": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "folder_id": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                        "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
                    },
                    "required": ["id"],
                },
                "Tag": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}},
                    "required": ["name"],
                },
            }
        },
    }


def _diffs(spec: dict[str, Any], server: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {d.ident() for d in spec_drift.compare(spec, server).differences}


def _get(doc: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = doc["paths"]["/api/v1/chats/{id}"]["get"]
    return operation


def test_identical_documents_have_no_difference() -> None:
    report = spec_drift.compare(_document(), _document())
    assert report.differences == []
    assert report.operations == {"in_spec": 1, "on_server": 1, "compared": 1}


def test_parameter_removed_on_server() -> None:
    server = _document()
    _get(server)["parameters"].pop()
    assert _diffs(_document(), server) == {(OP, "missing_on_server", "parameters.query.page")}


def test_parameter_added_on_server_and_required_changed() -> None:
    server = _document()
    _get(server)["parameters"].append(
        {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}
    )
    _get(server)["parameters"][1]["required"] = True
    assert _diffs(_document(), server) == {
        (OP, "missing_in_spec", "parameters.query.q"),
        (OP, "required_changed", "parameters.query.page"),
    }


def test_type_changed_in_nested_field() -> None:
    server = _document()
    server["components"]["schemas"]["Tag"]["properties"]["name"] = {"type": "integer"}
    report = spec_drift.compare(_document(), server)
    [difference] = report.differences
    assert difference.ident() == (
        OP,
        "type_changed",
        "responses.200.application/json[].tags[].name",
    )
    assert (difference.spec, difference.server) == ("string", "integer")


def test_field_made_required() -> None:
    server = _document()
    server["components"]["schemas"]["Form"]["required"] = ["title", "meta"]
    [difference] = spec_drift.compare(_document(), server).differences
    assert difference.ident() == (OP, "required_changed", "requestBody.application/json.meta")
    assert (difference.spec, difference.server) == (False, True)


def test_nullable_changed() -> None:
    server = _document()
    server["components"]["schemas"]["Chat"]["properties"]["folder_id"] = {"type": "string"}
    [difference] = spec_drift.compare(_document(), server).differences
    assert difference.ident() == (
        OP,
        "nullable_changed",
        "responses.200.application/json[].folder_id",
    )
    assert (difference.spec, difference.server) == (True, False)


def test_operation_missing_on_either_side() -> None:
    server = _document()
    server["paths"]["/api/v1/chats/new"] = {"post": {"responses": {"200": {"description": "ok"}}}}
    del server["paths"]["/api/v1/chats/{id}"]
    assert _diffs(_document(), server) == {
        (OP, "missing_on_server", ""),
        ("POST /api/v1/chats/new", "missing_in_spec", ""),
    }


def test_renamed_schema_is_not_a_difference_but_is_recorded() -> None:
    server = _document()
    schemas = server["components"]["schemas"]
    schemas["open_webui__Chat"] = schemas.pop("Chat")
    _get(server)["responses"]["200"]["content"]["application/json"]["schema"]["items"] = {
        "$ref": "#/components/schemas/open_webui__Chat"
    }
    _get(server)["operationId"] = "get_chat_by_id_api_v1_chats__id__get"
    report = spec_drift.compare(_document(), server)
    assert report.differences == []
    assert report.schema_names == {"Chat": "open_webui__Chat"}
    assert report.operation_ids == {"get": "get_chat_by_id_api_v1_chats__id__get"}


def test_missing_node_is_reported_once_and_free_form_hides_fields() -> None:
    server = _document()
    del _get(server)["requestBody"]
    spec = _document()
    spec["components"]["schemas"]["Chat"]["properties"]["meta"] = {
        "not": {"type": ["string", "number", "integer", "boolean", "array", "null"]}
    }
    server["components"]["schemas"]["Chat"]["properties"]["meta"] = {
        "type": "object",
        "additionalProperties": True,
    }
    # A free-form object on the server against a typed one in the spec: one difference, no fields.
    server["components"]["schemas"]["Tag"] = {"type": "object", "additionalProperties": True}
    assert _diffs(spec, server) == {
        (OP, "missing_on_server", "requestBody"),
        (OP, "free_form_changed", "responses.200.application/json[].tags[]"),
    }


def test_untyped_server_response_is_one_type_change() -> None:
    server = _document()
    _get(server)["responses"]["200"]["content"]["application/json"]["schema"] = {}
    assert _diffs(_document(), server) == {(OP, "type_changed", "responses.200.application/json")}


def test_allowlist_explains_and_reports_stale_entries() -> None:
    server = _document()
    _get(server)["parameters"].pop()
    server["components"]["schemas"]["Form"]["required"] = ["title", "meta"]
    report = spec_drift.compare(_document(), server)
    allowlist = {
        "entries": [
            {
                "operation": [OP],
                "kind": "missing_on_server",
                "path": "parameters.query.page",
                "reason": "curated",
            },
            {
                "operation": OP,
                "kind": "type_changed",
                "path": "parameters.path.id",
                "reason": "old",
            },
        ]
    }
    spec_drift.apply_allowlist(report, allowlist)
    assert [d.ident() for d in report.explained] == [
        (OP, "missing_on_server", "parameters.query.page")
    ]
    assert [d.ident() for d in report.unexplained] == [
        (OP, "required_changed", "requestBody.application/json.meta")
    ]
    assert report.stale == [
        {"operation": OP, "kind": "type_changed", "path": "parameters.path.id", "reason": "old"}
    ]
    assert not report.ok
    data = report.to_dict()
    assert data["counts"] == {
        "differences": 2,
        "explained": 1,
        "unexplained": 1,
        "stale_allowlist_entries": 1,
    }


def test_allowlist_entry_without_reason_is_rejected() -> None:
    report = spec_drift.compare(_document(), _document())
    with pytest.raises(ValueError, match="reason"):
        spec_drift.apply_allowlist(
            report,
            {"entries": [{"operation": OP, "kind": "type_changed", "path": "", "reason": " "}]},
        )


def test_command_line_exit_status_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_path, server_path, allow_path = (tmp_path / n for n in ("s.json", "o.json", "a.json"))
    server = _document()
    _get(server)["parameters"].pop()
    spec_path.write_text(json.dumps(_document()))
    server_path.write_text(json.dumps(server))
    allow_path.write_text(json.dumps({"entries": []}))
    argv = [str(server_path), "--spec", str(spec_path), "--allowlist", str(allow_path)]
    assert spec_drift.main(argv) == 1
    assert "parameters.query.page" in capsys.readouterr().out
    assert spec_drift.main([*argv, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["counts"]["unexplained"] == 1
    allow_path.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "operation": OP,
                        "kind": "missing_on_server",
                        "path": "parameters.query.page",
                        "reason": "dropped on purpose",
                    }
                ]
            }
        )
    )
    assert spec_drift.main(argv) == 0
    assert spec_drift.main([str(tmp_path / "absent.json"), "--spec", str(spec_path)]) == 2


def test_committed_allowlist_is_well_formed() -> None:
    allowlist = json.loads((ROOT / "scripts" / "spec_curation.json").read_text())
    entries = spec_drift.validate_allowlist(allowlist)
    kinds = {"missing_on_server", "missing_in_spec"} | {f"{a}_changed" for a in spec_drift.ASPECTS}
    assert {entry["kind"] for entry in entries} <= kinds


def test_curated_document_against_itself_is_clean() -> None:
    document = json.loads((ROOT / "openapi.json").read_text())
    assert spec_drift.compare(document, copy.deepcopy(document)).differences == []


@pytest.mark.parametrize("release", list(releases.stored()))
def test_every_stored_release_document_is_explained(release: str) -> None:
    """Against each release's own document, every difference is curation (the allowlist) or
    something that release lacks (the spec's x-since markers), and no entry is stale."""
    report = spec_drift.run(str(ROOT / "scripts" / "releases" / f"{release}.json"), release=release)
    assert report.ok, spec_drift.format_text(report)
    lacking = [d for d in report.explained if d.reason and d.reason.startswith("x-since")]
    newest = release == releases.stored().popitem()[0]
    assert bool(lacking) is not newest  # an older release lacks something; the newest nothing


@pytest.mark.live
def test_no_unexplained_drift_against_live_server(live_server: Any) -> None:
    base_url = str(live_server.base_url).rstrip("/")
    report = spec_drift.run(base_url)
    print()
    print(spec_drift.format_text(report))
    assert report.operations["compared"] == report.operations["in_spec"]
    assert not report.unexplained, spec_drift.format_text(report)
    assert not report.stale, spec_drift.format_text(report)
