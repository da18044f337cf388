"""scripts/check_package.py: what it finds wrong in a wheel and an sdist, on archives written
from the source tree (the real build runs in scripts/test), and in where the oldest supported
Python is named."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import check_package as check
import pytest

VERSION = check.source_version()
INFO = f"owui_chats_client-{VERSION}.dist-info"
METADATA = f"""Metadata-Version: 2.4
Name: owui-chats-client
Version: {VERSION}
License-Expression: MIT
License-File: LICENSE
Requires-Python: >=3.10
Requires-Dist: attrs>=23.1
Requires-Dist: httpx-sse<0.5,>=0.4
Requires-Dist: httpx<1,>=0.27
Description-Content-Type: text/markdown

# owui-chats-client
"""
ENTRY_POINTS = "[console_scripts]\nowui-chats = owui_chats_client.cli:run\n"


def wheel(path: Path, drop: tuple[str, ...] = (), add: tuple[str, ...] = (), **meta: str) -> Path:
    metadata = METADATA
    for field, value in meta.items():
        old = next(line for line in metadata.splitlines() if line.startswith(f"{field}: "))
        metadata = metadata.replace(old, f"{field}: {value}")
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(check.source_files()):
            if name not in drop:
                archive.write(check.ROOT / name, name)
        for name in add:
            archive.writestr(name, "")
        if "LICENSE" not in drop:
            archive.write(check.ROOT / "LICENSE", f"{INFO}/licenses/LICENSE")
        archive.writestr(f"{INFO}/METADATA", metadata)
        archive.writestr(f"{INFO}/entry_points.txt", ENTRY_POINTS)
    return path


def sdist(path: Path, drop: tuple[str, ...] = (), add: tuple[str, ...] = ()) -> Path:
    top = f"owui_chats_client-{VERSION}"
    extra = ["PKG-INFO", "pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE"]
    with tarfile.open(path, "w:gz") as archive:
        for name in sorted(check.source_files()) + extra:
            if name in drop:
                continue
            if name == "PKG-INFO":
                data = METADATA.encode()
                info = tarfile.TarInfo(f"{top}/PKG-INFO")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            else:
                archive.add(check.ROOT / name, f"{top}/{name}")
        for name in add:
            archive.addfile(tarfile.TarInfo(f"{top}/{name}"), io.BytesIO(b""))
    return path


def problems_of_wheel(path: Path) -> list[str]:
    found = check.Problems()
    check.check_wheel(path, VERSION, found)
    return found


def problems_of_sdist(path: Path) -> list[str]:
    found = check.Problems()
    check.check_sdist(path, VERSION, found)
    return found


def test_a_complete_wheel_and_sdist_pass(tmp_path: Path) -> None:
    assert problems_of_wheel(wheel(tmp_path / "w.whl")) == []
    assert problems_of_sdist(sdist(tmp_path / "s.tar.gz")) == []


def test_the_wheel_lacking_files_or_holding_others_fails(tmp_path: Path) -> None:
    bad = wheel(
        tmp_path / "w.whl",
        drop=("owui_chats_client/py.typed", "owui_chats_client/_generated/models/chat_body.py"),
        add=("tests/test_x.py", "scripts/generate.py", "owui_chats_client/__pycache__/a.pyc"),
    )
    found = "\n".join(problems_of_wheel(bad))
    assert "wheel: no owui_chats_client/py.typed" in found
    assert "owui_chats_client/_generated/models/chat_body.py" in found
    assert "files outside the package: ['scripts/generate.py', 'tests/test_x.py']" in found
    assert "caches or local files: ['owui_chats_client/__pycache__/a.pyc']" in found


def test_the_wheel_metadata_must_match(tmp_path: Path) -> None:
    bad = wheel(tmp_path / "w.whl", Version="9.9.9", **{"Requires-Python": ">=3.11"})
    assert problems_of_wheel(bad) == [
        f"wheel: metadata version 9.9.9 is not _version.py's {VERSION}",
        "wheel: Requires-Python >=3.11, not >=3.10",
    ]


def test_the_wheel_without_the_license_fails(tmp_path: Path) -> None:
    no_file = "wheel: no LICENSE (License-File and dist-info/licenses/LICENSE)"
    assert problems_of_wheel(wheel(tmp_path / "a.whl", drop=("LICENSE",))) == [no_file]
    assert problems_of_wheel(wheel(tmp_path / "b.whl", **{"License-File": "COPYING"})) == [no_file]


def test_the_sdist_lacking_the_changelog_or_holding_an_environment_fails(tmp_path: Path) -> None:
    bad = sdist(tmp_path / "s.tar.gz", drop=("CHANGELOG.md", "LICENSE"), add=(".venv/bin/python",))
    assert problems_of_sdist(bad) == [
        "sdist: no CHANGELOG.md",
        "sdist: no LICENSE",
        "sdist: local environments or caches: ['.venv/bin/python']",
    ]


def test_the_oldest_python_is_named_alike_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = check.Problems()
    check.check_pythons(found)
    assert found == []
    pyproject = (check.ROOT / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(
        pyproject.replace('python_version = "3.10"', 'python_version = "3.11"')
    )
    config = (check.ROOT / "generator-config.yaml").read_text()
    (tmp_path / "generator-config.yaml").write_text(config.replace("py310", "py311", 1))
    monkeypatch.setattr(check, "ROOT", tmp_path)
    monkeypatch.setattr(check.pythons, "PYPROJECT", tmp_path / "pyproject.toml")
    found = check.Problems()
    check.check_pythons(found)
    assert found == [
        "pyproject.toml: [tool.mypy] python_version is '3.11', not '3.10'",
        "generator-config.yaml: the ruff hooks aim at ['py311', 'py310'], not py310",
    ]
