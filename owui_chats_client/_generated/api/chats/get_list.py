"""``GET /api/v1/chats/list``: List the caller's chats (titles and ids), newest first.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_title_id_response import ChatTitleIdResponse

OPERATION = "get_list"
METHOD = "GET"
PATH = "/api/v1/chats/list"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = (
    Part("0.11.4", "query", ("sort_by",), "updated_at"),
    Part("0.11.4", "query", ("sort_dir",), "desc"),
)
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None
PAGE_SIZE = 60


def build(
    page: int | None = None,
    include_pinned: bool | None = False,
    include_folders: bool | None = False,
    sort_by: str | None = "updated_at",
    sort_dir: str | None = "desc",
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["params"] = p.query(
        {
            "page": page,
            "include_pinned": include_pinned,
            "include_folders": include_folders,
            "sort_by": sort_by,
            "sort_dir": sort_dir,
        }
    )
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(ChatTitleIdResponse))
