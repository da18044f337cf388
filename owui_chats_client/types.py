"""The request and response models (attrs classes generated from ``openapi.json``).

Every method that takes ``form_data`` accepts one of these or a plain ``dict``.
"""

from ._generated.models import *  # noqa: F403
from ._generated.models import __all__ as __all__
