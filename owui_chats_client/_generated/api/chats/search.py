"""``GET /api/v1/chats/search``: Search the caller's chats.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_title_id_response import ChatTitleIdResponse

OPERATION = "search"
METHOD = "GET"
PATH = "/api/v1/chats/search"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None
PAGE_SIZE = 60


def build(
    text: str,
    page: int | None = None,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["params"] = p.query(
        {
            "text": p.required_str(text, "text"),
            "page": page,
        }
    )
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(ChatTitleIdResponse))
