"""The package as users get it: build the sdist and the wheel, check them, install the wheel.

1. ``python -m build`` into a temporary folder: the sdist, then the wheel built from the sdist
   (so a file the sdist lacks breaks the wheel), each in its own isolated environment.
2. The oldest supported Python is the same in requires-python, the classifiers, ruff's
   target-version, mypy's python_version and the generator's ruff hooks (generator-config.yaml).
   ``twine check --strict`` on both archives (the metadata and README render as PyPI would).
3. The wheel holds the package's every source file and ``py.typed``, the ``owui-chats`` entry
   point and the metadata (version, Requires-Python, licence, dependencies), nothing else (no
   tests/, no scripts/, no caches).
4. The sdist holds the package, pyproject.toml, README.md, CHANGELOG.md and PKG-INFO, and none of
   the local environments or caches.
5. The wheel is installed into a fresh virtual environment on the oldest and on the newest
   supported Python present (scripts/pythons.py finds them); there ``ChatsClient`` and
   ``AsyncChatsClient`` import and answer a request through a mock transport, and
   ``owui-chats --version`` prints the version. The metadata's version, ``__version__`` and what
   the command prints must be one, owui_chats_client/_version.py's.

The dependencies' wheels are downloaded once per Python and set of requirements into
``${OWUI_CHATS_CLIENT_CACHE:-~/.cache/owui-chats-client}/package-check/``; the installs then run
offline from there (pip's own cache serves the build environments).

    python scripts/check_package.py           # oldest and newest supported Python present
    python scripts/check_package.py 3.12      # on these instead
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from email.parser import Parser
from pathlib import Path

import pythons  # scripts/pythons.py, beside this file
import tomllib  # Python 3.11+: this script runs in .venv

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "owui_chats_client"
SCRIPT = "owui-chats"
CACHE = (
    Path(os.environ.get("OWUI_CHATS_CLIENT_CACHE", Path.home() / ".cache" / "owui-chats-client"))
    / "package-check"
)
# Never in a distribution: local environments, caches and build output.
JUNK = re.compile(
    r"(^|/)(\.venvs?|\.git|__pycache__|\.mypy_cache|\.ruff_cache|\.pytest_cache|\.hypothesis"
    r"|dist|build|test-output)(/|$)|\.pyc$|\.egg-info(/|$)"
)
SMOKE = """
import json, sys
import httpx
import owui_chats_client
from owui_chats_client import AsyncChatsClient, ChatsClient

def handler(request):
    if request.url.path == "/api/version":
        return httpx.Response(200, json={"version": "0.12.4"})
    return httpx.Response(200, json={"id": "c1", "user_id": "u", "title": "T", "chat": {},
        "updated_at": 1, "created_at": 1, "archived": False})

with ChatsClient("http://h", api_key="sk-x",
                 http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
    title = client.get("c1").title
assert AsyncChatsClient.get.__doc__ == ChatsClient.get.__doc__
print(json.dumps({"version": owui_chats_client.__version__, "file": owui_chats_client.__file__,
                  "title": title}))
"""


class Problems(list[str]):
    def expect(self, ok: bool, what: str) -> None:
        if not ok:
            self.append(what)


_STARTED = time.monotonic()


def step(text: str) -> None:
    print(f"-- [{time.monotonic() - _STARTED:5.1f}s] {text}", flush=True)


def run(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``args``; on failure print its output and stop."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = "\n".join(
            line
            for line in (done.stdout + done.stderr).splitlines()
            if not line.startswith("WARNING: Location")  # this machine's pip mirror notes
        )
        sys.exit(f"FAILED ({done.returncode}): {' '.join(args)}\n{output[-6000:]}")
    return done


def source_version() -> str:
    text = (ROOT / PACKAGE / "_version.py").read_text()
    match = re.search(r'^__version__ = "([^"]+)"$', text, flags=re.M)
    if match is None:
        sys.exit(f'{PACKAGE}/_version.py: no __version__ = "..." line')
    return match[1]


def source_files() -> set[str]:
    """The package's files as the wheel should hold them (``owui_chats_client/...``)."""
    return {
        str(p.relative_to(ROOT))
        for p in (ROOT / PACKAGE).rglob("*")
        if p.is_file() and not JUNK.search(str(p.relative_to(ROOT)))
    }


def check_pythons(problems: Problems) -> None:
    """The oldest supported Python is the same everywhere it is written down."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    versions = pythons.supported()
    oldest = versions[0]
    minors = [pythons.minor(v) for v in versions]
    problems.expect(
        minors == list(range(minors[0], minors[-1] + 1)),
        f"pyproject.toml: the classifiers skip a version: {versions}",
    )
    where = {
        "requires-python": (project["project"]["requires-python"], f">={oldest}"),
        "[tool.ruff] target-version": (
            project["tool"]["ruff"]["target-version"],
            f"py{oldest.replace('.', '')}",
        ),
        "[tool.mypy] python_version": (project["tool"]["mypy"]["python_version"], oldest),
    }
    for name, (written, want) in where.items():
        problems.expect(written == want, f"pyproject.toml: {name} is {written!r}, not {want!r}")
    config = (ROOT / "generator-config.yaml").read_text()
    hooks = re.findall(r"--target-version (py\d+)", config)
    problems.expect(
        len(hooks) == 2 and set(hooks) == {f"py{oldest.replace('.', '')}"},
        f"generator-config.yaml: the ruff hooks aim at {hooks}, not py{oldest.replace('.', '')}",
    )


def check_wheel(wheel: Path, version: str, problems: Problems) -> list[str]:
    """Check the wheel's files and metadata; return its requirements (Requires-Dist)."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"{PACKAGE}-{version}.dist-info"
        metadata = Parser().parsestr(archive.read(f"{info}/METADATA").decode())
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    package = {n for n in names if n.startswith(f"{PACKAGE}/")}
    others = names - package - {n for n in names if n.startswith(f"{info}/")}
    problems.expect(not others, f"wheel: files outside the package: {sorted(others)[:10]}")
    missing = source_files() - package
    problems.expect(not missing, f"wheel: lacks {sorted(missing)[:10]}")
    extra = package - source_files()
    problems.expect(not extra, f"wheel: holds what the source has not: {sorted(extra)[:10]}")
    for needed in ("py.typed", "_generated/__init__.py", "_generated/client.py", "cli/__main__.py"):
        problems.expect(f"{PACKAGE}/{needed}" in names, f"wheel: no {PACKAGE}/{needed}")
    problems.expect(
        re.search(
            rf"^\[console_scripts\]\n(.*\n)*{SCRIPT} = {PACKAGE}\.cli:run$", entry_points, re.M
        )
        is not None,
        f"wheel: no {SCRIPT} = {PACKAGE}.cli:run console script in entry_points.txt",
    )
    junk = sorted(n for n in names if JUNK.search(n))
    problems.expect(not junk, f"wheel: caches or local files: {junk[:10]}")
    problems.expect(
        metadata["Version"] == version,
        f"wheel: metadata version {metadata['Version']} is not _version.py's {version}",
    )
    want_python = pythons.supported()[0]
    problems.expect(
        metadata["Requires-Python"] == f">={want_python}",
        f"wheel: Requires-Python {metadata['Requires-Python']}, not >={want_python}",
    )
    problems.expect(metadata["License-Expression"] == "MIT", "wheel: no License-Expression MIT")
    problems.expect(
        metadata["License-File"] == "LICENSE" and f"{info}/licenses/LICENSE" in names,
        "wheel: no LICENSE (License-File and dist-info/licenses/LICENSE)",
    )
    problems.expect(
        metadata["Description-Content-Type"] == "text/markdown",
        "wheel: the README is not its description (text/markdown)",
    )
    requires = metadata.get_all("Requires-Dist") or []
    for name in ("httpx", "attrs", "httpx-sse"):
        problems.expect(
            any(r.split(">")[0].split("<")[0].split("=")[0].strip() == name for r in requires),
            f"wheel: does not require {name}",
        )
    return requires


def check_sdist(sdist: Path, version: str, problems: Problems) -> None:
    top = f"{PACKAGE}-{version}"
    with tarfile.open(sdist) as archive:
        names = {m.name for m in archive.getmembers() if m.isfile()}
        pkg_info = archive.extractfile(f"{top}/PKG-INFO")
        metadata = Parser().parsestr(pkg_info.read().decode()) if pkg_info else None
    outside = sorted(n for n in names if not n.startswith(f"{top}/"))
    problems.expect(not outside, f"sdist: files outside {top}/: {outside[:10]}")
    inside = {n.removeprefix(f"{top}/") for n in names}
    for needed in ("PKG-INFO", "pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE"):
        problems.expect(needed in inside, f"sdist: no {needed}")
    missing = source_files() - inside
    problems.expect(not missing, f"sdist: lacks {sorted(missing)[:10]}")
    junk = sorted(n for n in inside if JUNK.search(n))
    problems.expect(not junk, f"sdist: local environments or caches: {junk[:10]}")
    problems.expect(
        metadata is not None and metadata["Version"] == version,
        f"sdist: PKG-INFO version is not _version.py's {version}",
    )


def wheelhouse(python: Path, version: str, wheel: Path, requires: list[str]) -> Path:
    """The dependencies' wheels for ``python``, downloaded once per set of requirements."""
    key = hashlib.sha256("\n".join([str(python), *sorted(requires)]).encode()).hexdigest()[:16]
    folder = CACHE / f"wheels-{version}-{key}"
    if not (folder / ".complete").is_file():
        step(f"Python {version}: downloading the dependencies' wheels into {folder}")
        folder.mkdir(parents=True, exist_ok=True)
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(python),
                "download",
                "-q",
                "--disable-pip-version-check",
                "--only-binary",
                ":all:",
                "-d",
                str(folder),
                str(wheel),
            ]
        )
        (folder / wheel.name).unlink(missing_ok=True)
        (folder / ".complete").write_text("")
    return folder


def check_install(
    version: str,
    python: Path,
    wheel: Path,
    want: str,
    requires: list[str],
    problems: Problems,
    scratch: Path,
) -> None:
    start = time.monotonic()
    venv = scratch / f"venv-{version}"
    run([str(python), "-m", "venv", "--without-pip", str(venv)])
    venv_python = venv / "bin" / "python"
    found = wheelhouse(venv_python.resolve(), version, wheel, requires)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv_python),
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-index",
            "--find-links",
            str(found),
            str(wheel),
        ]
    )
    # outside the checkout, so that only the installed package can be imported
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    smoke = run([str(venv_python), "-c", SMOKE], cwd=scratch, env=env)
    seen = json.loads(smoke.stdout.strip().splitlines()[-1])
    problems.expect(seen["version"] == want, f"Python {version}: __version__ {seen['version']}")
    problems.expect(
        Path(seen["file"]).is_relative_to(venv),
        f"Python {version}: imported {seen['file']}, not the installed package",
    )
    problems.expect(seen["title"] == "T", f"Python {version}: the mock request read {seen}")
    printed = run([str(venv / "bin" / SCRIPT), "--version"], cwd=scratch, env=env).stdout.strip()
    problems.expect(
        printed == f"{SCRIPT} {want}",
        f"Python {version}: `{SCRIPT} --version` printed {printed!r}, not '{SCRIPT} {want}'",
    )
    print(
        f"   Python {version} ({python}): installed, imported, `{SCRIPT} --version` printed "
        f"{printed!r} ({time.monotonic() - start:.1f}s)",
        flush=True,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="*", help="install on these Pythons (e.g. 3.10)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    found = {v: p for v, p in pythons.present().items() if p is not None}
    if args.versions:
        absent = sorted(set(args.versions) - set(found))
        if absent:
            parser.error(f"not present or not supported: {', '.join(absent)}")
        chosen = args.versions
    elif found:
        chosen = sorted(
            {min(found, key=pythons.minor), max(found, key=pythons.minor)}, key=pythons.minor
        )
    else:
        sys.exit("no supported Python is present (scripts/pythons.py --list)")
    absent = [v for v in pythons.supported() if v not in found]
    version = source_version()
    problems = Problems()
    with tempfile.TemporaryDirectory(prefix="owui-package-") as tmp:
        scratch = Path(tmp)
        dist = scratch / "dist"
        step(f"python -m build (sdist, then the wheel from it) into {dist}")
        run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)])
        sdists = sorted(dist.glob("*.tar.gz"))
        wheels = sorted(dist.glob("*.whl"))
        if len(sdists) != 1 or len(wheels) != 1:
            sys.exit(f"build made {[p.name for p in dist.iterdir()]}, not one sdist and one wheel")
        sdist, wheel = sdists[0], wheels[0]
        for made in (sdist, wheel):
            print(f"   {made.name}: {made.stat().st_size / 1024:.0f} KiB")
        step("the oldest supported Python, as pyproject.toml and generator-config.yaml name it")
        check_pythons(problems)
        step("twine check --strict")
        run([sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)])
        step("the wheel's files and metadata")
        requires = check_wheel(wheel, version, problems)
        step("the sdist's files")
        check_sdist(sdist, version, problems)
        step(
            f"install the wheel on Python {' and '.join(chosen)}"
            + (f" (absent: {', '.join(absent)})" if absent else "")
        )
        for chosen_version in chosen:
            check_install(
                chosen_version, found[chosen_version], wheel, version, requires, problems, scratch
            )
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    verdict = "FAILED" if problems else "ok"
    print(f"package check {verdict}: {PACKAGE} {version} ({time.monotonic() - start:.0f}s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
