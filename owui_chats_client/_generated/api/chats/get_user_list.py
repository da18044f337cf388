"""``GET /api/v1/chats/list/user/{user_id}``: List another user's chats (admin).

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_title_id_response import ChatTitleIdResponse

OPERATION = "get_user_list"
METHOD = "GET"
PATH = "/api/v1/chats/list/user/{user_id}"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None
PAGE_SIZE = 60


def build(
    user_id: str,
    page: int | None = None,
    query: None | str = None,
    order_by: None | str = None,
    direction: None | str = None,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/list/user/{user_id}".format(
            user_id=quote(p.path_param(user_id, "user_id"), safe=""),
        ),
    }
    parts["params"] = p.query(
        {
            "page": page,
            "query": query,
            "order_by": order_by,
            "direction": direction,
        }
    )
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(ChatTitleIdResponse))
