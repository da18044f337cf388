"""``GET /api/v1/chats/list``: List the caller's chats (titles and ids), newest first.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...models.chat_title_id_response import ChatTitleIdResponse

METHOD = "GET"
PATH = "/api/v1/chats/list"
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
