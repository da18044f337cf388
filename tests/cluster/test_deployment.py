"""The SDK on a production-shaped Open WebUI: two instances behind nginx (TLS, round-robin),
sharing PostgreSQL and Redis, so that consecutive requests of one client land on either; and the
negative control, the same deployment without Redis, where an instance lists and stops only its
own tasks: the conversation methods still store and return the finished answer, never an
unfinished one marked done."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from live.livekit import Api, assert_consistent, chat_body, echo, ids, unique_word

from owui_chats_client import AsyncChatsClient, ChatsClient, TasksTimeoutError

LONG = " ".join(f"w{i}" for i in range(12))  # slowecho takes 0.4 s a word: about 5 s


async def three_turns(api: Api, model: str = "echo") -> None:
    word = unique_word()
    questions = [f"first {word}", f"second {word}", f"third {word}"]
    replies = [await api.start_chat(model, questions[0])]
    for question in questions[1:]:
        replies.append(await api.send_message(replies[0].chat_id, question))
    for reply, question in zip(replies, questions, strict=True):
        assert (reply.content, reply.done) == (echo(question), True)
    tree = assert_consistent(await api.get(replies[0].chat_id))
    assert [m["content"] for m in tree.path()] == [text for q in questions for text in (q, echo(q))]


# -- with Redis (the conversation methods, lists and tags: tests/matrix/test_release_deployment.py)


async def test_twenty_in_flight(cluster: Any) -> None:
    async with AsyncChatsClient(
        cluster.base_url, cluster.seed.api_key, timeout=120, verify=str(cluster.ca_file)
    ) as client:
        word = unique_word()
        replies = await asyncio.gather(
            *(client.start_chat("echo", f"open {i} {word}") for i in range(20))
        )
        assert [r.content for r in replies] == [echo(f"open {i} {word}") for i in range(20)]
        assert len({r.chat_id for r in replies}) == 20


def test_a_rate_limit_is_waited_out(cluster: Any, caplog: pytest.LogCaptureFixture) -> None:
    """nginx answers 429 with Retry-After: 1 to a second GET /pinned within a second."""
    with (
        ChatsClient(cluster.base_url, cluster.seed.api_key, verify=str(cluster.ca_file)) as c,
        caplog.at_level(logging.INFO, logger="owui_chats_client"),
    ):
        for _ in range(3):
            assert isinstance(c.get_pinned(), list)
    retries = [r.getMessage() for r in caplog.records if "after HTTP 429" in r.getMessage()]
    assert retries and all("GET /api/v1/chats/pinned in 1.00s" in r for r in retries)


def test_an_instance_stopped_mid_run(cluster: Any) -> None:
    """Requests that are safe to repeat go on through the other instance (the stopped one's
    turns answer 502 and are retried)."""
    with ChatsClient(
        cluster.base_url, cluster.seed.api_key, verify=str(cluster.ca_file), timeout=60
    ) as client:
        made = client.create_new({"chat": {"title": f"survives {unique_word()}"}})
        assert made is not None
        stopped = cluster.instances[1]
        stopped.stop()
        try:
            for _ in range(8):
                got = client.get(made.id)
                assert got is not None and got.id == made.id
            assert made.id in ids(client.get_list())
        finally:
            stopped.start()
            cluster.reload_models()
        assert client.start_chat("echo", "after the restart").content == echo("after the restart")


# -- without Redis: the negative control -----------------------------------------------------


async def test_unshared_tasks_still_give_finished_answers(
    unshared: Any, client_of: Callable[..., Api]
) -> None:
    """Before the answer watch, 8 of 8 start_chat calls returned '' marked done here."""
    api = client_of(unshared)
    word = unique_word()
    for n in range(4):
        reply = await api.start_chat("slowecho", f"q {n} {word}")
        assert (reply.content, reply.done) == (echo(f"q {n} {word}"), True)
        stored = (await api.get(reply.chat_id)).chat["history"]["messages"][reply.message_id]
        assert stored["content"] == reply.content and stored["done"] is True


async def test_unshared_tasks_lose_no_turn(unshared: Any, client_of: Callable[..., Api]) -> None:
    """Before, two of three answers were lost here: written over by the client's stale copy."""
    await three_turns(client_of(unshared), model="slowecho")


async def test_unshared_tasks_still_time_out(unshared: Any, client_of: Callable[..., Api]) -> None:
    api = client_of(unshared)
    first = await api.start_chat("echo", f"start {unique_word()}")
    with pytest.raises(TasksTimeoutError):
        await api.send_message(first.chat_id, LONG, model="slowecho", timeout=0.5)
    tree = assert_consistent(await api.get(first.chat_id))
    assert tree.messages[tree.current_id or ""]["done"] is True
    assert (await api.send_message(first.chat_id, "after")).content == echo("after")


# -- migrating into the deployment -----------------------------------------------------------


def test_migrate_from_a_single_server_interrupted_then_rerun(
    cluster: Any, seed: Any, cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the session's single SQLite server into the deployment, cut after the first batch,
    then run again: every chat once, field by field."""
    import localserver

    from owui_chats_client import APIConnectionError

    ca = str(cluster.ca_file)
    source = localserver.add_user(seed.base_url, seed.admin_token)
    target = localserver.add_user(cluster.base_url, cluster.seed.admin_token, verify=ca)
    word = unique_word()
    with ChatsClient(seed.base_url, source["api_key"]) as client:
        client.import_chats(
            {
                "chats": [
                    {
                        "chat": chat_body(f"m {n} {word}", title=f"M {n} {word}")[0],
                        "pinned": n == 0,
                        "created_at": 1_700_000_000 + n,
                        "updated_at": 1_700_000_100 + n,
                    }
                    for n in range(9)
                ]
            }
        )
        with client.iter_all() as stream:
            originals = {row["title"]: row for row in map(json.loads, stream.response.iter_lines())}
    monkeypatch.setenv("SSL_CERT_FILE", ca)  # how the command verifies a private CA
    args = [
        "migrate",
        "--base-url",
        seed.base_url,
        "--api-key",
        source["api_key"],
        "--to-base-url",
        cluster.base_url,
        "--to-api-key",
        target["api_key"],
        "--batch-size",
        "4",
    ]
    real = ChatsClient.import_chats

    def once_then_cut(self: ChatsClient, form_data: Any) -> Any:
        real(self, form_data)
        request = httpx.Request("POST", f"{cluster.base_url}/api/v1/chats/import")
        raise APIConnectionError("connection dropped", request=request)

    monkeypatch.setattr(ChatsClient, "import_chats", once_then_cut)
    assert cli(*args).code == 4
    monkeypatch.setattr(ChatsClient, "import_chats", real)
    run = cli(*args)
    assert run.code == 0, run.err
    assert "copied 5 chats" in run.err and "4 already there" in run.err
    with (
        ChatsClient(cluster.base_url, target["api_key"], verify=ca) as client,
        client.iter_all() as stream,
    ):
        copies = [json.loads(line) for line in stream.response.iter_lines()]
    assert sorted(c["title"] for c in copies) == sorted(originals)  # every chat once
    for copy in copies:
        original = originals[copy["title"]]
        for field in ("created_at", "updated_at", "pinned", "archived"):
            assert copy[field] == original[field], (copy["title"], field)
        # the same messages; the server makes the importing user their author
        copied, stored = copy["chat"]["history"], original["chat"]["history"]
        assert copied["currentId"] == stored["currentId"]
        assert copied["messages"].keys() == stored["messages"].keys()
        for key, message in stored["messages"].items():
            for field, value in message.items():
                if field not in ("user_id", "user"):  # who wrote it: the importer
                    assert copied["messages"][key].get(field) == value, (key, field)
