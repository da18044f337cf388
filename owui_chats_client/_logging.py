"""The ``owui_chats_client`` logger; ``OPENWEBUI_LOG=debug|info`` turns it on.

Nothing logged here carries headers, so API keys and tokens never reach a log.
"""

from __future__ import annotations

import logging
import os

from ._constants import LOG_ENV

logger = logging.getLogger("owui_chats_client")


def setup_logging() -> None:
    """Attach a stderr handler at the level named by ``$OPENWEBUI_LOG``, if it is set."""
    level = os.environ.get(LOG_ENV, "").strip().lower()
    if level not in ("debug", "info"):
        return
    if not any(getattr(h, "_owui", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        handler._owui = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
