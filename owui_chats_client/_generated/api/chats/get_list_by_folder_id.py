"""``GET /api/v1/chats/folder/{folder_id}/list``: Chats in a folder (titles and ids), paginated.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.folder_chat_title_id_response import FolderChatTitleIdResponse

OPERATION = "get_list_by_folder_id"
METHOD = "GET"
PATH = "/api/v1/chats/folder/{folder_id}/list"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = (
    Part("0.11.4", "query", ("sort_by",), "unread_updated_at"),
    Part("0.11.4", "query", ("sort_dir",), "desc"),
)
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None
PAGE_SIZE = 10


def build(
    folder_id: str,
    page: int | None = 1,
    sort_by: str | None = "unread_updated_at",
    sort_dir: str | None = "desc",
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/folder/{folder_id}/list".format(
            folder_id=quote(p.path_param(folder_id, "folder_id"), safe=""),
        ),
    }
    parts["params"] = p.query(
        {
            "page": page,
            "sort_by": sort_by,
            "sort_dir": sort_dir,
        }
    )
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(FolderChatTitleIdResponse))
