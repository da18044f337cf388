"""``POST /api/v1/chats/shared/{id}/access/update``: Set who may open a shared chat.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...models.chat_access_grants_form import ChatAccessGrantsForm
from ...models.chat_response import ChatResponse

METHOD = "POST"
PATH = "/api/v1/chats/shared/{id}/access/update"
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    form_data: ChatAccessGrantsForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/shared/{id}/access/update".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    parts["json"] = p.coerce_form(
        form_data, ChatAccessGrantsForm, "form_data"
    ).to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.optional(p.model(ChatResponse))
