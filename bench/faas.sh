#!/usr/bin/env bash
# Function-call benchmark (bash bench/run.sh faas). For a trivial python3 function (echo its params;
# an empty requirements.txt installed by `pip3 install --no-index --target deps`), the latency
# p50/p99 of synchronous invocations (POST /api/faas/invokeFunction?sync=true) and the throughput,
# under each preload policy (function, runtime, none) with 1 and 8 workers: Dropcart is started
# afresh for every configuration, CALLS calls are made by as many client threads as workers, after
# WARMUP calls. The peer in the same run: the same process forked directly by the client (no HTTP,
# no queue, no database, no dependency step), the floor of any process-per-call FaaS on this
# machine. Medians over RUNS go to the "Function calls" section of BENCHMARKS.md.
# Quick try: RUNS=1 CALLS=20 POLICIES=function WORKERS=1 bash bench/run.sh faas
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
CALLS=${CALLS:-200}
WARMUP=${WARMUP:-10}
POLICIES=${POLICIES:-function runtime none}
WORKERS=${WORKERS:-1 8}
PORT=${BENCH_PORT:-18090}
BROKER_PORT=${BENCH_BROKER_PORT:-18626}
ADMIN_PASSWORD="bench-admin-password"
WORK="$ROOT/bench/target/faas"
DATA="$WORK/dropcart"
CLIENT="$ROOT/bench/faas/client.py"

command -v python3 > /dev/null || { echo "python3 is needed" >&2; exit 1; }
for p in "$PORT" "$BROKER_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
rm -rf "$WORK"; mkdir -p "$WORK/peer"

trap 'stop_dropcart "$DATA"' EXIT
trap 'exit 130' INT TERM

field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

RESULTS="$WORK/results.txt"; : > "$RESULTS"
for w in $WORKERS; do
  for r in $(seq 1 "$RUNS"); do
    line=$(python3 "$CLIENT" peer "$WORK/peer" "$CALLS" "$w")
    echo "peer $w $r $line" | tee -a "$RESULTS"
  done
done
for policy in $POLICIES; do
  for w in $WORKERS; do
    for r in $(seq 1 "$RUNS"); do
      start_dropcart "$DATA" "$WORK/dropcart-$policy-$w.log" DROPCART_FAAS_PRELOAD="$policy" DROPCART_FAAS_WORKERS="$w"
      TOKEN=$(python3 "$CLIENT" setup "http://127.0.0.1:$PORT/" "$ADMIN_PASSWORD")
      python3 "$CLIENT" calls "http://127.0.0.1:$PORT/" "$TOKEN" "$WARMUP" "$w" > /dev/null
      line=$(python3 "$CLIENT" calls "http://127.0.0.1:$PORT/" "$TOKEN" "$CALLS" "$w")
      echo "$policy $w $r $line" | tee -a "$RESULTS"
      stop_dropcart "$DATA"
    done
  done
done

med() { # med TARGET WORKERS FIELD
  grep "^$1 $2 " "$RESULTS" | cut -d' ' -f4- | while read -r l; do echo "$l" | field "$3"; done | sort -n \
    | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
SECTION="$WORK/section.md"
{
  echo "## Function calls"
  echo
  echo "$(machine). \`bash bench/run.sh faas\`: $CALLS synchronous calls of a trivial python3 function"
  echo "(echoes its params; empty requirements.txt, \`pip3 install --no-index --target deps\`) after $WARMUP"
  echo "warm-up calls, as many client threads as workers, a fresh Dropcart per configuration; medians of"
  echo "$RUNS runs. Peer: the same \`python3 test.py\` forked directly by the client (no HTTP, queue,"
  echo "database or dependency step)."
  echo
  echo "| target | workers | p50 ms | p99 ms | calls/s | failed |"
  echo "|---|---|---|---|---|---|"
  for w in $WORKERS; do
    echo "| direct fork (peer) | $w | $(med peer "$w" p50_ms) | $(med peer "$w" p99_ms) | $(med peer "$w" per_s) | $(med peer "$w" failed) |"
    for policy in $POLICIES; do
      echo "| Dropcart, preload \`$policy\` | $w | $(med "$policy" "$w" p50_ms) | $(med "$policy" "$w" p99_ms) | $(med "$policy" "$w" per_s) | $(med "$policy" "$w" failed) |"
    done
  done
} > "$SECTION"
cat "$SECTION"
write_section "$SECTION"
