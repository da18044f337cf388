"""``GET /api/v1/chats/config``: Get the chats configuration (admin).

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_config_form import ChatConfigForm

OPERATION = "get_config"
METHOD = "GET"
PATH = "/api/v1/chats/config"
#: The first Open WebUI release with this operation.
SINCE = "0.10.2"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build() -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ChatConfigForm)
