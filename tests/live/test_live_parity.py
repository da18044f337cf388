"""`ChatsClient` and `AsyncChatsClient` offer the same methods with the same parameters."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from owui_chats_client import AsyncChatsClient, ChatsClient

# Lifecycle names that differ on purpose.
SYNC_ONLY = {"close"}
ASYNC_ONLY = {"aclose"}
# Public attributes of the async client that are not coroutine functions.
NOT_COROUTINES = {"with_options", "with_raw_response", "stream_chat", "stream_message"}


def is_async_iterator(function: Any) -> bool:
    """The auto-paging iterators: ``async for item in client.iter_list()``, no await."""
    return str(inspect.signature(function).return_annotation).startswith("AsyncIterator[")


def public(cls: type) -> dict[str, Any]:
    return {
        name: inspect.getattr_static(cls, name) for name in dir(cls) if not name.startswith("_")
    }


def parameters(function: Any) -> list[tuple[str, Any, Any]]:
    signature = inspect.signature(function)
    return [(p.name, p.kind, p.default) for p in signature.parameters.values()]


SYNC = public(ChatsClient)
ASYNC = public(AsyncChatsClient)
SHARED = sorted((set(SYNC) - SYNC_ONLY) & (set(ASYNC) - ASYNC_ONLY))


def test_same_public_names() -> None:
    assert set(SYNC) - SYNC_ONLY == set(ASYNC) - ASYNC_ONLY
    assert len(SHARED) > 60  # every chat operation, not an empty comparison


@pytest.mark.parametrize("name", SHARED)
def test_same_parameters(name: str) -> None:
    sync, async_ = SYNC[name], ASYNC[name]
    assert type(sync) is type(async_), name  # both functions, both properties...
    if isinstance(sync, property):
        return
    assert parameters(sync) == parameters(async_), name


@pytest.mark.parametrize("name", SHARED)
def test_async_methods_are_coroutine_functions(name: str) -> None:
    attribute = ASYNC[name]
    if isinstance(attribute, property) or name in NOT_COROUTINES or is_async_iterator(attribute):
        assert not inspect.iscoroutinefunction(getattr(attribute, "fget", attribute))
        return
    if not inspect.isfunction(attribute):
        return  # class attributes such as constants
    assert inspect.iscoroutinefunction(attribute), name
    assert not inspect.iscoroutinefunction(SYNC[name]), name


def test_lifecycle() -> None:
    assert inspect.iscoroutinefunction(AsyncChatsClient.aclose)
    assert inspect.iscoroutinefunction(AsyncChatsClient.__aenter__)
    assert inspect.iscoroutinefunction(AsyncChatsClient.__aexit__)
    assert not inspect.iscoroutinefunction(ChatsClient.close)
    assert parameters(ChatsClient.close) == parameters(AsyncChatsClient.aclose)
    init_sync = [p[0] for p in parameters(ChatsClient.__init__)]
    init_async = [p[0] for p in parameters(AsyncChatsClient.__init__)]
    assert init_sync == init_async


def test_every_method_is_exercised_live() -> None:
    """Each chat operation is called by some live test (as ``api.<name>(`` or by name), here or
    in the cross-release suite."""
    from pathlib import Path

    here = Path(__file__).parent
    tests = [*here.glob("test_*.py"), *(here.parent / "matrix").glob("test_*.py")]
    sources = "\n".join(path.read_text() for path in tests)
    operations = [
        name for name in SHARED if inspect.isfunction(ASYNC[name]) and name != "with_options"
    ]
    missing = [
        name for name in operations if f".{name}(" not in sources and f'"{name}"' not in sources
    ]
    assert missing == []
