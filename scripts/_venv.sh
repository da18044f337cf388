# Sourced by the scripts: make sure .venv exists with the project and its dev, bench and live extras installed.
# Reinstalls when pyproject.toml changes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
STAMP="$VENV/.pyproject.sha256"
want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
if [[ ! -x "$VENV/bin/python" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$want" ]]; then
  echo "[setup] installing the project and its dev tools into .venv" >&2
  [[ -x "$VENV/bin/python" ]] || "$PY" -m venv "$VENV"
  # (grep drops the warnings this machine's pip prints about its local package mirrors)
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[dev,bench,live]" 2>&1 \
    | { grep -v "^WARNING: Location" || true; } >&2
  echo "$want" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
