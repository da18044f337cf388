"""``POST /api/v1/chats/{id}/unread``: Mark a chat as unread.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_unread_response import ChatUnreadResponse

OPERATION = "mark_unread"
METHOD = "POST"
PATH = "/api/v1/chats/{id}/unread"
#: The first Open WebUI release with this operation.
SINCE = "0.11.4"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/unread".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ChatUnreadResponse)
