"""``POST /api/v1/chats/{id}/messages/{message_id}/resolve``: Approve, reject or answer a pending tool call.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.resolve_tool_call_form import ResolveToolCallForm
from ...models.resolve_tool_call_response import ResolveToolCallResponse

OPERATION = "resolve_tool_call"
METHOD = "POST"
PATH = "/api/v1/chats/{id}/messages/{message_id}/resolve"
#: The first Open WebUI release with this operation.
SINCE = "0.11.4"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    message_id: str,
    form_data: ResolveToolCallForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/messages/{message_id}/resolve".format(
            id=quote(p.path_param(id, "id"), safe=""),
            message_id=quote(p.path_param(message_id, "message_id"), safe=""),
        ),
    }
    parts["json"] = p.coerce_form(form_data, ResolveToolCallForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ResolveToolCallResponse)
