"""``GET /api/v1/chats/{id}/tags``: Tags of a chat.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.tag_model import TagModel

OPERATION = "get_tags"
METHOD = "GET"
PATH = "/api/v1/chats/{id}/tags"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
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
        "url": "/api/v1/chats/{id}/tags".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(TagModel))
