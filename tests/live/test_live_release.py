"""The client learns the live server's release once, and sends what that release has."""

from __future__ import annotations

from typing import Any

import httpx

from owui_chats_client._generated.api import chats as ops


async def test_the_client_knows_its_server(api: Any, seed: Any) -> None:
    stated = httpx.get(f"{seed.base_url}/api/version", timeout=30).json()["version"]
    assert await api.server_version() == stated
    assert await api.wrap(api.client.with_options(timeout=30)).server_version() == stated
    if hasattr(api.client, "_release"):  # asked once, shared with the copies
        assert api.client._release.version == stated


async def test_the_newest_operation_reaches_the_reference_release(api: Any, new_chat: Any) -> None:
    """The full live suite runs on the newest stored release: nothing is refused there."""
    assert await api.server_version() == ops.RELEASES[-1]
    assert ops.RELEASES[-1] == ops.update_params.SINCE
    made = await new_chat()
    assert await api.update_params(made.id, {"temperature": 0.25}) == {"temperature": 0.25}
    assert (await api.get(made.id)).chat["params"] == {"temperature": 0.25}
    # the answer is the chat's parameters after the merge, as the spec describes it
    merged = {"temperature": 0.25, "system": "Be brief.", "top_k": None}
    assert await api.update_params(made.id, {"system": "Be brief.", "top_k": None}) == merged
    assert (await api.get(made.id)).chat["params"] == merged
