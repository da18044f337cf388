"""The unit suite on every supported Python present on this machine.

The supported versions are the ``Programming Language :: Python :: 3.X`` classifiers of
pyproject.toml. Each one found (pyenv's versions, then ``python3.X`` on PATH) gets its own
virtual environment in ``.venvs/<version>``: the project (editable, with its live extra) and the
test tools the unit suite imports, at the versions pinned in the dev extra or, where a pinned
release does not support that Python, the newest earlier one that does. An environment is made
again only when pyproject.toml or the interpreter changes.

    python scripts/pythons.py            # every supported Python but .venv's own (scripts/test
                                         # runs the unit suite there with the rest)
    python scripts/pythons.py --all      # .venv's Python too
    python scripts/pythons.py 3.10 3.13  # only these
    python scripts/pythons.py --list     # which are present, and where

This script runs in .venv (Python 3.11 or later: it reads pyproject.toml with tomllib).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
VENVS = ROOT / ".venvs"
# What the unit suite imports besides the project and its live extra (python-socketio).
TEST_TOOLS = ("pytest", "pytest-asyncio", "hypothesis", "mypy")
# tests/unit, and the cheap checks of the clients' surface beside the regeneration test.
TESTS = (
    "tests/unit",
    "tests/test_regeneration.py::test_every_operation_is_a_method_of_both_clients_with_one_signature",
    "tests/test_regeneration.py::test_docstrings_name_the_route",
)


def supported() -> list[str]:
    """The supported Python versions, oldest first ("3.10", ...), from the classifiers."""
    classifiers = tomllib.loads(PYPROJECT.read_text())["project"]["classifiers"]
    pattern = re.compile(r"Programming Language :: Python :: (3\.\d+)")
    found = [m[1] for c in classifiers if (m := pattern.fullmatch(c))]
    return sorted(found, key=minor)


def minor(version: str) -> int:
    """12 for "3.12": the sort key of versions."""
    return int(version.split(".")[1])


def _reports(python: Path | str, version: str) -> bool:
    """Whether ``python`` runs and is Python ``version`` (a pyenv shim may name one it lacks)."""
    try:
        done = subprocess.run(
            [str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return False
    return done.returncode == 0 and done.stdout.strip() == version


def find(version: str) -> Path | None:
    """An interpreter of ``version`` ("3.12"): pyenv's newest patch, else python3.12 on PATH."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    patches = sorted(
        pyenv.glob(f"{version}.*/bin/python"),
        key=lambda p: [int(n) if n.isdigit() else -1 for n in p.parent.parent.name.split(".")],
        reverse=True,
    )
    on_path = shutil.which(f"python{version}")
    for candidate in [*patches, *([Path(on_path)] if on_path else [])]:
        if _reports(candidate, version):
            return candidate
    return None


def present() -> dict[str, Path | None]:
    """Each supported version and its interpreter (None where absent), oldest first."""
    return {version: find(version) for version in supported()}


def test_tools() -> list[str]:
    """The dev extra's pins of the test tools, each as an upper bound (``pytest<=9.2.0``)."""
    dev = tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"]["dev"]
    pins = {re.split(r"[=<>!~ \[;]", spec, maxsplit=1)[0].lower(): spec for spec in dev}
    missing = [name for name in TEST_TOOLS if name not in pins]
    if missing:
        sys.exit(f"pyproject.toml: the dev extra pins no {', '.join(missing)}")
    return [pins[name].replace("==", "<=", 1) for name in TEST_TOOLS]


def _pip_output(text: str) -> str:
    # (drops the warnings this machine's pip prints about its local package mirrors)
    return "\n".join(line for line in text.splitlines() if not line.startswith("WARNING: Location"))


def environment(version: str, python: Path) -> Path:
    """``.venvs/<version>`` with the project and the test tools, made again when stale."""
    venv = VENVS / version
    stamp = venv / ".stamp"
    full = subprocess.run(
        [str(python), "-c", "import sys; print(sys.version)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    tools = test_tools()
    want = hashlib.sha256(
        "\n".join([PYPROJECT.read_text(), str(python), full, *tools]).encode()
    ).hexdigest()
    if stamp.is_file() and stamp.read_text() == want and (venv / "bin" / "python").is_file():
        return venv
    print(f"[setup] Python {version}: installing the project and {', '.join(tools)} into {venv}")
    start = time.monotonic()
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([str(python), "-m", "venv", str(venv)], check=True)
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-e",
            f"{ROOT}[live]",
            *tools,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(_pip_output(done.stdout + done.stderr)[-4000:], file=sys.stderr)
        shutil.rmtree(venv, ignore_errors=True)
        sys.exit(f"[setup] FAILED: pip install into {venv} (Python {version}); rerun to retry")
    stamp.write_text(want)
    print(f"[setup] Python {version}: ready after {time.monotonic() - start:.0f}s")
    return venv


def run_suite(version: str, venv: Path, pytest_args: list[str]) -> tuple[bool, str]:
    """Run the unit suite in ``venv``; whether it passed, and pytest's summary line."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pytest",
            *TESTS,
            "-q",
            "-p",
            "no:cacheprovider",
            *pytest_args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else f"pytest exited with {done.returncode}"
    if done.returncode != 0:
        print(f"--- Python {version}: pytest output (tail)")
        print("\n".join(lines[-80:]))
        print(done.stderr[-4000:], end="")
    return done.returncode == 0, summary


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="*", help="only these versions (e.g. 3.10)")
    parser.add_argument("--all", action="store_true", help="include the Python of .venv")
    parser.add_argument("--list", action="store_true", help="show which Pythons are present")
    parser.add_argument("--pytest-args", default="", help="extra arguments to pytest")
    args = parser.parse_args(argv)

    found = present()
    unknown = sorted(set(args.versions) - set(found))
    if unknown:
        parser.error(f"not supported: {', '.join(unknown)} (supported: {', '.join(found)})")
    if args.list:
        for version, python in found.items():
            print(f"{version}: {python or 'absent'}")
        return 0
    own = "{}.{}".format(*sys.version_info[:2])
    results: list[str] = []
    failed = False
    for version, python in found.items():
        if args.versions and version not in args.versions:
            continue
        if python is None:
            results.append(f"{version}: absent (no pyenv version, no python{version} on PATH)")
            continue
        if version == own and not args.all and not args.versions:
            results.append(f"{version}: runs with the main suite in .venv")
            continue
        venv = environment(version, python)
        start = time.monotonic()
        ok, summary = run_suite(version, venv, args.pytest_args.split())
        failed = failed or not ok
        verdict = "passed" if ok else "FAILED"
        took = time.monotonic() - start
        results.append(f"{version}: {verdict}: {summary} ({took:.0f}s, {python})")
        print(results[-1], flush=True)
    print("\nThe unit suite on each supported Python:")
    for line in results:
        print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
