# Sourced by the scripts: make sure .venv exists with the project and its dev, bench, live and
# docs extras.
# Reinstalls when pyproject.toml changes. While pip runs, the elapsed time is shown (one updating
# line on a terminal, a line every 10 s otherwise); a failed install says so and is retried on
# the next run (.venv is only stamped as current once pip has succeeded).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
STAMP="$VENV/.pyproject.sha256"
want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"

_setup_wait() {  # _setup_wait PID WHAT: show elapsed time until PID exits; return its exit code
  local pid="$1" what="$2" start=$SECONDS every=10 rc=0
  [[ -t 2 ]] && every=1
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    local elapsed=$((SECONDS - start))
    if (( elapsed % every == 0 )) && kill -0 "$pid" 2>/dev/null; then
      if [[ -t 2 ]]; then
        printf '\r\033[K[setup]   ... %s: %ds' "$what" "$elapsed" >&2
      else
        echo "[setup]   ... $what: ${elapsed}s" >&2
      fi
    fi
  done
  wait "$pid" || rc=$?
  [[ -t 2 ]] && printf '\r\033[K' >&2
  return "$rc"
}

if [[ ! -x "$VENV/bin/python" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$want" ]]; then
  echo "[setup] installing the project and its dev tools into .venv" \
    "(about 200 MB, usually 1-2 min; redone only when pyproject.toml changes)" >&2
  rm -f "$STAMP"
  setup_start=$SECONDS
  setup_log="$(mktemp)"
  if [[ ! -x "$VENV/bin/python" ]] && ! "$PY" -m venv "$VENV" >"$setup_log" 2>&1; then
    cat "$setup_log" >&2
    echo "[setup] FAILED: creating .venv with $PY -m venv." \
      "Fix the cause above (PYTHON=/path/to/python3.11+ picks another interpreter), then rerun." >&2
    rm -rf "$VENV" "$setup_log"
    exit 1
  fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[dev,bench,live,docs]" \
    >"$setup_log" 2>&1 &
  setup_rc=0
  _setup_wait $! "pip install -e '.[dev,bench,live,docs]'" || setup_rc=$?
  # (grep drops the warnings this machine's pip prints about its local package mirrors)
  { grep -v "^WARNING: Location" "$setup_log" || true; } | tail -40 >&2
  rm -f "$setup_log"
  if (( setup_rc != 0 )); then
    echo "[setup] FAILED after $((SECONDS - setup_start))s: pip install -e '.[dev,bench,live,docs]'" \
      "into .venv (exit $setup_rc). Fix the cause above and rerun the command; the install is" \
      "retried (.venv is not marked as current). To start clean: rm -rf .venv" >&2
    exit "$setup_rc"
  fi
  echo "$want" > "$STAMP"
  echo "[setup] .venv ready after $((SECONDS - setup_start))s" >&2
fi
export PATH="$VENV/bin:$PATH"
