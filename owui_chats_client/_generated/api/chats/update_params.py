"""``PATCH /api/v1/chats/{id}/params``: Update a chat's model parameters.

`build` turns the arguments into the parts of the request, `parse` reads the answer.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .... import _parsing as p
from ...._releases import Part

OPERATION = "update_params"
METHOD = "PATCH"
PATH = "/api/v1/chats/{id}/params"
#: The first Open WebUI release with this operation.
SINCE = "0.12.4"
#: Its query parameters and body fields that came later (see `_releases.ServerRelease.fit`).
LATER: tuple[Part, ...] = ()
#: Whether a failed attempt may be repeated; None: as the HTTP method says.
RETRY_SAFE: bool | None = None


def build(
    id: str,
    params: Mapping[str, Any],
) -> dict[str, Any]:
    """The request's method, url, query (``params``) and JSON body (``json``)."""
    parts: dict[str, Any] = {
        "method": METHOD,
        "url": "/api/v1/chats/{id}/params".format(
            id=quote(p.path_param(id, "id"), safe=""),
        ),
    }
    parts["json"] = p.json_object_arg(params, "params")
    return parts


#: Reads the decoded JSON answer.
parse = p.json_object
