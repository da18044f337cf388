"""The request and response models (attrs classes generated from ``openapi.json``).

Every method that takes ``form_data`` accepts one of these or a plain ``dict``. A field that the
server left out reads as ``UNSET`` (falsy; test with ``isinstance(value, Unset)``).
"""

from ._generated.models import *  # noqa: F403
from ._generated.models import __all__ as _models
from ._generated.types import UNSET, Unset

__all__ = [*_models, "UNSET", "Unset"]
