"""``GET /api/v1/chats/all/db``: All chats in the database (admin).

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models import ChatResponse
from ...models.chat_response import ChatResponse

OPERATION = "get_all_db"
METHOD = "GET"
PATH = "/api/v1/chats/all/db"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build() -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(ChatResponse))
#: Reads one item of the JSON array answer, streamed.
parse_item = p.model(ChatResponse)
