"""``GET /api/v1/chats/all/tags``: All tags of the caller.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...models.tag_model import TagModel

METHOD = "GET"
PATH = "/api/v1/chats/all/tags"
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
parse = p.list_of(p.model(TagModel))
