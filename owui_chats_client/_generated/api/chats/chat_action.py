"""``POST /api/chat/actions/{action_id}``: Run an action function on a message.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_action_form import ChatActionForm

OPERATION = "chat_action"
METHOD = "POST"
PATH = "/api/chat/actions/{action_id}"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    action_id: str,
    form_data: ChatActionForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/chat/actions/{action_id}".format(
            action_id=quote(p.path_param(action_id, "action_id"), safe=""),
        ),
    }
    parts["json"] = p.coerce_form(form_data, ChatActionForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.any_json
