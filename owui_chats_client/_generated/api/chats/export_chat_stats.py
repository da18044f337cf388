"""``GET /api/v1/chats/stats/export``: Export chat statistics; with `stream=true` as NDJSON.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models import ChatStatsExport
from ...models.chat_stats_export_list import ChatStatsExportList

OPERATION = "export_chat_stats"
METHOD = "GET"
PATH = "/api/v1/chats/stats/export"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    updated_at: int | None = None,
    page: int | None = 1,
    stream: bool | None = False,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["params"] = p.query(
        {
            "updated_at": updated_at,
            "page": page,
            "stream": stream,
        }
    )
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ChatStatsExportList)
#: Reads one line of the NDJSON answer.
parse_line = p.model(ChatStatsExport)
