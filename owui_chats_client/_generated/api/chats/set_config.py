"""``POST /api/v1/chats/config``: Set the chats configuration (admin).

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_config_form import ChatConfigForm

OPERATION = "set_config"
METHOD = "POST"
PATH = "/api/v1/chats/config"
#: The first Open WebUI release with this operation.
SINCE = "0.10.2"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = (
    Part("0.11.4", "body", ("CONTEXT_COMPACTION_MODEL",), ""),
    Part("0.11.4", "body", ("CONTEXT_COMPACTION_RETENTION_PERCENTAGE",)),
    Part("0.11.4", "body", ("CONTEXT_COMPACTION_TOKEN_CAP",)),
    Part("0.11.4", "body", ("ENABLE_TOOL_PERMISSIONS",), False),
    Part("0.12.0", "body", ("ENABLE_TOOL_SEARCH",), False),
    Part("0.12.0", "body", ("TOOL_SEARCH_ALWAYS_LOADED",), []),
    Part("0.12.0", "body", ("TOOL_SEARCH_DEFER_BUILTIN_TOOLS",), True),
    Part("0.12.0", "body", ("TOOL_SEARCH_DEFER_THRESHOLD",), 400),
)
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    form_data: ChatConfigForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["json"] = p.coerce_form(form_data, ChatConfigForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.model(ChatConfigForm)
