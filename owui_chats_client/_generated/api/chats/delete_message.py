"""``DELETE /api/v1/chats/{id}/messages/{message_id}``: Delete a message (and its replies) from a chat.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_response import ChatResponse

OPERATION = "delete_message"
METHOD = "DELETE"
PATH = "/api/v1/chats/{id}/messages/{message_id}"
#: The first Open WebUI release with this operation.
SINCE = "0.10.2"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    message_id: str,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/messages/{message_id}".format(
            id=quote(p.path_param(id, "id"), safe=""),
            message_id=quote(p.path_param(message_id, "message_id"), safe=""),
        ),
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.model(ChatResponse))
