#!/usr/bin/env bash
# Quick start: builds aviary and asks the support-swarm example a question, end to end.
# With OPENAI_API_KEY or ANTHROPIC_API_KEY set, that provider answers; otherwise the embedded
# local model is installed on first use (one-time llama.cpp build, 4-20 min on 2 cores) and started.
set -euo pipefail
cd "$(dirname "$0")/.."
QUESTION="${1:-Are there any active incidents right now, and what should client789 do about their failed transfer?}"
echo "==> building aviary (first build takes a few minutes)" >&2
LOG="$(mktemp)"
if ! swift build --product aviary >"$LOG" 2>&1; then tail -40 "$LOG" >&2; echo "build failed (full log: $LOG)" >&2; exit 1; fi
BIN="$(swift build --product aviary --show-bin-path)/aviary"
echo "==> asking the support swarm: $QUESTION" >&2
exec "$BIN" chat --project Examples/support-swarm --verbose "$QUESTION"
