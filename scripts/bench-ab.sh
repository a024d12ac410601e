#!/usr/bin/env bash
# Interleaved A/B rounds of `aviary bench` for two or more binaries, against a stub LLM that is
# already running (PORT, default 18181). On this shared VM absolute numbers drift by ±10 % between
# hours; rounds that alternate the binaries see the same drift, so compare their medians.
#
#   scripts/bench-ab.sh ROUNDS WORKLOAD CONCURRENCY RUNS BINARY...
#   e.g. cp .build/release/aviary /tmp/aviary-before   # build, change, build again, then:
#        scripts/bench-ab.sh 4 tool-loop 1 1000 /tmp/aviary-before .build/release/aviary
#
# SPIN=1 keeps every CPU busy with a lowest-priority (nice 19) spinner during the rounds. On this
# VM an idle vCPU costs the next wake-up dearly: at C=1 a run measures 15-40 % more CPU when the
# CPUs idle between requests, by an amount that drifts with the hour. With the spinners the
# rounds are steadier, so small differences between builds show; the absolute numbers are not
# comparable with the peers' (measured on idle CPUs).
set -euo pipefail
if [ $# -lt 5 ]; then sed -n 2,8p "$0" >&2; exit 2; fi
rounds=$1 workload=$2 concurrency=$3 runs=$4; shift 4
out=$(mktemp)
spinners=()
cleanup() { rm -f "$out"; [ ${#spinners[@]} -eq 0 ] || kill "${spinners[@]}" 2>/dev/null || true; }
trap cleanup EXIT
if [ "${SPIN:-0}" = 1 ]; then
  for _ in $(seq "$(nproc)"); do nice -n 19 sh -c 'while :; do :; done' & spinners+=($!); done
fi
for round in $(seq "$rounds"); do
  for binary in "$@"; do
    line=$("$binary" bench --workload "$workload" -n "$runs" -c "$concurrency" --warmup 20 --port "${PORT:-18181}" 2>/dev/null | tail -1)
    printf '%s\t%s\n' "$binary" "$line" >> "$out"
    echo "round $round/$rounds done: $binary" >&2
  done
done
python3 - "$out" <<'PY'
import collections, json, statistics, sys
rows = collections.OrderedDict()
for raw in open(sys.argv[1]):
    binary, line = raw.rstrip("\n").split("\t", 1)
    d = json.loads(line)
    rows.setdefault(binary, []).append(d)
for binary, ds in rows.items():
    cpu = [d["cpu_s_per_run"] * 1000 for d in ds]
    rps = [d["runs_per_s"] for d in ds]
    failures = sum(d["failures"] for d in ds)
    steal = sum(d["steal_cpu_s"] for d in ds)
    print(f"{binary}: CPU ms/run median {statistics.median(cpu):.3f} (min {min(cpu):.3f}, max {max(cpu):.3f}); "
          f"runs/s median {statistics.median(rps):.1f} (max {max(rps):.1f}); failures {failures}; stolen CPU {steal:.2f} s")
PY
