"""``POST /api/v1/chats/{id}/messages/{message_id}/event``: Send an event to a message (for example a status update).

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.event_form import EventForm

OPERATION = "send_message_event"
METHOD = "POST"
PATH = "/api/v1/chats/{id}/messages/{message_id}/event"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    message_id: str,
    form_data: EventForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/messages/{message_id}/event".format(
            id=quote(p.path_param(id, "id"), safe=""),
            message_id=quote(p.path_param(message_id, "message_id"), safe=""),
        ),
    }
    parts["json"] = p.coerce_form(form_data, EventForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.boolean)
