"""``GET /api/v1/chats/all``: All of the caller's chats, streamed as NDJSON (one chat a line).

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...models import ChatResponse
from ...models.chat_response import ChatResponse

METHOD = "GET"
PATH = "/api/v1/chats/all"
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build() -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    return parts


#: Reads one line of the NDJSON answer.
parse_line = p.model(ChatResponse)
