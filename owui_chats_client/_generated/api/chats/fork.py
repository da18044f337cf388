"""``POST /api/v1/chats/{id}/fork``: Fork a chat, optionally at a message.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_response import ChatResponse
from ...models.fork_form import ForkForm

OPERATION = "fork"
METHOD = "POST"
PATH = "/api/v1/chats/{id}/fork"
#: The first Open WebUI release with this operation.
SINCE = "0.11.4"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    form_data: ForkForm | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/fork".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    if form_data is not None:
        parts["json"] = p.coerce_form(form_data, ForkForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.model(ChatResponse))
