"""``GET /api/v1/chats/stats/usage``: Usage statistics of the caller's chats, paginated.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...models.chat_usage_stats_list_response import ChatUsageStatsListResponse

METHOD = "GET"
PATH = "/api/v1/chats/stats/usage"
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
