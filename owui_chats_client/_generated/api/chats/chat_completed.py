"""``POST /api/chat/completed``: Run the outlet filters over a finished exchange.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_completed_form import ChatCompletedForm
from ...models.chat_completed_response import ChatCompletedResponse

OPERATION = "chat_completed"
METHOD = "POST"
PATH = "/api/chat/completed"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    form_data: ChatCompletedForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["json"] = p.coerce_form(form_data, ChatCompletedForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ChatCompletedResponse)
