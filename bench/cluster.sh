#!/usr/bin/env bash
# Two-node benchmark (bash bench/run.sh cluster): tus ingest MB/s into one Dropcart node, then into
# two nodes clustered as README's "Scaling out" says, in the same run, with the same client
# (bench/tus/client.mjs; with two nodes its workers alternate between them) and the same services:
# the production profile on the machine's PostgreSQL (a schema of its own), an Artemis broker and a
# Mongo-wire server started here in a process apart (org.dropcart.support.ExternalServices, the
# test suite's), and one shared data directory. Node A runs alone for the one-node figures; node B
# then joins it for the two-node ones. RUNS (3) measurements of each; medians and the ratio go to
# the "Two nodes" section of BENCHMARKS.md.
# Quick try: RUNS=1 FILES=16 bash bench/run.sh cluster
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-8}
FILES=${FILES:-64}
SIZE=${SIZE:-20971520}
WARMUP=${WARMUP:-500}
PORT_A=${BENCH_PORT:-18090}
PORT_B=$((PORT_A + 1))
HZ_A=${BENCH_HZ_PORT:-15900}
HZ_B=$((HZ_A + 1))
JAVA_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password"
WORK="$ROOT/bench/target/cluster"
TUS="$ROOT/bench/tus"
DATA="$WORK/shared"

command -v node > /dev/null || { echo "node is needed" >&2; exit 1; }
(exec 3<> /dev/tcp/127.0.0.1/5432) 2> /dev/null \
  || { echo "PostgreSQL must listen on 127.0.0.1:5432 (database test, user postgres)" >&2; exit 1; }
for p in "$PORT_A" "$PORT_B" "$HZ_A" "$HZ_B"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
rm -rf "$WORK"; mkdir -p "$DATA"
# The WAR, the runtime, and the test classes with their classpath (for ExternalServices).
mvn -B -ntp -q -DskipTests package -pl web -am dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt > "$WORK/build.log" 2>&1 \
  || { echo "the build failed; see $WORK/build.log" >&2; exit 1; }

SERVICES=; SERVICES_IN=; LAUNCHERS=()
cleanup() {
  set +e
  for l in "${LAUNCHERS[@]}"; do kill "$l" 2> /dev/null; done
  for f in "$DATA"/dropcart-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2> /dev/null; done
  sleep 5
  for p in $(pgrep -f -- "-Ddropcart.data.dir=$DATA" 2> /dev/null); do kill -9 "$p" 2> /dev/null; done
  [ -n "$SERVICES_IN" ] && exec {SERVICES_IN}>&-
  [ -n "$SERVICES" ] && kill "$SERVICES" 2> /dev/null
  wait 2> /dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The services, in a process whose standard input we hold: it ends when we close it.
mkfifo "$WORK/services.in"
java -cp "web/target/test-classes:$(cat web/target/test-classpath.txt)" \
  -Ddropcart.test.work="$WORK" -Ddropcart.test.pg.schema=dropcart_bench_cluster \
  -Ddropcart.test.liberty-or-payara="$ROOT/src/main/liberty-or-payara" \
  org.dropcart.support.ExternalServices < "$WORK/services.in" > "$WORK/services.out" 2> "$WORK/services.log" &
SERVICES=$!
exec {SERVICES_IN}> "$WORK/services.in"
for i in $(seq 1 120); do
  grep -q '^READY$' "$WORK/services.out" 2> /dev/null && break
  kill -0 "$SERVICES" 2> /dev/null || { echo "the services did not start; see $WORK/services.log" >&2; exit 1; }
  [ "$i" = 120 ] && { echo "the services were not ready after 120 s" >&2; exit 1; }
  sleep 1
done
declare -A SVC=()
while IFS='=' read -r k v; do
  [ "$k" = READY ] || SVC[$k]=$v
done < "$WORK/services.out"

# start_node NAME PORT HZ_PORT
start_node() {
  local name=$1 port=$2 hz=$3
  env DROPCART_PROFILE=prod DROPCART_DB_URL="${SVC[DROPCART_DB_URL]}" DROPCART_DB_USER="${SVC[DROPCART_DB_USER]}" \
    DROPCART_DB_PASSWORD="${SVC[DROPCART_DB_PASSWORD]}" DROPCART_MONGO_URI="${SVC[DROPCART_MONGO_URI]}" \
    DROPCART_BROKER_HOST="${SVC[DROPCART_BROKER_HOST]}" DROPCART_BROKER_PORT="${SVC[DROPCART_BROKER_PORT]}" \
    DROPCART_BATCH_POOL="${SVC[DROPCART_BATCH_POOL]}" \
    DROPCART_CLUSTER_MEMBERS="127.0.0.1:$HZ_A,127.0.0.1:$HZ_B" DROPCART_CLUSTER_PORT="$hz" \
    DROPCART_CLUSTER_INTERFACES=127.0.0.1 DROPCART_CLUSTER_NAME="dropcart-bench-$$" \
    DROPCART_NODE_NAME="$name" DROPCART_DATA_DIR="$DATA" DROPCART_PORT="$port" DROPCART_SKIP_BUILD=1 \
    DROPCART_JAVA_OPTS="$JAVA_OPTS" DROPCART_ADMIN_PASSWORD="$ADMIN_PASSWORD" DROPCART_JWT_TTL=PT12H \
    bash src/main/liberty-or-payara/run.sh > "$WORK/node-$name.log" 2>&1 &
  LAUNCHERS+=($!)
  echo "Waiting for node $name (log: $WORK/node-$name.log)..."
  for i in $(seq 1 300); do
    grep -q "Dropcart is ready" "$WORK/node-$name.log" && return 0
    kill -0 "${LAUNCHERS[-1]}" 2> /dev/null || { echo "node $name did not start; see $WORK/node-$name.log" >&2; exit 1; }
    sleep 1
  done
  echo "node $name was not ready after 300 s" >&2; exit 1
}

# The next measurement must not pay for the previous one's store pipeline (bench/lib.sh).
drain() { drain_uploads "$DATA"; }

# measure URLS CLIENTS FILES [SIZE] -> one JSON line
measure() {
  local urls=$1 clients=$2 files=$3 size=${4:-$SIZE}
  drain; sync; sleep 1
  node "$TUS/client.mjs" --url "$urls" --clients "$clients" --files "$files" --size "$size" \
    --token "$TOKEN" --pool "$POOL"
}

RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
# run_phase LABEL URLS: warm-up, then RUNS measurements
run_phase() {
  local label=$1 urls=$2 line
  echo "Warming up $label ($WARMUP uploads of 64 KiB and 16 of $SIZE bytes)..."
  measure "$urls" "$CLIENTS" "$WARMUP" 65536 > /dev/null
  measure "$urls" "$CLIENTS" 16 > /dev/null
  for run in $(seq 1 "$RUNS"); do
    line=$(measure "$urls" "$CLIENTS" "$FILES")
    echo "$label, run $run: $line"
    echo "$line" | node -e 'const r = JSON.parse(require("fs").readFileSync(0));
      r.nodes = process.argv[1]; console.log(JSON.stringify(r))' "$label" >> "$RESULTS"
  done
  drain
}

start_node a "$PORT_A" "$HZ_A"
read -r TOKEN POOL < <(node -e 'const s = JSON.parse(require("fs").readFileSync(0)); console.log(s.token, s.pool)' \
  < <(node "$TUS/dropcart-setup.mjs" "http://127.0.0.1:$PORT_A/" "$ADMIN_PASSWORD"))
[ -n "${POOL:-}" ] || { echo "could not prepare Dropcart (user, pool)" >&2; exit 1; }
run_phase one "http://127.0.0.1:$PORT_A/api/upload/"
start_node b "$PORT_B" "$HZ_B"
grep -q "DG Size: 2" "$WORK/node-b.log" || { echo "node b did not join node a's cluster; see $WORK/node-b.log" >&2; exit 1; }
run_phase two "http://127.0.0.1:$PORT_A/api/upload/,http://127.0.0.1:$PORT_B/api/upload/"

median_of() { # median_of NODES FIELD
  node -e 'const rs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
    .filter((r) => r.nodes === process.argv[2]).map((r) => r[process.argv[3]]).sort((a, b) => a - b);
    const m = rs.length % 2 ? rs[(rs.length - 1) / 2] : (rs[rs.length / 2 - 1] + rs[rs.length / 2]) / 2;
    console.log(m.toFixed(1))' "$RESULTS" "$1" "$2"
}
runs_of() {
  node -e 'console.log(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
    .filter((r) => r.nodes === process.argv[2]).map((r) => r.mbps).join(" "))' "$RESULTS" "$1"
}
ONE=$(median_of one mbps); TWO=$(median_of two mbps)
{
  echo "## Two nodes"
  echo
  echo "$(machine), Payara Micro $(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1) (JVM \`$JAVA_OPTS\` per node), median of $RUNS runs."
  echo
  echo "tus ingest into one node, then into two nodes clustered as README's \"Scaling out\" says,"
  echo "measured in the same run: the production profile on this machine's PostgreSQL, an Artemis"
  echo "broker and a Mongo-wire server in a process apart, one shared data directory, Hazelcast on"
  echo "loopback. The client is \`bench/tus/client.mjs\` with $CLIENTS workers sending $FILES files of"
  echo "$SIZE bytes (one \`POST\`, one \`PATCH\` each); with two nodes its workers alternate between"
  echo "them. MB/s = 10^6 bytes per second from the first request to the last \`204\`; each"
  echo "measurement starts once the store pipeline has moved the previous one's uploads into the"
  echo "Mongo store. Both nodes share this machine's 2 cores and one disk with the services, so the"
  echo "second node adds no hardware: the figure shows what the cluster costs, not what a second"
  echo "machine would add."
  echo
  echo "| nodes | MB/s (median) | runs (MB/s) |"
  echo "|---|---:|---|"
  echo "| one | $ONE | $(runs_of one) |"
  echo "| two | $TWO | $(runs_of two) |"
  echo
  echo "Two nodes / one node: $(awk -v a="$TWO" -v b="$ONE" 'BEGIN { printf "%.2f", a / b }')×."
} > "$WORK/section.md"
write_section "$WORK/section.md"
cat "$WORK/section.md"
