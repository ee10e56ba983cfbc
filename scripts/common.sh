# Shared by the scripts in this folder: environment, set-up, training.
# shellcheck shell=bash
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$PROJECT_ROOT"

export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=3
export TF_DETERMINISTIC_OPS=1  # same data, same model: story tests must not flake
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export LOG_DIR="${LOG_DIR:-$PROJECT_ROOT/logs}"
export MODEL_DIR="$PROJECT_ROOT/models"
export ACTION_PORT="${ACTION_PORT:-5055}"
export RASA_PORT="${RASA_PORT:-5005}"
VENV_BIN="$PROJECT_ROOT/.venv/bin"
export PATH="$VENV_BIN:$HOME/.local/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# A pinned environment from uv.lock (uv itself comes from PyPI if missing).
ensure_environment() {
  if ! command -v uv >/dev/null 2>&1; then
    log "Installing uv"
    python3 -m pip install --quiet --user "uv==0.13.9" || python3 -m pip install --quiet "uv==0.13.9"
  fi
  if [ ! -x "$VENV_BIN/rasa" ] || [ uv.lock -nt "$PROJECT_ROOT/.venv/.synced" ] || [ pyproject.toml -nt "$PROJECT_ROOT/.venv/.synced" ]; then
    log "Installing the pinned environment (uv sync --frozen)"
    # --compile-bytecode: every server start would otherwise compile ~5,000
    # source files again where PYTHONDONTWRITEBYTECODE is set (as on CI).
    uv sync --frozen --compile-bytecode --python 3.11
    touch "$PROJECT_ROOT/.venv/.synced"
  fi
}

# ensure_trained NAME CONFIG INPUT...
# Trains $MODEL_DIR/NAME.tar.gz (rasa train with CONFIG) when it is missing or
# stale: stale when the fingerprint (sha256) of CONFIG and the INPUT files
# differs from the one in NAME.fingerprint, written after the last training.
# Writes NAME.tar.gz, NAME.fingerprint and NAME.train_seconds (the benchmark
# reads it); the training log goes to $LOG_DIR/train-NAME.log.
ensure_trained() {
  local name="$1" config="$2"
  shift 2
  local fingerprint model="$MODEL_DIR/$name.tar.gz" train_log="$LOG_DIR/train-$name.log"
  fingerprint="$(cat "$config" "$@" | sha256sum | cut -d' ' -f1)"
  if [ -f "$model" ] && [ "$(cat "$MODEL_DIR/$name.fingerprint" 2>/dev/null)" = "$fingerprint" ]; then
    log "Model '$name' is up to date ($model)"
    return
  fi
  log "Training model '$name' with $config (rasa train; log: $train_log)"
  local started=$SECONDS
  mkdir -p "$LOG_DIR"
  if ! rasa train --force --config "$config" --fixed-model-name "$name" --out "$MODEL_DIR" >"$train_log" 2>&1; then
    tail -40 "$train_log"; log "Training '$name' failed"; return 1
  fi
  echo "$fingerprint" > "$MODEL_DIR/$name.fingerprint"
  echo "$((SECONDS - started))" > "$MODEL_DIR/$name.train_seconds"
  log "Model '$name' trained in $((SECONDS - started)) s"
}

# Our bot: build the spaCy pipeline, then train when missing or stale. The
# fingerprint covers our code too (Rasa's own does not see the custom NLU
# component's code).
ensure_model() {
  python -m understanding.spacy_model >/dev/null
  # shellcheck disable=SC2046  # data file names have no spaces
  ensure_trained current config.yml domain.yml knowledge/vocabulary.yml understanding/*.py \
    $(find data -name '*.yml' | sort)
}

# The baseline bot: same data and domain, Rasa's default config
# (baseline/config.yml). Only the report and the benchmark need it.
ensure_baseline_model() {
  # shellcheck disable=SC2046
  ensure_trained baseline baseline/config.yml domain.yml $(find data -name '*.yml' | sort)
}

# Wait until a URL answers, or fail after $2 seconds.
wait_for() {
  local url="$1" timeout="${2:-120}" waited=0
  until curl -fsS "$url" >/dev/null 2>&1; do
    sleep 1; waited=$((waited + 1))
    if [ "$waited" -ge "$timeout" ]; then log "Timed out waiting for $url"; return 1; fi
  done
}

# The chat widget from the npm registry, as pinned by web/package-lock.json.
ensure_web_widget() {
  if [ ! -f web/node_modules/rasa-webchat/lib/index.js ] || [ web/package-lock.json -nt web/node_modules ]; then
    log "Installing the web chat widget (npm ci)"
    (cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's chromium for the browser test (Playwright drives it; its own
# browser download does not work on our machines).
ensure_browser() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing Debian's chromium for the browser test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    log "Please install chromium (sudo apt-get install -y chromium) for the browser test"; return 1
  fi
}

start_action_server() {
  mkdir -p "$LOG_DIR"
  log "Starting the action server on port $ACTION_PORT (log: $LOG_DIR/actions.log)"
  rasa run actions --port "$ACTION_PORT" --actions actions >"$LOG_DIR/actions.log" 2>&1 &
  ACTION_PID=$!
  wait_for "http://localhost:$ACTION_PORT/health" 120
}
