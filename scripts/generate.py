"""Run openapi-python-client on openapi.json, with the checks that it does not do itself.

The generator runs in a temporary folder outside the repository so that its ruff post-hooks see
ruff's defaults rather than this project's settings; the result is then copied into place (or,
with ``--check``, compared with what is committed).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.json"
CONFIG = ROOT / "generator-config.yaml"
# Template overrides: models/__init__.py imports each model on first use (import time).
TEMPLATES = ROOT / "scripts" / "templates"
# Template overrides: models/__init__.py imports each model on first use (import time).
TEMPLATES = ROOT / "scripts" / "templates"
TARGET = ROOT / "owui_chats_client" / "_generated"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def lint_spec(spec: dict[str, object]) -> list[str]:
    """Mistakes that the generator accepts silently."""
    problems: list[str] = []
    paths = spec.get("paths", {})
    assert isinstance(paths, dict)
    ids: Counter[str] = Counter()
    for path, operations in paths.items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            op_id = operation.get("operationId")
            if not op_id:
                problems.append(f"{method.upper()} {path}: no operationId")
            else:
                ids[op_id] += 1
    problems += [f"operationId {op!r} is used {n} times" for op, n in ids.items() if n > 1]
    schemas = spec.get("components", {}).get("schemas", {})  # type: ignore[union-attr]
    text = json.dumps(spec)
    for name in schemas:
        if text.count(f'"#/components/schemas/{name}"') == 0:
            problems.append(f"schema {name!r} is not used by any operation")
    return problems


def generate(into: Path) -> str:
    """Generate the package into ``into`` (which must not exist); return the generator's output."""
    with tempfile.TemporaryDirectory(prefix="owui-gen-") as tmp:
        out = Path(tmp) / "_generated"
        result = subprocess.run(
            [
                "openapi-python-client",
                "generate",
                "--path",
                str(SPEC),
                "--config",
                str(CONFIG),
                "--custom-template-path",
                str(TEMPLATES),
                "--meta",
                "none",
                "--output-path",
                str(out),
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0:
            sys.exit(f"openapi-python-client failed:\n{output}")
        shutil.copytree(out, into, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    return output


def warnings_in(output: str) -> list[str]:
    lines = [line for line in output.splitlines() if line.strip()]
    return [line for line in lines if "warning" in line.lower() or "failure" in line.lower()]


def compare(expected: Path, actual: Path) -> list[str]:
    def files(root: Path) -> set[str]:
        return {
            str(p.relative_to(root))
            for p in root.rglob("*")
            if p.is_file() and not {"__pycache__", ".ruff_cache"} & set(p.parts)
        }

    want, have = files(expected), files(actual)
    diffs = [f"missing: {name}" for name in sorted(want - have)]
    diffs += [f"not generated (stale): {name}" for name in sorted(have - want)]
    diffs += [
        f"differs: {name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return diffs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()

    problems = lint_spec(json.loads(SPEC.read_text()))
    with tempfile.TemporaryDirectory(prefix="owui-gen-check-") as tmp:
        fresh = Path(tmp) / "_generated"
        output = generate(fresh)
        problems += [f"generator: {line}" for line in warnings_in(output)]
        if problems:
            print("openapi.json has problems the generator would not report:", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        if args.check:
            diffs = compare(fresh, TARGET)
            if diffs:
                print(
                    f"{TARGET.relative_to(ROOT)} is not current; run scripts/generate:",
                    file=sys.stderr,
                )
                for diff in diffs:
                    print(f"  - {diff}", file=sys.stderr)
                return 1
            print(f"{TARGET.relative_to(ROOT)} is current with openapi.json")
            return 0
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
        print(f"regenerated {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
