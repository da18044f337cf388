"""``POST /api/v1/chats/import``: Import chats.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_response import ChatResponse
from ...models.chats_import_form import ChatsImportForm

OPERATION = "import_chats"
METHOD = "POST"
PATH = "/api/v1/chats/import"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = (
    Part("0.11.4", "body", ("chats", "[]", "archived"), False),
    Part("0.11.4", "body", ("chats", "[]", "current_message_id")),
    Part("0.11.4", "body", ("chats", "[]", "variables")),
)
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    form_data: ChatsImportForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["json"] = p.coerce_form(form_data, ChatsImportForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(ChatResponse))
