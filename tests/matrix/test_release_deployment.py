"""The production-shaped deployment (``scripts/deployment.py``: PostgreSQL, Redis, two instances,
nginx with TLS) of the session's release, in both modes: it starts on every supported release,
and the conversation methods, live answers, stops, lists, tags and archive hold there, with
consecutive requests landing on either instance. ``tests/cluster`` goes further on the reference
release (20 answers in flight, rate limits, a stopped instance, migrate, credentials) and
keeps the negative control."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from live.livekit import Api, assert_consistent, chat_body, echo, ids, unique_word
from matrix.conftest import Release

from owui_chats_client import TasksTimeoutError

LONG = " ".join(f"w{i}" for i in range(12))  # slowecho takes 0.4 s a word: about 5 s


async def test_the_release_behind_both_instances(
    cluster: Any, client_of: Callable[..., Api], release: Release
) -> None:
    api = client_of(cluster)
    before = len(cluster.upstreams_used())
    assert await api.server_version() == release.version == cluster.version
    for _ in range(4):
        assert isinstance(await api.get_list(), list)
    used = cluster.upstreams_used()[before:]
    assert set(used) == {url.removeprefix("http://") for url in cluster.instance_urls}


async def test_conversations_across_instances(cluster: Any, client_of: Callable[..., Api]) -> None:
    api = client_of(cluster, cluster.seed.admin_token)  # the live answer's socket takes a JWT
    word = unique_word()
    questions = [f"first {word}", f"second {word}"]
    replies = [await api.start_chat("echo", questions[0])]
    replies.append(await api.send_message(replies[0].chat_id, questions[1]))
    stream = api.client.stream_message(replies[0].chat_id, f"one two {word}", model="slowecho")
    pieces = await api.collect(stream)
    assert len(pieces) > 1, pieces
    assert "".join(pieces) == stream.reply.content == echo(f"one two {word}")
    questions.append(f"one two {word}")
    replies.append(stream.reply)
    assert [(r.content, r.done) for r in replies] == [(echo(q), True) for q in questions]
    tree = assert_consistent(await api.get(replies[0].chat_id))
    assert [m["content"] for m in tree.path()] == [text for q in questions for text in (q, echo(q))]
    assert await api.wait_for_tasks(replies[0].chat_id) is None
    assert (await api.list_tasks(replies[0].chat_id)).task_ids == []


async def test_a_timeout_stops_the_answer(cluster: Any, client_of: Callable[..., Api]) -> None:
    api = client_of(cluster)
    first = await api.start_chat("echo", f"start {unique_word()}")
    with pytest.raises(TasksTimeoutError) as caught:
        await api.send_message(first.chat_id, LONG, model="slowecho", timeout=0.5)
    assert (await api.list_tasks(first.chat_id)).task_ids == []
    tree = assert_consistent(await api.get(first.chat_id))
    assert tree.messages[caught.value.message_id or ""]["done"] is True
    assert (await api.send_message(first.chat_id, "after")).content == echo("after")


async def test_lists_search_tags_archive_and_share(
    cluster: Any, client_of: Callable[..., Api]
) -> None:
    import localserver

    user = localserver.add_user(
        cluster.base_url, cluster.seed.admin_token, verify=str(cluster.ca_file)
    )
    api = client_of(cluster, user["api_key"])
    word = unique_word()
    chats = [
        {"chat": chat_body(f"paged {n} {word}", title=f"Paged {n} {word}")[0]} for n in range(63)
    ]
    made = {chat.id for chat in await api.import_chats({"chats": chats})}
    listed = api.client.iter_list()
    got = [c.id async for c in listed] if api.is_async else [c.id for c in listed]
    assert sorted(got) == sorted(made)  # two pages, from either instance
    assert len(await api.search(word)) == 60  # a page of search results
    one = sorted(made)[0]
    await api.add_tag(one, {"name": word})
    assert ids(await api.get_by_tags({"name": word})) == {one}
    assert (await api.archive(one)).archived is True
    assert one in ids(await api.get_all_archived())
    assert one not in {c.id for c in await api.get_list()}
    share_id = (await api.share(one)).share_id
    assert (await api.get_shared(share_id)).id == share_id
