"""Type-check the README's Python examples and scripts/demo.py with ``mypy --strict``.

A README block that does not import the package itself is a fragment that uses ``client`` (a
`ChatsClient`) and ``chat_id``; it is checked after a preamble that defines them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREAMBLE = """from owui_chats_client import ChatsClient

client = ChatsClient("http://localhost:8080", api_key="sk-...")
chat_id = "c1"
"""


def main() -> int:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    with tempfile.TemporaryDirectory(prefix="owui-readme-") as tmp:
        files = []
        for number, block in enumerate(blocks, 1):
            fragment = "owui_chats_client import" not in block
            path = Path(tmp) / f"readme_block_{number}.py"
            path.write_text((PREAMBLE if fragment else "") + block)
            files.append(str(path))
        files.append(str(ROOT / "scripts" / "demo.py"))
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
    print(result.stdout.strip() or result.stderr.strip())
    if result.returncode == 0:
        print(f"README: {len(blocks)} examples and scripts/demo.py type-check (mypy --strict)")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
