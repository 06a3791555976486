#!/usr/bin/env bash
# Boot benchmark (bash bench/run.sh boot; bash bench/run.sh runs it with the others).
# Process start -> ready, and RSS once ready, for
#   - the baseline: bare Payara Micro 6 (same jar, same JVM options, no application; ready = its
#     HTTP listener answers)
#   - Dropcart on a fresh data directory (first start: keys, schema, admin)
#   - Dropcart restarted on that data directory
# Each is run RUNS times (default 3); the median is reported. Results go to the "Boot time and
# memory" section of BENCHMARKS.md.
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) stops the benchmark too
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
WORK="$ROOT/bench/target/boot"
JAVA_OPTS="-Xmx1g"
rm -rf "$WORK"; mkdir -p "$WORK"

if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
MICRO="$ROOT/web/target/runtime/payara-micro.jar"

now_ms() { date +%s%3N; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# wait_ready URL PATTERN PID -> prints elapsed ms since $START
wait_ready() {
  local url=$1 pattern=$2 pid=$3
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; return 1; }
    if curl -fs -m 2 "$url" 2>/dev/null | grep -q "$pattern"; then
      echo $(( $(now_ms) - START ))
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# wait_listening URL PID -> elapsed ms once the server answers HTTP at all (bare Payara Micro has
# no health endpoint without an application)
wait_listening() {
  local url=$1 pid=$2
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; return 1; }
    if [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null)" != "000" ]; then
      echo $(( $(now_ms) - START ))
      return 0
    fi
    sleep 0.2
  done
  return 1
}

stop() { kill -9 "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; sleep 1; }

# On any exit, no server of this benchmark is left running.
RUNNING=()
cleanup() {
  local p
  for p in "${RUNNING[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for d in "$WORK"/data-*; do
    [ -f "$d/dropcart.pid" ] && kill -9 "$(cat "$d/dropcart.pid")" 2>/dev/null || true
  done
  rm -rf "$WORK"/data-* "$WORK/bare" # the logs stay
}
trap cleanup EXIT
trap 'exit 130' INT TERM

baseline_ms=(); baseline_rss=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/bare"; mkdir -p "$WORK/bare"
  START=$(now_ms)
  java $JAVA_OPTS -Djava.io.tmpdir="$WORK/bare" -jar "$MICRO" --nocluster --rootdir "$WORK/bare/root" \
    --port "$PORT" > "$WORK/bare.log" 2>&1 &
  pid=$!; RUNNING+=("$pid")
  baseline_ms+=("$(wait_listening "http://localhost:$PORT/" "$pid")")
  sleep 2; baseline_rss+=("$(rss_mib "$pid")")
  stop "$pid"
done

run_dropcart() { # $1 = data dir; echoes "ms rss"
  START=$(now_ms)
  DROPCART_DATA_DIR="$1" DROPCART_PORT="$PORT" DROPCART_BROKER_PORT="$BROKER_PORT" DROPCART_SKIP_BUILD=1 \
    DROPCART_JAVA_OPTS="$JAVA_OPTS" bash src/main/liberty-or-payara/run.sh > "$WORK/dropcart.log" 2>&1 &
  local launcher=$!; RUNNING+=("$launcher")
  local ms
  ms=$(wait_ready "http://localhost:$PORT/health/ready" '"name":"application","status":"UP"' "$launcher")
  sleep 2
  local pid; pid=$(cat "$1/dropcart.pid")
  echo "$ms $(rss_mib "$pid")"
  stop "$pid"; wait "$launcher" 2>/dev/null || true
}

first_ms=(); first_rss=(); again_ms=(); again_rss=()
for i in $(seq 1 "$RUNS"); do
  data="$WORK/data-$i"; rm -rf "$data"
  read -r ms rss < <(run_dropcart "$data"); first_ms+=("$ms"); first_rss+=("$rss")
  read -r ms rss < <(run_dropcart "$data"); again_ms+=("$ms"); again_rss+=("$rss")
done

m() { printf '%s\n' "$@" | median; }
B_MS=$(m "${baseline_ms[@]}"); B_RSS=$(m "${baseline_rss[@]}")
F_MS=$(m "${first_ms[@]}"); F_RSS=$(m "${first_rss[@]}")
A_MS=$(m "${again_ms[@]}"); A_RSS=$(m "${again_rss[@]}")

cat > "$WORK/section.md" <<MD
## Boot time and memory

$(machine), Payara Micro 6.2025.10, JVM \`$JAVA_OPTS\`,
median of $RUNS runs. Boot = process start until ready: for Dropcart, \`/health/ready\` UP with
its application, database, broker, Mongo and volume checks; for the bare runtime (which has no
health endpoint without an application), its HTTP listener answering. RSS = resident memory of the
server JVM 2 s after that.

| what | boot (ms) | RSS (MiB) | runs (ms) |
|---|---:|---:|---|
| baseline: bare Payara Micro, no application | $B_MS | $B_RSS | ${baseline_ms[*]} |
| Dropcart, first start (empty data dir: keys, schema, admin) | $F_MS | $F_RSS | ${first_ms[*]} |
| Dropcart, restart on the same data dir | $A_MS | $A_RSS | ${again_ms[*]} |

Dropcart adds $(( F_MS - B_MS )) ms and $(( F_RSS - B_RSS )) MiB to a bare Payara Micro on a first
start, $(( A_MS - B_MS )) ms and $(( A_RSS - B_RSS )) MiB on a restart.
MD
write_section "$WORK/section.md"
cat "$WORK/section.md"
