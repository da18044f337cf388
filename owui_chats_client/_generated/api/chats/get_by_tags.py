"""``POST /api/v1/chats/tags``: The caller's chats that carry a tag.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any

from .... import _parsing as p
from ...._releases import Part
from ...models.chat_title_id_response import ChatTitleIdResponse
from ...models.tag_filter_form import TagFilterForm

OPERATION = "get_by_tags"
METHOD = "POST"
PATH = "/api/v1/chats/tags"
#: The first Open WebUI release with this operation.
SINCE = "0.9.6"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = True


def build(
    form_data: TagFilterForm | Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }
    parts["json"] = p.coerce_form(form_data, TagFilterForm, "form_data").to_dict()
    return parts


#: Reads the decoded JSON answer.
parse = p.list_of(p.model(ChatTitleIdResponse))
