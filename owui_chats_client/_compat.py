"""What the supported Pythons (3.10 and later) spell or read differently."""

from __future__ import annotations

import sys
from datetime import datetime

if sys.version_info >= (3, 11):
    from typing import Self

    fromisoformat = datetime.fromisoformat
else:  # typing_extensions is a dependency on 3.10 only
    import re

    from typing_extensions import Self

    _FRACTION = re.compile(r"(\d\d:\d\d:\d\d)[.,](\d+)")

    def fromisoformat(text: str) -> datetime:
        """``datetime.fromisoformat`` reading what 3.11 reads and 3.10 refuses: a trailing ``Z``
        and a fraction of a second of any number of digits (the first six count)."""
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        text = _FRACTION.sub(lambda m: f"{m[1]}.{m[2][:6].ljust(6, '0')}", text, count=1)
        return datetime.fromisoformat(text)


__all__ = ["Self", "fromisoformat"]
