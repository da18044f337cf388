"""Schemathesis run of ``openapi.json`` against a real Open WebUI, as a disposable user.

For every chat operation a few cases are generated from the document (fixed seed), sent to the
local server and checked: no undeclared 5xx, status code declared, content type declared, body
valid against the declared schema (NDJSON bodies line by line). Half of the generated cases get
real path parameters (a chat, message, share and folder of the conformance user) and the seeded
offline ``echo`` model, so that the success paths are exercised as well as the "not found" ones.
(The echo model is private to the admin, so completions by the conformance user end in 400
"Model not found"; the completion answers themselves are covered by the live tests.)

Known server bugs (``known_server_bugs.json``) are excluded case by case and counted apart.

    .venv/bin/python -m pytest tests/conformance -q -s
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import hypothesis
import jsonschema_rs
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = [pytest.mark.live, pytest.mark.conformance]

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.json"
KNOWN_BUGS_PATH = Path(__file__).with_name("known_server_bugs.json")
DOCUMENT: dict[str, Any] = json.loads(SPEC_PATH.read_text())
KNOWN_BUGS: list[dict[str, Any]] = json.loads(KNOWN_BUGS_PATH.read_text())["bugs"]

MAX_EXAMPLES = 10
ECHO_MODEL = "echo"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# Operations not run, with the reason. Everything else in openapi.json is exercised.
EXCLUDED: dict[str, str] = {}

# Destructive operations run last, so that the others see the fixture objects first.
LAST = ("DELETE /api/v1/chats/", "POST /api/v1/chats/archive/all", "DELETE /api/v1/chats/share/all")


def _operation_keys() -> list[str]:
    keys = [
        f"{method.upper()} {path}"
        for path, item in DOCUMENT["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]
    return sorted(keys, key=lambda key: (key in LAST, LAST.index(key) if key in LAST else 0))


OPERATIONS = _operation_keys()


@pytest.fixture(scope="module")
def schema() -> Any:
    loaded = schemathesis.openapi.from_path(SPEC_PATH)
    return loaded


def _ndjson_check(case: Any, response: Any) -> list[str]:
    """Validate each line of an NDJSON body against the declared schema."""
    content_type = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
    if content_type != "application/x-ndjson":
        return []
    path, method = case.operation.path, case.operation.method.lower()
    declared = DOCUMENT["paths"][path][method]["responses"].get(str(response.status_code), {})
    schema = (declared.get("content") or {}).get("application/x-ndjson", {}).get("schema")
    if schema is None:
        return []
    validator = jsonschema_rs.validator_for({**schema, "components": DOCUMENT["components"]})
    problems = []
    for number, line in enumerate(response.content.decode().split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            problems.append(f"NDJSON line {number} is not JSON: {exc}")
            continue
        for error in validator.iter_errors(item):
            problems.append(f"NDJSON line {number}: {error.message[:200]}")
    return problems


def _known_bug(key: str, case: Any, response: Any, fixtures: Any) -> dict[str, Any] | None:
    """The known-bug entry that explains this 5xx answer, if any (its condition is verified)."""
    for bug in KNOWN_BUGS:
        if bug["operation"] != key or bug["observed"]["status"] != response.status_code:
            continue
        condition = CONDITIONS.get(bug.get("condition", ""))
        if condition is not None and condition(case, fixtures):
            return bug
    return None


def _blank_search_text(case: Any, fixtures: Any) -> bool:
    text = str((case.query or {}).get("text", ""))
    if text.replace("\x00", "").strip():
        return False
    owned = fixtures.http.get("/api/v1/chats/list")
    return owned.is_success and bool(owned.json())


CONDITIONS: dict[str, Any] = {"blank_search_text": _blank_search_text}


def _describe(case: Any, response: Any) -> str:
    body = response.content[:300].decode(errors="replace")
    return (
        f"{case.operation.method.upper()} {case.formatted_path} query={case.query} "
        f"body={json.dumps(case.body, default=str)[:300]} -> {response.status_code} {body}"
    )


@pytest.mark.parametrize("key", OPERATIONS)
def test_operation_conforms(
    key: str, schema: Any, conformance_user: Any, conformance_fixtures: Any, conformance_stats: Any
) -> None:
    if key in EXCLUDED:
        pytest.skip(EXCLUDED[key])
    method, path = key.split(" ", 1)
    operation = schema[path][method]
    path_names = set(re.findall(r"{(\w+)}", path))
    failures: list[str] = []
    stats = conformance_stats

    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(case=operation.as_strategy(), use_real_ids=st.booleans())
    def run(case: Any, use_real_ids: bool) -> None:
        if use_real_ids and path_names:
            for name, value in conformance_fixtures.real_path_parameters(path_names).items():
                case.path_parameters[name] = value
        if use_real_ids and isinstance(case.body, dict) and "model" in case.body:
            case.body["model"] = ECHO_MODEL  # the seeded pipe: a model that answers offline
        response = case.call(
            base_url=conformance_user.base_url, headers=conformance_user.headers, timeout=30
        )
        stats.requests += 1
        stats.operations.add(key)
        stats.statuses.setdefault(key, set()).add(response.status_code)
        if response.status_code >= 500:
            bug = _known_bug(key, case, response, conformance_fixtures)
            if bug is not None:
                stats.known_bugs.append(f"{key}: {bug['note']}")
                return
        problems: list[str] = []
        try:
            case.validate_response(response, checks=CHECKS, headers=conformance_user.headers)
        except FailureGroup as group:
            problems.extend(
                f"{type(f).__name__}: {f.title}: {f.message[:300]}" for f in group.exceptions
            )
        except Failure as failure:
            problems.append(f"{type(failure).__name__}: {failure.title}: {failure.message[:300]}")
        problems.extend(_ndjson_check(case, response))
        for problem in problems:
            message = f"{key}: {problem} [{_describe(case, response)}]"
            failures.append(message)
            stats.failures.append(message)

    run()
    assert not failures, "\n".join(failures)
