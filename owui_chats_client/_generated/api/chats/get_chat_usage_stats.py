"""``GET /api/v1/chats/stats/usage``: Usage statistics of the caller's chats, paginated.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_usage_stats_list_response import ChatUsageStatsListResponse

OPERATION = "get_chat_usage_stats"
METHOD = "GET"
PATH = "/api/v1/chats/stats/usage"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    items_per_page: int | None = 50,
    page: int | None = 1,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["params"] = p.query(
        {
            "items_per_page": items_per_page,
            "page": page,
        }
    )
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ChatUsageStatsListResponse)
