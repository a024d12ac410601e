#!/usr/bin/env bash
# Storage per finished `tool-loop` run before and after pruning (docs/storage.md, "Retention").
#
#   PORT=18191 node ../shared/bench/stub-llm.js &
#   scripts/measure-retention.sh .build/release/aviary 1000
#
# Runs RUNS `tool-loop` runs (`aviary bench`, C=1, no warm-up) into a fresh SQLite file, then prints,
# before and after `aviary runs prune --older-than 1s`: the rows of runs, journal and run_events,
# the bytes of each table with its indexes (dbstat), and the file's bytes (page_count * page_size)
# as pruning leaves it and after VACUUM, each also per run. Needs the sqlite3 shell.
set -euo pipefail
BIN=${1:?usage: scripts/measure-retention.sh AVIARY_BINARY [RUNS]}
RUNS=${2:-1000}
PORT=${PORT:-18191}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
DB="$DIR/aviary.sqlite"

"$BIN" bench --workload tool-loop -n "$RUNS" -c 1 --warmup 0 --port "$PORT" --database "$DB" >/dev/null 2>"$DIR/bench.log"

bytes() { sqlite3 "$DB" "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"; }
report() {
  sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  echo "== $1"
  sqlite3 "$DB" "SELECT 'rows: runs ' || (SELECT COUNT(*) FROM runs) || ', journal ' || (SELECT COUNT(*) FROM journal)
                   || ', run_events ' || (SELECT COUNT(*) FROM run_events)
                   || ' (completed runs: ' || (SELECT COUNT(*) FROM runs WHERE status = 'completed') || ')'"
  sqlite3 "$DB" "SELECT 'bytes with indexes: ' || group_concat(t || ' ' || b, ', ') FROM (
                   SELECT tbl_name AS t, SUM(pgsize) AS b FROM dbstat JOIN sqlite_master AS s ON dbstat.name = s.name
                   WHERE tbl_name IN ('runs', 'journal', 'run_events') GROUP BY tbl_name ORDER BY tbl_name)"
  local runs file vacuumed
  runs=$(sqlite3 "$DB" "SELECT COUNT(*) FROM runs")
  file=$(bytes)
  sqlite3 "$DB" "VACUUM"
  vacuumed=$(bytes)
  echo "file bytes: $file ($((file / runs)) per run); after VACUUM: $vacuumed ($((vacuumed / runs)) per run)"
}

report "after $RUNS tool-loop runs"
sleep 1   # every run is now older than the prune's 1 s
AVIARY_DATABASE_PATH="$DB" "$BIN" runs prune --older-than 1s --project "$DIR"
report "after aviary runs prune --older-than 1s"
