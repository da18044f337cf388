"""Fixtures of the live tests (helpers are in ``livekit``).

Every test here asks for ``api`` (or ``fresh_api``), so it runs once per mode and uses the
session's server (see ``tests/conftest.py``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from live.livekit import Made, create_chat


@pytest.fixture
def new_chat(api: Any) -> Callable[..., Awaitable[Made]]:
    """``await new_chat()``: a chat of the admin, made for this test."""

    async def make(text: str | None = None, *, model: str | None = "echo") -> Made:
        return await create_chat(api, text, model=model)

    return make
