"""Turning caller input into request parts, and response bodies into models.

Nothing here does I/O, so the sync and async clients share all of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import httpx

from ._exceptions import APIResponseValidationError
from ._generated.types import UNSET

try:  # orjson is optional; it decodes large chat exports several times faster.
    import orjson

    def loads(data: bytes | str) -> Any:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            # orjson refuses what the standard library accepts (integers beyond 64 bits, NaN).
            return json.loads(data)

except ImportError:  # pragma: no cover - exercised where orjson is not installed

    def loads(data: bytes | str) -> Any:
        return json.loads(data)


_DECODE_ERRORS = (ValueError, UnicodeDecodeError)


M = TypeVar("M")
T = TypeVar("T")
Parser = Callable[[Any], T]


def where(request: httpx.Request) -> str:
    """``METHOD /path`` of a request as sent (percent-encoded, without the query)."""
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
    return f"{request.method} {path}"


def path_param(value: object, name: str) -> str:
    """Validate an id that goes into a URL path; the generated code percent-encodes it."""
    if value is None:
        raise ValueError(f"{name} is required, got None")
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    if value in (".", ".."):
        raise ValueError(f"{name} must not be {value!r}: it would change the route")
    return value


def required_str(value: object, name: str) -> str:
    """A required text argument (a query parameter), checked before anything is sent."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    return value


def query(params: dict[str, Any]) -> dict[str, Any]:
    """The query parameters to send: ``None`` means "not sent"."""
    return {key: value for key, value in params.items() if value is not None}


def json_object_arg(value: object, name: str) -> dict[str, Any]:
    """A free-form JSON object argument."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a dict, got {type(value).__name__}")
    return dict(value)


def require_fields(body: Mapping[str, Any], fields: list[str], why: str) -> None:
    """Refuse a body that lacks fields the requested answer needs."""
    missing = [field for field in fields if not body.get(field)]
    if missing:
        raise ValueError(f"{why} needs {' and '.join(missing)} in form_data")


def coerce_form(form: object, model: type[M], argument: str = "form_data") -> M:
    """Accept a generated model or a plain mapping for a request body."""
    if isinstance(form, model):
        return form
    if isinstance(form, Mapping):
        from_dict: Callable[[Mapping[str, Any]], M] = model.from_dict  # type: ignore[attr-defined]
        try:
            return from_dict(dict(form))
        except KeyError as exc:
            raise ValueError(
                f"{argument} is missing the required field {exc.args[0]!r} of {model.__name__}"
            ) from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{argument} is not a valid {model.__name__}: {exc}") from None
    raise TypeError(f"{argument} must be a {model.__name__} or a dict, got {type(form).__name__}")


def decode_json(response: httpx.Response) -> Any:
    """Decode a JSON body, or raise APIResponseValidationError saying what came instead."""
    try:
        return loads(response.content)
    except _DECODE_ERRORS:
        snippet = response.content[:200].decode("utf-8", "replace")
        kind = response.headers.get("content-type", "no content type")
        raise APIResponseValidationError(
            f"expected JSON from {where(response.request)}, "
            f"got {kind} ({len(response.content)} bytes): {snippet!r}",
            response=response,
        ) from None


# Parsers: each turns decoded JSON into the declared result or raises APIResponseValidationError.


def _mismatch(expected: str, data: Any, why: object = None) -> APIResponseValidationError:
    got = type(data).__name__
    extra = f" ({why})" if why else ""
    return APIResponseValidationError(f"expected {expected} in the response, got {got}{extra}")


_PLAIN_TYPE = re.compile(r"str|int|float|bool|None|Unset|Any|list\[(?:str|int|float|bool|Any)\]")


def fast_from_dict(cls: type[M]) -> Callable[[Mapping[str, Any]], M] | None:
    """A quicker equivalent of ``cls.from_dict`` for models whose fields are all plain values.

    The generated ``from_dict`` spends most of its time in per-field helper functions that, for
    plain fields (strings, numbers, booleans, free-form JSON), only copy the value. For such a
    model this builds the instance directly. The JSON key of each attribute is learnt from the
    generated ``to_dict`` (sentinel values in, keys out), so nothing here repeats the spec.
    Returns None when the model has any field that needs conversion (a nested model, a date...).
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        return None
    fields = [f for f in attrs.fields(cls) if f.name != "additional_properties"]
    if not all(
        f.init and all(_PLAIN_TYPE.fullmatch(t.strip()) for t in str(f.type).split("|"))
        for f in fields
    ):
        return None
    probe = object.__new__(cls)
    for f in fields:
        object.__setattr__(probe, f.name, f"\0{f.name}")
    object.__setattr__(probe, "additional_properties", {})
    try:
        keys = {value: key for key, value in probe.to_dict().items()}  # type: ignore[attr-defined]
    except Exception:
        return None
    if set(keys) != {f"\0{f.name}" for f in fields}:
        return None
    # Compiled once per model, like attrs compiles its own __init__: plain attribute stores.
    lines = [
        "def from_dict(data):",
        "    rest = dict(data)",
        "    pop = rest.pop",
        "    instance = new(cls)",
    ]
    for f in fields:
        key = keys[f"\0{f.name}"]
        default = "" if f.default is attrs.NOTHING else ", UNSET"
        lines.append(f"    instance.{f.name} = pop({key!r}{default})")
    lines += ["    instance.additional_properties = rest", "    return instance"]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, "UNSET": UNSET}
    exec("\n".join(lines), namespace)  # names are identifiers, keys are repr() literals
    built: Callable[[Mapping[str, Any]], M] = namespace["from_dict"]
    return built


_BUILDERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}


def _builder(cls: type[M]) -> Callable[[Mapping[str, Any]], M]:
    """``cls.from_dict``, or its quicker equivalent; chosen once per model."""
    built = _BUILDERS.get(cls)
    if built is None:
        built = _BUILDERS[cls] = fast_from_dict(cls) or cls.from_dict  # type: ignore[attr-defined]
    return built


def model(cls: type[M]) -> Parser[M]:
    """Parser of one model: its dict answer becomes an instance, or APIResponseValidationError."""

    def parse(data: Any) -> M:
        if type(data) is not dict:
            raise _mismatch(cls.__name__, data)
        try:
            return _builder(cls)(data)
        except KeyError as exc:
            raise _mismatch(cls.__name__, data, f"missing field {exc.args[0]!r}") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise _mismatch(cls.__name__, data, exc) from None

    parse.model = cls  # type: ignore[attr-defined]  # lets list_of build a list in one pass
    return parse


def event(cls: type[M]) -> Parser[M]:
    """Parser of a streamed event: any JSON object becomes a model whose absent fields read as
    ``UNSET`` (its unknown keys stay in ``additional_properties``); any other JSON value an empty
    one. The event itself stays readable as the stream's ``raw``."""
    strict = model(cls)

    def parse(data: Any) -> M:
        return strict(data if isinstance(data, dict) else {})

    return parse


def optional(parser: Parser[T]) -> Parser[T | None]:
    def parse(data: Any) -> T | None:
        return None if data is None else parser(data)

    return parse


def list_of(parser: Parser[T]) -> Parser[list[T]]:
    cls = getattr(parser, "model", None)

    def parse(data: Any) -> list[T]:
        if not isinstance(data, list):
            raise _mismatch("a list", data)
        if cls is not None and all(type(item) is dict for item in data):
            build = _builder(cls)
            try:  # the common case, a list of models, without a call per item
                return [build(item) for item in data]
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # the item-by-item path below names the error
        return [parser(item) for item in data]

    return parse


def one_of(*parsers: Parser[Any]) -> Parser[Any]:
    def parse(data: Any) -> Any:
        error: APIResponseValidationError | None = None
        for parser in parsers:
            try:
                return parser(data)
            except APIResponseValidationError as exc:
                error = exc
        assert error is not None
        raise error

    return parse


def boolean(data: Any) -> bool:
    if not isinstance(data, bool):
        raise _mismatch("a boolean", data)
    return data


def integer(data: Any) -> int:
    if not isinstance(data, int) or isinstance(data, bool):
        raise _mismatch("an integer", data)
    return data


def json_object(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _mismatch("a JSON object", data)
    return data


def any_json(data: Any) -> Any:
    return data
