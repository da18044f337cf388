"""``POST /api/v1/chats/{id}/share``: Share a chat; returns it with its `share_id`.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_response import ChatResponse
from ...models.share_chat_form import ShareChatForm

OPERATION = "share"
METHOD = "POST"
PATH = "/api/v1/chats/{id}/share"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = (Part("0.12.0", "body", ("share_mode",)),)
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    form_data: ShareChatForm | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/share".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    if form_data is not None:
        parts["json"] = p.coerce_form(form_data, ShareChatForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.model(ChatResponse))
