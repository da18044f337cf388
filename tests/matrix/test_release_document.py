"""The session server's release: its own document is the one stored for it, the spec's drift
against it is all explained, and the clients name it."""

from __future__ import annotations

import releases
import spec_drift
from live.livekit import Api
from matrix.conftest import Release, Sent


def test_the_stored_document_is_what_the_server_publishes(release: Release) -> None:
    stored = releases.stored()
    assert release.version in stored, (
        f"no stored document of Open WebUI {release.version}: "
        f"python scripts/releases.py capture {release.version}, then scripts/generate"
    )
    assert releases.server_document(release.seed.base_url) == stored[release.version]


def test_the_drift_against_the_server_is_explained(release: Release) -> None:
    report = spec_drift.run(release.seed.base_url)
    assert report.ok, spec_drift.format_text(report)
    assert report.operations["compared"] == report.operations["on_server"]


async def test_the_clients_name_the_release(rapi: Api, release: Release, sent: Sent) -> None:
    assert await rapi.server_version() == release.version
    assert await rapi.server_version() == release.version
    assert sent.routes() == ["GET /api/version"]  # asked once
