"""Streams deliver chunks as the server produces them (a slow echo model, the real server)."""

from __future__ import annotations

import time
from typing import Any

WORDS = "one two three four five six"


async def test_first_chunk_arrives_before_the_last_is_produced(api: Any, seed: Any) -> None:
    # slowecho sleeps 0.4 s before each of its 7 chunks ("echo:" + 6 words): about 2.8 s in all.
    started = time.monotonic()
    stream = await api.chat_completion(
        {
            "model": seed.slow_echo_model,
            "messages": [{"role": "user", "content": WORDS}],
        },
        stream=True,
    )
    arrivals: list[float] = []
    text = ""
    if api.is_async:
        async with stream:
            async for chunk in stream:
                arrivals.append(time.monotonic() - started)
                text += chunk.choices[0].delta.content or "" if chunk.choices else ""
    else:
        with stream:
            for chunk in stream:
                arrivals.append(time.monotonic() - started)
                text += chunk.choices[0].delta.content or "" if chunk.choices else ""
    assert text == f"echo: {WORDS}"
    content_arrivals = arrivals[:7]
    # The first chunk is in hand while the model still has about 2.4 s of work left.
    assert content_arrivals[-1] - content_arrivals[0] > 1.6, arrivals
    assert stream.response.is_closed


async def test_stopping_early_releases_the_connection(api: Any, seed: Any) -> None:
    stream = await api.chat_completion(
        {
            "model": seed.slow_echo_model,
            "messages": [{"role": "user", "content": WORDS}],
        },
        stream=True,
    )
    if api.is_async:
        async with stream:
            async for _chunk in stream:
                break
    else:
        with stream:
            for _chunk in stream:
                break
    assert stream.response.is_closed
