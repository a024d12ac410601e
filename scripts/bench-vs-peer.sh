#!/usr/bin/env bash
# Interleaved rounds of `aviary bench` and the OpenAI Agents SDK peer (scripts/peer-openai-agents.py,
# the fastest Python peer of shared/bench/README.md) on one workload, against a stub LLM that is
# already running (PORT, default 18181); prints each program's median CPU per run and runs/s and
# the ratio of the CPU medians. The peers' table in the README is from one hour of 2026-11-22 and
# this VM's speed drifts by tens of percent between hours and up to 4x between hosts: rounds that
# alternate the two programs see the same drift, so their ratio is comparable with the issue's
# "1/20 of the fastest peer" (the ratio itself differs by host: docs/benchmarks.md).
#
#   scripts/bench-vs-peer.sh ROUNDS WORKLOAD CONCURRENCY RUNS BINARY [OUT]
#   e.g. scripts/bench-vs-peer.sh 3 delegate 1 2000 .build/release/aviary
#
# PYTHON (default /tmp/peervenv/bin/python) must have the peer's packages; see the peer's header.
set -euo pipefail
if [ $# -lt 5 ]; then sed -n 2,13p "$0" >&2; exit 2; fi
rounds=$1 workload=$2 concurrency=$3 runs=$4 binary=$5 out=${6:-$(mktemp)}
python=${PYTHON:-/tmp/peervenv/bin/python}
peer="$(dirname "$0")/peer-openai-agents.py"
: > "$out"
for round in $(seq "$rounds"); do
  "$binary" bench --workload "$workload" -n "$runs" -c "$concurrency" --warmup 20 --port "${PORT:-18181}" 2>/dev/null | tail -1 >> "$out"
  "$python" "$peer" --workload "$workload" -n "$runs" -c "$concurrency" --warmup 20 --port "${PORT:-18181}" 2>/dev/null | tail -1 >> "$out"
  echo "round $round/$rounds done" >&2
done
python3 - "$out" <<'PY'
import collections, json, statistics, sys
by = collections.defaultdict(list)
for line in open(sys.argv[1]):
    d = json.loads(line)
    by[d["framework"]].append(d)
for name, ds in by.items():
    cpu = [d["cpu_s_per_run"] * 1000 for d in ds]
    print(f"{name}: CPU ms/run median {statistics.median(cpu):.3f} (min {min(cpu):.3f}, max {max(cpu):.3f}); "
          f"runs/s median {statistics.median(d['runs_per_s'] for d in ds)}; "
          f"stub CPU ms/run median {statistics.median(d['stub_cpu_s_per_run'] * 1000 for d in ds):.2f}; "
          f"failures {sum(d['failures'] for d in ds)}; stolen CPU {sum(d['steal_cpu_s'] for d in ds):.2f} s")
if len(by) == 2:
    a, p = (statistics.median(d["cpu_s_per_run"] for d in by[k]) for k in ("aviary", "openai-agents"))
    print(f"aviary / openai-agents CPU per run: 1/{p / a:.1f}")
PY
