"""Property tests of the SDK's edges, driven by the curated spec.

- Every generated model survives ``from_dict(to_dict(x))``, for instances drawn from its schema.
- Whatever bytes a server answers (empty, HTML, half JSON, huge numbers, wrong types, any status)
  come back as a parsed value or as an SDK exception, never as a raw error.

Run with ``--hypothesis-show-statistics`` (as ``scripts/test`` does) to see how many inputs
each property tried.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from owui_unit_support import counted

from owui_chats_client import ChatsClient, OpenWebUIError
from owui_chats_client._generated import models
from owui_chats_client._parsing import fast_from_dict

SPEC = json.loads((Path(__file__).parents[2] / "openapi.json").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
PROFILE = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _inline(node: Any, seen: tuple[str, ...] = ()) -> Any:
    """The schema with every $ref replaced by its target (the spec has no recursive schema)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[1]
            assert name not in seen, f"recursive schema {name}"
            return _inline(SCHEMAS[name], (*seen, name))
        if "not" in node and set(node) <= {"not", "title", "description"}:
            return {"type": "object"}  # JsonObject: the same set of values, cheaper to draw
        return {k: _inline(v, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, seen) for v in node]
    return node


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "string": st.text(max_size=30),
    "integer": st.integers(min_value=-(2**53), max_value=2**53),
    "number": st.floats(allow_nan=False, allow_infinity=False) | st.integers(-1000, 1000),
    "boolean": st.booleans(),
    "null": st.none(),
}


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Instances of the subset of JSON Schema that openapi.json uses (after `_inline`)."""
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([from_schema(s) for s in schema["anyOf"]])
    kind = schema.get("type")
    if kind in SCALARS:
        return SCALARS[kind]
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=3)
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        extra = schema.get("additionalProperties", not properties)
        values = JSON_VALUES if extra is True else from_schema(extra) if extra else None
        fixed = st.fixed_dictionaries(
            {k: from_schema(v) for k, v in properties.items() if k in required},
            optional={k: from_schema(v) for k, v in properties.items() if k not in required},
        )
        if values is None:
            return fixed
        others = st.dictionaries(
            st.text(min_size=1, max_size=8).filter(lambda k: k not in properties),
            values,
            max_size=3,
        )
        return st.tuples(fixed, others).map(lambda pair: {**pair[1], **pair[0]})
    return JSON_VALUES


MODEL_SCHEMAS = sorted(name for name in SCHEMAS if hasattr(models, name))


def test_plain_models_get_the_quick_parser() -> None:
    for name in ("ChatResponse", "ChatTitleIdResponse", "TagModel", "ChatConfigForm"):
        assert fast_from_dict(getattr(models, name)) is not None, name
    for name in ("ChatStatsExport", "ChatCompletionResponse"):  # nested models: generated code
        assert fast_from_dict(getattr(models, name)) is None, name


def test_every_object_schema_has_a_model() -> None:
    object_schemas = {n for n, s in SCHEMAS.items() if s.get("type") == "object"}
    assert object_schemas <= set(MODEL_SCHEMAS)
    assert len(MODEL_SCHEMAS) >= 45


@pytest.mark.parametrize("name", MODEL_SCHEMAS)
def test_model_round_trip(name: str) -> None:
    model = getattr(models, name)
    schema = _inline(SCHEMAS[name])
    fast = fast_from_dict(model)

    @PROFILE
    @given(instance=from_schema(schema))
    @counted(f"model round trip: {name}")
    def round_trip(instance: dict[str, Any]) -> None:
        x = model.from_dict(instance)
        if fast is not None:  # the facade's quicker parser builds the very same instance
            assert fast(instance) == x
        y = model.from_dict(x.to_dict())
        assert y == x
        assert y.to_dict() == x.to_dict()
        assert json.loads(json.dumps(x.to_dict())) == x.to_dict()

    round_trip()


# -- any answer ------------------------------------------------------------------------------------

NASTY_BODIES = [
    b"",
    b"<html><body>502 Bad Gateway</body></html>",
    b'{"id": "c1", "title": ',
    b"[" * 5000,
    b'{"id": 123456789012345678901234567890}',
    b"1e400",
    b"NaN",
    b"\xff\xfe\x00",
    b'"just a string"',
    b"null",
    b"[1, 2, 3]",
    b'{"detail": {"nested": ["odd"]}}',
]
BODIES = st.one_of(
    st.sampled_from(NASTY_BODIES),
    st.binary(max_size=200),
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    ).map(lambda v: json.dumps(v).encode()),
)
STATUSES = st.sampled_from([200, 200, 200, 400, 401, 404, 422, 429, 500, 503])
CONTENT_TYPES = st.sampled_from(
    ["application/json", "text/html", "application/x-ndjson", "text/event-stream", "text/plain"]
)

CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("get", ("c1",), {}),
    ("get_list", (), {}),
    ("get_all", (), {}),
    ("get_archived_count", (), {}),
    ("delete", ("c1",), {}),
    ("get_tags", ("c1",), {}),
    ("export_chat_stats", (), {}),
    ("chat_completion", ({"model": "m", "messages": [{"role": "user", "content": "x"}]},), {}),
    ("chat_completion", ({"model": "m", "messages": []},), {"stream": True}),
]


def _consume(result: Any) -> None:
    if hasattr(result, "__enter__"):
        with result as items:
            list(items)


@pytest.mark.parametrize(
    ("name", "args", "keywords"), CALLS, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(CALLS)]
)
def test_any_answer_is_a_value_or_an_sdk_error(
    name: str, args: tuple[Any, ...], keywords: dict[str, Any]
) -> None:
    answer: dict[str, Any] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            answer["status"], content=answer["body"], headers={"content-type": answer["type"]}
        )

    client = ChatsClient(
        "http://127.0.0.1:9",
        "sk-test",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )

    @PROFILE
    @given(status=STATUSES, body=BODIES, content_type=CONTENT_TYPES)
    @counted(f"any answer: {name}{' (stream)' if keywords.get('stream') else ''}")
    def any_answer(status: int, body: bytes, content_type: str) -> None:
        answer.update(status=status, body=body, type=content_type)
        with contextlib.suppress(OpenWebUIError):
            _consume(getattr(client, name)(*args, **keywords))

    any_answer()
