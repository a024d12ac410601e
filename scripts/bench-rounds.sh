#!/usr/bin/env bash
# The six command lines of docs/benchmarks.md ("How to reproduce"), ROUNDS times back to
# back, against stubs already running on PORT (LATENCY_MS=0, default 18181) and SLOW_PORT
# (LATENCY_MS=50, default 18182); prints the results table of docs/benchmarks.md (the median round
# by runs/s per line, ranges over the rounds) and keeps the raw JSON lines in OUT.
#
#   scripts/bench-rounds.sh ROUNDS BINARY [OUT]
#   e.g. scripts/bench-rounds.sh 3 .build/release/aviary /tmp/rounds.jsonl
#
# Read the stub's own CPU per run first: it tells how fast the VM is while the rounds run (hosts
# of this machine kind differ by up to 4x; docs/benchmarks.md gives the stub's figures next to the
# results). Compare rounds only with rounds of a similar stub CPU (use scripts/bench-ab.sh to
# compare builds in any hour).
set -euo pipefail
if [ $# -lt 2 ]; then sed -n 2,13p "$0" >&2; exit 2; fi
rounds=$1 binary=$2 out=${3:-$(mktemp)}
: > "$out"
for round in $(seq "$rounds"); do
  for spec in "tool-loop 2000 1 ${PORT:-18181}" "tool-loop 5000 64 ${PORT:-18181}" "tool-loop 2000 64 ${SLOW_PORT:-18182}" \
              "delegate 2000 1 ${PORT:-18181}" "delegate 5000 64 ${PORT:-18181}" "delegate 2000 64 ${SLOW_PORT:-18182}"; do
    set -- $spec
    "$binary" bench --workload "$1" -n "$2" -c "$3" --warmup 20 --port "$4" 2>/dev/null | tail -1 >> "$out"
  done
  echo "round $round/$rounds done" >&2
done
python3 - "$out" <<'PY'
import collections, json, sys
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    d = json.loads(line)
    rows.setdefault((d["workload"], d["concurrency"], d["latency_ms"]), []).append(d)
print("| workload | C | LLM latency | runs | runs/s (range) | p50 ms | p99 ms | CPU ms/run (range) | max RSS MB "
      "| failures (all rounds) | LLM req/run | stub CPU ms/run | stolen CPU s/round |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for (workload, c, latency), ds in rows.items():
    med = sorted(ds, key=lambda d: d["runs_per_s"])[len(ds) // 2]
    cpu = [d["cpu_s_per_run"] * 1000 for d in ds]
    rps = [d["runs_per_s"] for d in ds]
    steal = [d["steal_cpu_s"] for d in ds]
    print(f"| {workload} | {c} | {latency} ms | {med['runs']} | {med['runs_per_s']} ({min(rps)}–{max(rps)}) "
          f"| {med['p50_ms']} | {med['p99_ms']} | {med['cpu_s_per_run'] * 1000:.2f} ({min(cpu):.2f}–{max(cpu):.2f}) "
          f"| {med['max_rss_mb']} | {sum(d['failures'] for d in ds)} | {med['llm_requests_per_run']} "
          f"| {med['stub_cpu_s_per_run'] * 1000:.2f} | {min(steal):.2f}–{max(steal):.2f} |")
PY
echo "raw lines: $out" >&2
