"""The one-time server install says what it does and, when a step fails, which one and how to
retry, leaving nothing marked complete."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_failed_install_names_the_step_and_the_retry(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "OWUI_CHATS_CLIENT_CACHE": str(tmp_path),
        "OWUI_SERVER_VERSION": "0.0.1",  # no such release
        "OWUI_SERVER_TORCH": "",  # skip the torch step: this test only needs the failing one
        "OWUI_PROGRESS_EVERY": "1",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "localserver.py"), "install"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    err = done.stderr
    # it announced what it was about to do, with size and time
    assert "one-time install" in err and "3 GB" in err and "minutes" in err
    assert "1/3 create the virtual environment" in err
    # the failure names the step, says how to retry and shows pip's reason
    assert "failed at step 'pip install open-webui==0.0.1'" in err
    assert "retry with `python scripts/localserver.py install 0.0.1`" in err
    assert "open-webui==0.0.1" in err.split("failed at step", 1)[1]
    assert "Traceback" not in err
    # nothing half-installed is left, let alone marked complete
    assert not (tmp_path / "server-0.0.1").exists()


def test_the_command_line_helps_and_refuses_what_is_not_a_release(tmp_path: Path) -> None:
    def localserver(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "localserver.py"), *args],
            env={**os.environ, "OWUI_CHATS_CLIENT_CACHE": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    helped = localserver("run", "--help")
    assert helped.returncode == 0 and "python scripts/localserver.py run [VERSION]" in helped.stdout
    refused = localserver("install", "latest")
    assert refused.returncode == 2
    assert "'latest' is not a release (such as 0.12.4)" in refused.stderr
    assert list(tmp_path.iterdir()) == []  # nothing installed, nothing started
