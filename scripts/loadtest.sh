#!/usr/bin/env bash
# Load test of `aviary serve`: wrk drives POST /chat (each request a new session) against the
# tool-loop agent of scripts/loadtest/project, whose model is the scripted stub LLM of
# shared/bench. Prints wrk's numbers, the server's peak RSS and a check that every request's run
# is stored completed (no errors, no lost runs).
#
#   scripts/loadtest.sh [CONNECTIONS...]      default: 64 512; DURATION=20s, LATENCY_MS=0
#
# Needs: wrk (apt-get install wrk), node, python3. Builds aviary in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CONNS=("${@:-64}")
if [ $# -eq 0 ]; then CONNS=(64 512); fi
DURATION="${DURATION:-20s}"
LATENCY_MS="${LATENCY_MS:-0}"
BENCH_DIR="${AVIARY_BENCH_DIR:-$ROOT/../shared/bench}"
command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -f "$BENCH_DIR/stub-llm.js" ] || { echo "error: $BENCH_DIR/stub-llm.js not found (set AVIARY_BENCH_DIR)" >&2; exit 1; }

echo "==> building aviary (release)" >&2
swift build -c release --product aviary >/tmp/aviary-loadtest-build.log 2>&1 || { tail -30 /tmp/aviary-loadtest-build.log >&2; exit 1; }
BIN="$(swift build -c release --show-bin-path)/aviary"

WORK="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
STUB_PORT="$(free_port)"; SERVER_PORT="$(free_port)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

cp -r scripts/loadtest/project "$WORK/project"
PORT="$STUB_PORT" LATENCY_MS="$LATENCY_MS" node "$BENCH_DIR/stub-llm.js" >"$WORK/stub.log" 2>&1 &
PIDS+=($!)
export OPENAI_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" OPENAI_API_KEY=x
KEY="$("$BIN" keys create --project "$WORK/project" --tenant load --role service --principal wrk 2>/dev/null)"
"$BIN" serve --project "$WORK/project" --port "$SERVER_PORT" --log-level warning >"$WORK/server.log" 2>&1 &
SERVER=$!
PIDS+=($SERVER)
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$SERVER_PORT/health" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$SERVER_PORT/health" >/dev/null || { echo "error: server did not start" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

echo "==> warm-up" >&2
AVIARY_KEY="$KEY" wrk -t2 -c16 -d3s -s scripts/loadtest/chat.lua "http://127.0.0.1:$SERVER_PORT/chat" >/dev/null
TOTAL=0
for C in "${CONNS[@]}"; do
  echo "==> $C concurrent sessions for $DURATION (stub latency ${LATENCY_MS} ms)" >&2
  OUT="$(AVIARY_KEY="$KEY" wrk -t2 -c"$C" -d"$DURATION" --timeout 60s -s scripts/loadtest/chat.lua "http://127.0.0.1:$SERVER_PORT/chat")"
  RESULT="$(echo "$OUT" | sed -n 's/^RESULT //p')"
  RSS="$(awk '/VmHWM/ {print $2/1024}' /proc/$SERVER/status)"
  echo "{\"connections\":$C,\"latency_ms\":$LATENCY_MS,\"server_peak_rss_mb\":$RSS,\"wrk\":$RESULT}"
  TOTAL=$((TOTAL + $(echo "$RESULT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])')))
done

echo "==> waiting for the runs still in flight (wrk stops waiting; the server finishes them)" >&2
for _ in $(seq 1 600); do
  ACTIVE="$(curl -sf "http://127.0.0.1:$SERVER_PORT/metrics" | awk '/^aviary_runs_active/ {s += $2} END {print s + 0}')"
  [ "$ACTIVE" = "0" ] && break
  sleep 0.1
done
echo "==> checking the store: every /chat run completed" >&2
kill -TERM "$SERVER"; wait "$SERVER" || true
python3 - "$WORK/project/.aviary/aviary.sqlite" <<'PY'
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1])
rows = dict(db.execute("SELECT status, COUNT(*) FROM runs WHERE tenant_id = 'load' GROUP BY status").fetchall())
print(json.dumps({"runs_by_status": rows}))
bad = sum(v for k, v in rows.items() if k != "completed")
sys.exit(1 if bad else 0)
PY
