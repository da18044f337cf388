"""``GET /api/v1/chats/share/{share_id}``: A shared chat by its share id.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_response import ChatResponse

OPERATION = "get_shared"
METHOD = "GET"
PATH = "/api/v1/chats/share/{share_id}"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    share_id: str,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/share/{share_id}".format(
            share_id=quote(p.path_param(share_id, "share_id"), safe=""),
        ),
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.model(ChatResponse))
