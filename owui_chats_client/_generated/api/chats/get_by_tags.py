"""``POST /api/v1/chats/tags``: The caller's chats that carry a tag.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any

from .... import _parsing as p
from ...models.chat_title_id_response import ChatTitleIdResponse
from ...models.tag_filter_form import TagFilterForm

METHOD = "POST"
PATH = "/api/v1/chats/tags"
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
