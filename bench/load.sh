#!/usr/bin/env bash
# The bounded load test (bash bench/run.sh load), issue 11's figure: CLIENTS (200) clients in
# POOLS (10) pools each upload a 1 MiB file every INTERVAL ms (10000) for SECONDS (300), while the
# timestamp-grouping job runs every 10 s, each sealed PT30S group is dispatched to a processor the
# driver serves (which PUTs a result back), and carts of five files are made and downloaded one
# after another. Recorded: uploads, failures, MB/s, upload latency p50/p99/max, groups DONE, carts,
# and the server's RSS and open descriptors at the start and the end. Baseline, same run, same
# driver and offered load: the raw fsync sink of bench/tus (for BASELINE_SECONDS, default 60).
# Quick try: LOAD_SECONDS=30 BASELINE_SECONDS=15 CLIENTS=20 bash bench/run.sh load
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
CLIENTS=${CLIENTS:-200}
POOLS=${POOLS:-10}
INTERVAL=${INTERVAL:-10000}
DURATION=${LOAD_SECONDS:-300}
BASELINE=${BASELINE_SECONDS:-60}
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
SINK_PORT=${BENCH_SINK_PORT:-18082}
PROCESSOR_PORT=${BENCH_PROCESSOR_PORT:-18095}
JAVA_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password"
WORK="$ROOT/bench/target/load"
DATA="$WORK/dropcart"

command -v node > /dev/null || { echo "node is needed" >&2; exit 1; }
for p in "$PORT" "$BROKER_PORT" "$SINK_PORT" "$PROCESSOR_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
rm -rf "$WORK"; mkdir -p "$WORK/sink"

SINK_PID=
cleanup() {
  set +e
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2> /dev/null
  stop_dropcart "$DATA"
  rm -rf "$WORK/sink"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Baseline: the raw fsync sink, $CLIENTS clients, ${BASELINE} s"
node bench/tus/sink.mjs "$SINK_PORT" "$WORK/sink" > "$WORK/sink.log" 2>&1 &
SINK_PID=$!
sleep 1
node bench/load/load.mjs --url "http://127.0.0.1:$SINK_PORT/" --clients "$CLIENTS" --interval "$INTERVAL" \
  --seconds "$BASELINE" --server-pid "$SINK_PID" | tee "$WORK/sink.json"
kill "$SINK_PID"; SINK_PID=
rm -rf "$WORK/sink"

echo "Dropcart: $CLIENTS clients in $POOLS pools, ${DURATION} s"
start_dropcart "$DATA" "$WORK/dropcart.log" DROPCART_GROUPING_SCHEDULE=PT10S DROPCART_PROCESSOR_TIMEOUT=PT2M
node bench/load/load.mjs --url "http://127.0.0.1:$PORT/" --admin-password "$ADMIN_PASSWORD" --clients "$CLIENTS" \
  --pools "$POOLS" --interval "$INTERVAL" --seconds "$DURATION" --server-pid "$DC_PID" \
  --processor-port "$PROCESSOR_PORT" | tee "$WORK/dropcart.json"
drain_started=$(date +%s)
drain_uploads "$DATA"
DRAIN=$(( $(date +%s) - drain_started ))
echo "Store pipeline drained ${DRAIN} s after the last upload"

node --input-type=module - "$WORK/sink.json" "$WORK/dropcart.json" "$DRAIN" "$(machine)" > "$WORK/section.md" <<'EOF'
import fs from 'node:fs';
const [sinkFile, dcFile, drain, machine] = process.argv.slice(2);
const s = JSON.parse(fs.readFileSync(sinkFile, 'utf8'));
const d = JSON.parse(fs.readFileSync(dcFile, 'utf8'));
const f = (x, n = 1) => (x === null || x === undefined ? '–' : Number(x).toFixed(n));
const row = (name, r) => `| ${name} | ${f(r.seconds, 0)} | ${r.uploads} | ${r.failures} | ${f(r.mbps)} | ${r.p50} | ${r.p99} | ${r.max} |`;
console.log(`## Bounded load

${machine}. \`bash bench/run.sh load\`: ${d.clients} clients in ${d.pools} pools, each uploading a
${(d.size / 1048576).toFixed(0)} MiB file (tus POST + one PATCH) every ${d.interval / 1000} s, while the
timestamp-grouping job runs every 10 s, each sealed 30 s window is dispatched to a processor that
PUTs a result back, and carts of five files are made, downloaded and deleted one after another.
Baseline: the same driver and offered load against the raw fsync sink of the tus benchmark.
Latency is one upload, POST to the PATCH's answer, in ms.

| target | seconds | uploads | failures | MB/s | p50 | p99 | max |
|---|---|---|---|---|---|---|---|
${row('raw fsync sink (baseline)', s)}
${row('Dropcart', d)}

During the Dropcart run: ${d.processorCalls} groups dispatched, ${d.groupsDone} results returned
(groups DONE), ${d.carts} carts ready and downloaded (median ${d.cartMedianMs} ms from POST to
ready; ${d.cartFailures} failed; a file is listed, and can go in a cart, once stored, which under
this steady ingest is up to \`dropcart.upload.store-defer\` = 30 s after its upload). The store
pipeline had moved every upload into the file store ${drain} s after the last one. Server at the start → end: RSS ${d.start.rssMiB} → ${d.finish.rssMiB}
MiB, open descriptors ${d.start.fds} → ${d.finish.fds}.${Object.keys(d.errors).length ? ' Errors: ' + JSON.stringify(d.errors) + '.' : ''}`);
EOF
write_section "$WORK/section.md"
echo "Wrote the 'Bounded load' section of BENCHMARKS.md"
