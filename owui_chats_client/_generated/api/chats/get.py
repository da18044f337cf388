"""``GET /api/v1/chats/{id}``: A chat by id.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...models.chat_response import ChatResponse

METHOD = "GET"
PATH = "/api/v1/chats/{id}"
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.model(ChatResponse))
