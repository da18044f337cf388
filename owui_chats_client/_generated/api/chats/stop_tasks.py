"""``POST /api/tasks/chat/{chat_id}/stop``: Stop the running tasks of a chat.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.stop_tasks_response import StopTasksResponse

OPERATION = "stop_tasks"
METHOD = "POST"
PATH = "/api/tasks/chat/{chat_id}/stop"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    chat_id: str,
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/tasks/chat/{chat_id}/stop".format(
            chat_id=quote(p.path_param(chat_id, "chat_id"), safe=""),
        ),
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.model(StopTasksResponse)
