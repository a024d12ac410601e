#!/usr/bin/env bash
# Memory of runs waiting for approval (README, "Approvals"): a waiting run holds no task and no
# memory in the server, only its rows.
#
#   PORT=18191 node ../shared/bench/stub-llm.js &
#   scripts/measure-waiting.sh .build/release/aviary 10000
#
# Serves a project whose agent needs approval for every `get_customer` call (the stub's first
# reply), starts RUNS chats (each answers 202 `waiting`), and prints the server's RSS after a
# warm-up of 200 chats, after all RUNS, and after a restart over the same database; then the
# runs the server still executes (`aviary_runs_active`, expected 0) and the waiting rows.
set -euo pipefail
BIN=$(realpath "${1:?usage: scripts/measure-waiting.sh AVIARY_BINARY [RUNS]}")
RUNS=${2:-10000}
STUB_PORT=${PORT:-18191}
SERVE_PORT=${SERVE_PORT:-18192}
DIR=$(mktemp -d)
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$DIR"' EXIT
mkdir -p "$DIR/agents" "$DIR/tools" "$DIR/data"
cat > "$DIR/aviary.yaml" <<YAML
model: openai/stub
default_agent: support
server: {rate_limit: {per_second: 100000, burst: 100000}}
YAML
cat > "$DIR/agents/support.yaml" <<YAML
name: support
instructions: Look customers up.
tools: [get_customer]
approvals: {get_customer: always}
YAML
cat > "$DIR/tools/get_customer.yaml" <<YAML
kind: sql
name: get_customer
description: Look up a customer by id.
database: ../data/customers.db
parameters: {type: object, properties: {customer_id: {type: string}}, required: [customer_id]}
query: SELECT id, status FROM customers WHERE id = :customer_id
YAML
echo "CREATE TABLE customers (id TEXT, status TEXT); INSERT INTO customers VALUES ('c42', 'active');" > "$DIR/data/customers.sql"
export OPENAI_API_KEY=stub OPENAI_BASE_URL="http://127.0.0.1:$STUB_PORT/v1"
KEY=$("$BIN" keys create --project "$DIR" --tenant default --role admin --principal ops)

serve() {
  "$BIN" serve --project "$DIR" --port "$SERVE_PORT" --log-level error >"$DIR/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$SERVE_PORT/health" >/dev/null && return; sleep 0.1; done
  echo "serve did not start"; cat "$DIR/serve.log"; exit 1
}
rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$SERVER/status"; }
chats() {
  python3 - "$SERVE_PORT" "$KEY" "$1" <<'PY'
import http.client, json, sys, threading
port, key, total = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
lock, counts = threading.Lock(), {"n": 0, "bad": 0}
def worker():
    conn = http.client.HTTPConnection("127.0.0.1", port)
    while True:
        with lock:
            if counts["n"] >= total: return
            counts["n"] += 1
        conn.request("POST", "/chat", json.dumps({"question": "who is c42?"}),
                     {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
        r = conn.getresponse(); body = json.loads(r.read())
        if r.status != 202 or body.get("status") != "waiting":
            with lock: counts["bad"] += 1
threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
if counts["bad"]: sys.exit(f"{counts['bad']} chats did not answer 202 waiting")
PY
}
executing() { curl -s "http://127.0.0.1:$SERVE_PORT/metrics" -H "Authorization: Bearer $KEY" | awk '/^aviary_runs_active[ {]/ {s += $NF; f = 1} END {print f ? s : "absent (metrics not served)"}'; }

serve
echo "RSS at start: $(rss)"
chats 200
echo "RSS after 200 waiting runs (warm-up): $(rss)"
start=$(date +%s.%N)
chats $((RUNS - 200))
end=$(date +%s.%N)
echo "RSS after $RUNS waiting runs: $(rss) ($(echo "$end - $start" | bc) s for $((RUNS - 200)) chats)"
echo "runs executing in the server: $(executing)"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
serve
echo "RSS after a restart over $RUNS waiting runs: $(rss)"
sqlite3 "$DIR/.aviary/aviary.sqlite" "SELECT 'rows: ' || COUNT(*) || ' runs waiting' FROM runs WHERE status = 'waiting'"
sqlite3 "$DIR/.aviary/aviary.sqlite" "SELECT 'waiting steps: ' || COUNT(*) FROM journal WHERE state = 'waiting'"
