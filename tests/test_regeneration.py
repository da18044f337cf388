"""The regeneration loop: change openapi.json, run scripts/generate, and both clients follow.

One test edits the spec of a temporary copy of the project (a new query parameter, a new
operation, a new response field, a removed operation), regenerates it and checks the change in
both clients through a mock transport, in a fresh interpreter. Another checks that the clients'
public surface is exactly the spec's operations plus the listed special behaviours.
"""

from __future__ import annotations

import inspect
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from owui_chats_client import AsyncChatsClient, ChatsClient

ROOT = Path(__file__).resolve().parent.parent
SPEC = json.loads((ROOT / "openapi.json").read_text())

# Public names that are not operations of the spec, each a listed special behaviour.
LIFECYCLE = {"close", "aclose", "with_options", "with_raw_response", "timeout", "max_retries"}
# What the client knows of its server (GET /api/version, outside the chat routes).
SERVER = {"server_version", "server_supports"}
SPECIALS = {"get_all", "delete_all_tags", "chat_completed_api"}
# Hand-written extras over several routes each (owui_chats_client/lib/).
CONVERSATIONS = {"start_chat", "send_message", "wait_for_tasks", "stream_chat", "stream_message"}


def spec_operations() -> dict[str, dict[str, object]]:
    return {
        op["operationId"]: op
        for methods in SPEC["paths"].values()
        for op in methods.values()
        if isinstance(op, dict) and "operationId" in op
    }


def generated_extras() -> set[str]:
    """Methods the spec asks for through its extensions (auto-paging, NDJSON twins)."""
    names = set()
    for op in spec_operations().values():
        if "x-paginated" in op:
            names.add(op["x-paginated"]["iterator"])  # type: ignore[index]
        if "x-stream-param" in op:
            names.add(op["x-stream-param"]["method"])  # type: ignore[index]
        if "x-array-stream" in op:
            names.add(op["x-array-stream"]["method"])  # type: ignore[index]
    return names


def public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")} - {"base_url"}


def test_every_operation_is_a_method_of_both_clients_with_one_signature() -> None:
    operations = set(spec_operations())
    for cls in (ChatsClient, AsyncChatsClient):
        assert operations <= public(cls)
        lifecycle = LIFECYCLE - ({"close"} if cls is AsyncChatsClient else {"aclose"})
        extras = generated_extras() | SPECIALS | CONVERSATIONS | SERVER | lifecycle
        assert public(cls) - operations == extras
    for name in operations | generated_extras() | SPECIALS | CONVERSATIONS:
        sync = inspect.signature(getattr(ChatsClient, name))
        async_ = inspect.signature(getattr(AsyncChatsClient, name))
        assert list(sync.parameters.values()) == list(async_.parameters.values()), name


def test_docstrings_name_the_route() -> None:
    for path, methods in SPEC["paths"].items():
        for method, op in methods.items():
            for cls in (ChatsClient, AsyncChatsClient):
                doc = getattr(cls, op["operationId"]).__doc__
                assert f"``{method.upper()} {path}" in doc, op["operationId"]


CHECK = textwrap.dedent(
    """
    import asyncio, inspect, json
    import httpx
    import owui_chats_client
    from owui_chats_client import AsyncChatsClient, ChatsClient

    sent = []

    def handler(request):
        sent.append(request)
        if request.url.path == "/api/version":
            return httpx.Response(200, json={"version": "0.13.0"})
        if request.url.path == "/api/v1/chats/c1/summary":
            return httpx.Response(200, json={"words": 7})
        return httpx.Response(200, json={"id": "c1", "user_id": "u", "title": "T", "chat": {},
            "updated_at": 1, "created_at": 1, "archived": False, "mood": "calm"})

    out = {}
    with ChatsClient("http://h", api_key="sk-x",
                     http_client=httpx.Client(transport=httpx.MockTransport(handler))) as c:
        out["get_sig"] = str(inspect.signature(c.get))
        chat = c.get("c1", detail="full")
        out["get_query"] = dict(sent[-1].url.params)
        out["mood"] = chat.mood
        summary = c.get_summary("c1", words=True)
        out["summary"] = [type(summary).__name__, summary.words, sent[-1].url.path,
                          dict(sent[-1].url.params)]
        out["summary_doc"] = c.get_summary.__doc__
        out["pin"] = hasattr(c, "pin")

    async def main():
        client = AsyncChatsClient("http://h", api_key="sk-x",
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)))
        out["async_get_sig"] = str(inspect.signature(client.get))
        chat = await client.get("c1", detail="full")
        out["async_mood"] = chat.mood
        out["async_query"] = dict(sent[-1].url.params)
        summary = await client.get_summary("c1")
        out["async_summary"] = summary.words
        out["async_pin"] = hasattr(client, "pin")
        await client.aclose()

    asyncio.run(main())

    # a server of the release before: what came in 0.13.0 is refused before it is sent
    del sent[:]
    with ChatsClient("http://h", api_key="sk-x", server_version="0.12.4",
                     http_client=httpx.Client(transport=httpx.MockTransport(handler))) as c:
        for call in (lambda: c.get_summary("c1"), lambda: c.get("c1", detail="full")):
            try:
                call()
            except owui_chats_client.UnsupportedByServerError as exc:
                out.setdefault("refused", []).append([exc.method, exc.part, exc.since])
        c.get("c1")  # the default of the new parameter is not sent to it
        out["old_server_query"] = dict(sent[-1].url.params)
        out["old_server_sent"] = [r.url.path for r in sent]
    print(json.dumps(out))
    """
)


def test_a_spec_change_reaches_both_clients(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("openapi.json", "generator-config.yaml", "docs/releases.md"):
        (copy / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, copy / name)
    shutil.copytree(
        ROOT / "scripts", copy / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(
        ROOT / "owui_chats_client",
        copy / "owui_chats_client",
        ignore=shutil.ignore_patterns("__pycache__"),
    )

    spec = json.loads((copy / "openapi.json").read_text())
    paths, schemas = spec["paths"], spec["components"]["schemas"]
    # 1. an optional query parameter of an existing operation
    paths["/api/v1/chats/{id}"]["get"]["parameters"].append(
        {
            "name": "detail",
            "in": "query",
            "required": False,
            "description": "How much of the chat to send.",
            "schema": {"type": "string", "default": "all"},
        }
    )
    # 2. a new field of a response model
    schemas["ChatResponse"]["properties"]["mood"] = {"type": "string", "title": "Mood"}
    # 3. a new operation, with its own response model
    schemas["ChatSummary"] = {
        "type": "object",
        "title": "ChatSummary",
        "required": ["words"],
        "properties": {"words": {"type": "integer"}},
    }
    paths["/api/v1/chats/{id}/summary"] = {
        "get": {
            "tags": ["chats"],
            "summary": "A summary of a chat.",
            "operationId": "get_summary",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "words", "in": "query", "schema": {"type": "boolean"}},
            ],
            "responses": {
                "200": {
                    "description": "The summary.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ChatSummary"}}
                    },
                }
            },
        }
    }
    # 4. an operation removed
    del paths["/api/v1/chats/{id}/pin"]
    (copy / "openapi.json").write_text(json.dumps(spec, indent=2))
    # ... all of it as the next release's own document shows it
    newest = max(
        (copy / "scripts" / "releases").glob("*.json"),
        key=lambda path: tuple(int(n) for n in path.stem.split(".")),
    )
    document = json.loads(newest.read_text())
    document["paths"]["/api/v1/chats/{id}"]["get"].setdefault("parameters", []).append(
        paths["/api/v1/chats/{id}"]["get"]["parameters"][-1]
    )
    document["components"]["schemas"]["ChatResponse"]["properties"]["mood"] = {"type": "string"}
    document["components"]["schemas"]["ChatSummary"] = schemas["ChatSummary"]
    document["paths"]["/api/v1/chats/{id}/summary"] = paths["/api/v1/chats/{id}/summary"]
    del document["paths"]["/api/v1/chats/{id}/pin"]
    (copy / "scripts" / "releases" / "0.13.0.json").write_text(json.dumps(document))

    generate = subprocess.run(
        [sys.executable, str(copy / "scripts" / "generate.py")],
        capture_output=True,
        text=True,
    )
    assert generate.returncode == 0, generate.stdout + generate.stderr
    check = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=copy,
        env={"PYTHONPATH": str(copy), "PATH": str(Path(sys.executable).parent)},
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    out = json.loads(check.stdout)

    assert "detail: 'str | None' = 'all'" in out["get_sig"]
    assert out["get_sig"] == out["async_get_sig"]
    assert out["get_query"] == out["async_query"] == {"detail": "full"}
    assert out["mood"] == out["async_mood"] == "calm"
    assert out["summary"] == ["ChatSummary", 7, "/api/v1/chats/c1/summary", {"words": "true"}]
    assert out["async_summary"] == 7
    assert "``GET /api/v1/chats/{id}/summary``" in out["summary_doc"]
    assert out["pin"] is False and out["async_pin"] is False
    # the markers the new document implies, written into the copy's spec
    marked = json.loads((copy / "openapi.json").read_text())
    assert marked["info"]["x-releases"][-1] == "0.13.0"
    assert marked["paths"]["/api/v1/chats/{id}/summary"]["get"]["x-since"] == "0.13.0"
    assert marked["paths"]["/api/v1/chats/{id}"]["get"]["parameters"][-1]["x-since"] == "0.13.0"
    assert out["refused"] == [
        ["get_summary", None, "0.13.0"],
        ["get", "query parameter detail", "0.13.0"],
    ]
    assert out["old_server_query"] == {}
    table = (copy / "docs" / "releases.md").read_text()
    assert "| `get_summary` | `GET /api/v1/chats/{id}/summary` | " in table
    assert "| `get(detail=)` | query parameter | " in table
    assert "| `pin` |" not in table
    assert out["old_server_sent"] == ["/api/v1/chats/c1"]
