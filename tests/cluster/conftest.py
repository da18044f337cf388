"""Fixtures of the deployment suite: the production-shaped Open WebUI of
``scripts/deployment.py`` (PostgreSQL, Redis, two instances, nginx with TLS), and the same
deployment without Redis, whose instances share no tasks (the negative control).

Each is started once for the session, the first time a test asks for it (``cluster`` and
``client_of`` live in ``tests/conftest.py``: the cross-release suite uses them too). Clients
reach it over ``https://`` with the CA the deployment made (``verify=``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="module")
def unshared() -> Iterator[Any]:
    """The deployment without Redis: each instance lists and stops only its own tasks."""
    import deployment

    with deployment.Deployment(redis=False) as running:
        yield running


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "unshared" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.cluster)
