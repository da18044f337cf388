"""What the supported Pythons (3.10 and later) spell differently."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    from typing import Self
else:  # typing_extensions is a dependency on 3.10 only
    from typing_extensions import Self

__all__ = ["Self"]
