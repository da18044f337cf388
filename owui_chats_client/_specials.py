"""Behaviours that the spec cannot state, each with its reason.

- `with_local_chat_id`: a completion sent without a chat id gets ``local:api-<uuid4>``, which
  Open WebUI treats as a temporary chat (not stored); without any id the server's background
  bookkeeping fails. The spec marks the operations with ``x-local-chat-id``.
- `completion_answer`: what a completion answers is decided by its body (``stream``, and a
  ``session_id`` runs it as a background task), while the method's keywords ``stream=`` and
  ``background=`` type it. A body that would make the server answer another kind than the
  keywords type is refused before anything is sent.
- ``get_all`` (in `_async_client`): ``GET /api/v1/chats/all`` answers NDJSON; ``get_all`` reads the
  generated ``iter_all`` stream into a list, as owui-client's ``get_all`` returned one.
- ``delete_all_tags`` (in `_async_client`): 0.12.4 removed ``DELETE /api/v1/chats/{id}/tags/all``;
  the method removes the tags one by one.
- ``chat_completed_api`` (in `_async_client`): owui-client's name for ``chat_completed``.

The conversation methods (``start_chat``, ``send_message``...) span several routes each and live
apart, in ``lib/``, built on the public methods only.

What differs between Open WebUI releases beyond what the spec's ``x-since`` markers say (those
are handled for every operation by `_releases`: the server's release is asked once, from
``GET /api/version``, by ``server_version`` in `_async_transport`, where ``server_supports``
answers from it too):

- 0.10 and older answer the folder list (``get_list_by_folder_id``) without ``created_at``: its
  items are `FolderChatTitleIdResponse`, where ``created_at`` may be ``UNSET`` (curated in the
  spec; the releases' documents leave that answer untyped).
- 0.10 stores a background answer in its ``output`` items only and runs the outlet filters over
  the still empty ``content``, which then holds what they made of nothing (``" [filtered]"``)
  or stays empty. ``start_chat``, ``send_message`` and the live streams read the answer from
  the ``output`` items, run the outlet filters over it through ``POST /api/chat/completed`` (as
  the server does itself from 0.11), and store the result (`lib._steps.unfiltered_answer`).
  The data says when: nothing is asked of a release that stores its answer right.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Literal

from ._constants import LOCAL_CHAT_ID_PREFIX


def with_local_chat_id(body: dict[str, Any]) -> None:
    """Give a completion body the synthetic ``local:api-<uuid4>`` chat id when it has none."""
    if not (isinstance(body.get("chat_id"), str) and body["chat_id"]):
        body["chat_id"] = f"{LOCAL_CHAT_ID_PREFIX}{uuid.uuid4()}"


AnswerKind = Literal["stream", "task", "answer"]


def completion_answer(body: Mapping[str, Any], stream: bool | None, background: bool) -> AnswerKind:
    """The kind of answer the keywords of a completion type, once the body as sent (with
    ``extra_body``) agrees: the server streams when ``stream`` is true and runs a background
    task when ``session_id`` is set (with the chat id, which every completion has)."""
    if background:
        if stream:
            raise ValueError(
                "stream=True with background=True: a background task answers at once with its "
                "task ids and streams nothing; pass one of them"
            )
        return "task"
    if body.get("session_id"):
        raise ValueError(
            "form_data has session_id, with which the server runs the completion as a "
            "background task and answers its task ids: pass background=True (typed "
            "ChatCompletionTaskResponse), or leave session_id out"
        )
    sent = body.get("stream")
    if stream is None:
        if sent:
            raise ValueError(
                'form_data has "stream": true, which the answer\'s type does not follow: pass '
                "stream=True instead (typed as a Stream of chunks)"
            )
        return "answer"
    if bool(sent) is not stream:  # only extra_body can set it apart from the keyword
        raise ValueError(
            f'extra_body sets "stream" to {sent!r} against stream={stream}: pass the keyword only'
        )
    return "stream" if stream else "answer"
