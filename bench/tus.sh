#!/usr/bin/env bash
# tus ingest benchmark (bash bench/run.sh tus; bash bench/run.sh runs it with the others).
# Throughput in MB/s of tus uploads of 20 MiB files by 1, 8 and 32 parallel clients into, in the
# same run and with the same client (bench/tus/client.mjs):
#   - Dropcart (Payara Micro, started here on a fresh data directory),
#   - the peer @tus/server with @tus/file-store (npm, installed into bench/tus/node_modules), timed
#     until a `sync` after its last upload since it never fsyncs,
#   - a raw loopback baseline: a plain Node HTTP server that writes each body to a file and fsyncs.
# Every configuration is run RUNS times (default 3); medians and ratios go to the "tus ingest
# throughput" section of BENCHMARKS.md. Quick try: RUNS=1 CLIENTS="1 8" bash bench/run.sh tus
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) stops the benchmark too
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-1 8 32}
FILES=${FILES:-64}            # files per measurement
SIZE=${SIZE:-20971520}        # bytes per file (20 MiB)
WARMUP=${WARMUP:-1000}        # small uploads per target before measuring
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
PEER_PORT=${BENCH_PEER_PORT:-18081}
SINK_PORT=${BENCH_SINK_PORT:-18082}
JAVA_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password"
WORK="$ROOT/bench/target/tus"
TUS="$ROOT/bench/tus"
DATA="$WORK/dropcart"

command -v node > /dev/null && command -v npm > /dev/null || { echo "node and npm are needed" >&2; exit 1; }
for p in "$PORT" "$BROKER_PORT" "$PEER_PORT" "$SINK_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
if [ ! -f "$TUS/node_modules/.package-lock.json" ] || [ "$TUS/package-lock.json" -nt "$TUS/node_modules/.package-lock.json" ]; then
  (cd "$TUS" && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf "$WORK"; mkdir -p "$DATA/volume/uploads" "$WORK/peer" "$WORK/sink"
if [ "$(stat -c %d "$DATA/volume/uploads" "$WORK/peer" "$WORK/sink" | sort -u | wc -l)" != 1 ]; then
  echo "the targets' storage is not on one file system" >&2; exit 1
fi

SINK_PID=; PEER_PID=; LAUNCHER=; DC_PID=
cleanup() {
  set +e
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2> /dev/null
  [ -n "$PEER_PID" ] && kill "$PEER_PID" 2> /dev/null
  [ -z "$DC_PID" ] && [ -f "$DATA/dropcart.pid" ] && DC_PID=$(cat "$DATA/dropcart.pid")
  if [ -n "$DC_PID" ]; then
    kill "$DC_PID" 2> /dev/null
    for _ in $(seq 1 30); do kill -0 "$DC_PID" 2> /dev/null || break; sleep 1; done
    kill -9 "$DC_PID" 2> /dev/null
  fi
  [ -n "$LAUNCHER" ] && kill "$LAUNCHER" 2> /dev/null
  # Nothing started on this data directory may survive (a launcher killed early leaves its JVM).
  for p in $(pgrep -f -- "-Ddropcart.data.dir=$DATA" 2> /dev/null); do kill -9 "$p" 2> /dev/null; done
  wait 2> /dev/null
  # Keep the logs and the measurements; the uploaded bytes and Dropcart's data go.
  rm -rf "$DATA" "$WORK/peer" "$WORK/sink"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

node "$TUS/sink.mjs" "$SINK_PORT" "$WORK/sink" > "$WORK/sink.log" 2>&1 &
SINK_PID=$!
node "$TUS/peer.mjs" "$PEER_PORT" "$WORK/peer" > "$WORK/peer.log" 2>&1 &
PEER_PID=$!
DROPCART_DATA_DIR="$DATA" DROPCART_PORT="$PORT" DROPCART_BROKER_PORT="$BROKER_PORT" DROPCART_SKIP_BUILD=1 \
  DROPCART_JAVA_OPTS="$JAVA_OPTS" DROPCART_ADMIN_PASSWORD="$ADMIN_PASSWORD" DROPCART_JWT_TTL=PT12H \
  bash src/main/liberty-or-payara/run.sh > "$WORK/dropcart.log" 2>&1 &
LAUNCHER=$!

echo "Waiting for Dropcart (log: $WORK/dropcart.log)..."
for i in $(seq 1 300); do
  kill -0 "$LAUNCHER" 2> /dev/null || { echo "Dropcart did not start; see $WORK/dropcart.log" >&2; exit 1; }
  grep -q "Dropcart is ready" "$WORK/dropcart.log" && break
  [ "$i" = 300 ] && { echo "Dropcart not ready after 300 s" >&2; exit 1; }
  sleep 1
done
DC_PID=$(cat "$DATA/dropcart.pid")
for p in "$SINK_PORT" "$PEER_PORT"; do
  for _ in $(seq 1 50); do (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null && break; sleep 0.1; done
done
read -r TOKEN POOL < <(node -e 'const s = JSON.parse(require("fs").readFileSync(0)); console.log(s.token, s.pool)' \
  < <(node "$TUS/dropcart-setup.mjs" "http://127.0.0.1:$PORT/" "$ADMIN_PASSWORD"))
[ -n "${POOL:-}" ] || { echo "could not prepare Dropcart (user, pool)" >&2; exit 1; }

# Per target: URL, client options, server pid, where its files land.
declare -A URL=([dropcart]="http://127.0.0.1:$PORT/api/upload/" [peer]="http://127.0.0.1:$PEER_PORT/files/"
  [sink]="http://127.0.0.1:$SINK_PORT/sink/")
declare -A OPTS=([dropcart]="--token $TOKEN --pool $POOL" [peer]="--sync" [sink]="")
declare -A PID=([dropcart]="$DC_PID" [peer]="$PEER_PID" [sink]="$SINK_PID")
declare -A STORE=([dropcart]="$DATA/volume/uploads" [peer]="$WORK/peer" [sink]="$WORK/sink")
TARGETS=(dropcart peer sink)

# Dropcart's store pipeline moves every complete upload into GridFS and then frees its bytes on the
# volume: its cost is part of Dropcart's, but the next measurement (of any target) must not pay
# for it (drain_uploads, bench/lib.sh).
drain_dropcart() { drain_uploads "$DATA"; }

minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat"
}

# measure TARGET CLIENTS FILES [SIZE] -> one JSON line on stdout
measure() {
  local t=$1 clients=$2 files=$3 size=${4:-$SIZE} line stored
  if [ "$t" = dropcart ]; then
    drain_dropcart
  else
    find "${STORE[$t]}" -mindepth 1 -delete
  fi
  sync; sleep 1 # start from a disk with nothing left to write, the previous target's included
  local t0 cpu0
  t0=$(date +%s.%N); cpu0=$(cpu_seconds "${PID[$t]}")
  # shellcheck disable=SC2086
  line=$(node "$TUS/client.mjs" --url "${URL[$t]}" --clients "$clients" --files "$files" --size "$size" \
    --server-pid "${PID[$t]}" --label "$t" ${OPTS[$t]})
  if [ "$t" = dropcart ] && [ -n "$line" ]; then
    # Dropcart acknowledged every byte; now the time and CPU until every upload is in the file store.
    drain_dropcart
    line=$(echo "$line" | node -e 'const r = JSON.parse(require("fs").readFileSync(0));
      r.storedSeconds = Number(process.argv[1]); r.storedCpuSeconds = Number(process.argv[2]);
      console.log(JSON.stringify(r))' "$(minus "$(date +%s.%N)" "$t0")" "$(minus "$(cpu_seconds "${PID[$t]}")" "$cpu0")")
  fi
  # The peer and the sink answer 204 whatever they did; check their disk. (Dropcart's 204 carries
  # Upload-Offset, which the client checks, and Dropcart may move a complete upload elsewhere.)
  stored=$(find "${STORE[$t]}" -type f ! -name '*.json' -size "${size}c" | wc -l)
  if [ "$t" != dropcart ] && [ "$stored" != "$files" ]; then
    echo "$t: $stored of $files files of $size bytes on disk after the run" >&2; exit 1
  fi
  [ -n "$line" ] || { echo "$t: the client reported nothing" >&2; exit 1; }
  echo "$line"
}

# A server is measured warm: the JVM's JIT compiles Dropcart's per-request path (security, JPA,
# H2) only after some thousands of requests, and with 20 MiB files a run makes just 128. So each
# target first takes WARMUP small uploads, then 16 big ones, all at 8 clients; none is counted.
echo "Warming up ($WARMUP uploads of 64 KiB and 16 of $SIZE bytes per target)..."
for t in "${TARGETS[@]}"; do
  measure "$t" 8 "$WARMUP" 65536 > /dev/null
  measure "$t" 8 16 > /dev/null
done

RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
  for c in $CLIENTS; do
    for k in 0 1 2; do # each run starts with another target
      t=${TARGETS[$(( (run - 1 + k) % 3 ))]}
      line=$(measure "$t" "$c" "$FILES")
      echo "run $run: $line"
      echo "$line" | node -e 'const r = JSON.parse(require("fs").readFileSync(0));
        r.target = process.argv[1]; r.run = Number(process.argv[2]); console.log(JSON.stringify(r))' "$t" "$run" >> "$RESULTS"
    done
  done
done

PEER="@tus/server $(node -p 'require(process.argv[1]).version' "$TUS/node_modules/@tus/server/package.json")"
PEER="$PEER + @tus/file-store $(node -p 'require(process.argv[1]).version' "$TUS/node_modules/@tus/file-store/package.json")"
MACHINE="$(machine)" PEER="$PEER" FILES="$FILES" SIZE="$SIZE" RUNS="$RUNS" WARMUP="$WARMUP" JAVA_OPTS="$JAVA_OPTS" \
  node "$TUS/report.mjs" "$RESULTS" > "$WORK/section.md"
write_section "$WORK/section.md"
cat "$WORK/section.md"
