"""Type-check the Python examples of README.md and docs/**/*.md with ``mypy --strict`` and with
``basedpyright`` in strict mode, and scripts/demo.py with ``mypy --strict``.

How a block becomes a module (a whole program, or a fragment inside ``example(client, ...)``)
is `doc_examples.Example.module`. Each type checker's findings name the page and the line of
the example (``docs/conversations.md:24``) beside the extracted file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import doc_examples  # scripts/doc_examples.py, beside this file

ROOT = doc_examples.ROOT
# basedpyright's strict mode; the worktree's package first, whatever the environment installed.
PYRIGHT_CONFIG = {
    "typeCheckingMode": "strict",
    "pythonVersion": "3.11",
    "extraPaths": [str(ROOT), str(ROOT / "scripts")],
    "reportMissingModuleSource": "none",
}


def run(name: str, command: list[str], cwd: str, sources: dict[str, str]) -> int:
    start = time.monotonic()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    output = (result.stdout.strip() or result.stderr.strip()).splitlines()
    for line in output:
        for path, source in sources.items():
            if path in line:
                line = f"{line}  [{source}]"
                break
        print(f"  {line}")
    verdict = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    print(f"{name}: {verdict} in {time.monotonic() - start:.1f}s")
    return result.returncode


def main() -> int:
    examples = doc_examples.examples()
    with tempfile.TemporaryDirectory(prefix="owui-examples-") as tmp:
        files: list[str] = []
        sources: dict[str, str] = {}
        for number, example in enumerate(examples, 1):
            path = Path(tmp) / f"example_{number}.py"
            path.write_text(example.module())
            files.append(str(path))
            sources[path.name] = example.name
        demo = str(ROOT / "scripts" / "demo.py")
        (Path(tmp) / "pyrightconfig.json").write_text(json.dumps(PYRIGHT_CONFIG))
        status = run(
            "mypy --strict",
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files, demo],
            tmp,
            sources,
        )
        basedpyright = Path(sys.executable).parent / "basedpyright"
        status |= run(
            "basedpyright (strict)",
            [str(basedpyright), "--pythonpath", sys.executable, "--project", tmp, *files],
            tmp,
            sources,
        )
    pages = len({example.page for example in examples})
    if status == 0:
        print(
            f"{len(examples)} examples of {pages} pages type-check (mypy --strict, basedpyright"
            " strict); scripts/demo.py too (mypy --strict)"
        )
    return status


if __name__ == "__main__":
    raise SystemExit(main())
