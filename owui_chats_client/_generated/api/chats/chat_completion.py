"""``POST /api/chat/completions``: Run a chat completion (JSON, server-sent events, or a background task).

`build` turns the arguments into the parts of the request; `parse_event`, `parse_answer` and
`parse_task` read the events, the single answer and a background task's answer.
"""

from collections.abc import Mapping
from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...._specials import with_local_chat_id
from ...models import ChatCompletionChunk
from ...models.chat_completion_form import ChatCompletionForm
from ...models.chat_completion_response import ChatCompletionResponse
from ...models.chat_completion_task_response import ChatCompletionTaskResponse

OPERATION = "chat_completion"
METHOD = "POST"
PATH = "/api/chat/completions"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    form_data: ChatCompletionForm | Mapping[str, Any],
    stream: bool | None = None,
    background: bool = False,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["json"] = p.coerce_form(form_data, ChatCompletionForm, "form_data").to_dict()
    if stream is not None:
        parts["json"]["stream"] = stream
    if background:
        p.require_fields(parts["json"], ["session_id", "chat_id"], "background=True")
    with_local_chat_id(parts["json"])
    return parts


#: Reads one server-sent event.
parse_event = p.event(ChatCompletionChunk)
#: Reads a single answer (neither streamed nor a background task).
parse_answer = p.model(ChatCompletionResponse)
#: Reads the answer of a background task (``background=True``).
parse_task = p.model(ChatCompletionTaskResponse)
