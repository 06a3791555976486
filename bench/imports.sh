#!/usr/bin/env bash
# Import benchmark (bash bench/run.sh imports; bash bench/run.sh runs it with the others).
# A tar.gz of IMPORT_FILES (default 5,000) files of IMPORT_SIZE (default 100,000) bytes of random data, about
# 500 MB, served by a plain HTTP server on loopback (python3 -m http.server). Per run: Dropcart
# imports it with unarchive into a pool (POST /api/imports, polled until done: download, check,
# every entry stored as a file of the pool), and `curl | tar -xz` extracts the same URL into the
# same file system, then sync. Each run uses a new query string, so Dropcart's import cache never
# answers. Medians of RUNS (default 3) go to the "Import and unpack" section of BENCHMARKS.md.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
FILES=${IMPORT_FILES:-5000}
SIZE=${IMPORT_SIZE:-100000}
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
HTTP_PORT=${BENCH_HTTP_PORT:-18084}
JAVA_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password"
WORK="$ROOT/bench/target/imports"
DATA="$WORK/dropcart"

for c in python3 curl tar node; do command -v $c > /dev/null || { echo "$c is needed" >&2; exit 1; }; done
for p in "$PORT" "$BROKER_PORT" "$HTTP_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi

rm -rf "$WORK"; mkdir -p "$DATA" "$WORK/serve" "$WORK/files/set" "$WORK/out"
echo "Writing $FILES files of $SIZE bytes and their tar.gz..."
python3 - "$WORK/files/set" "$FILES" "$SIZE" <<'PY'
import os, sys
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    with open(os.path.join(d, f"file-{i:05d}.bin"), "wb") as f:
        f.write(os.urandom(size))
PY
tar -czf "$WORK/serve/set.tar.gz" -C "$WORK/files" set
rm -rf "$WORK/files"
ARCHIVE_BYTES=$(stat -c %s "$WORK/serve/set.tar.gz")
sync

HTTP_PID=
cleanup() {
  set +e
  [ -n "$HTTP_PID" ] && kill "$HTTP_PID" 2> /dev/null
  stop_dropcart "$DATA"
  wait 2> /dev/null
  rm -rf "$WORK/serve" "$WORK/out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 -m http.server --bind 127.0.0.1 --directory "$WORK/serve" "$HTTP_PORT" > "$WORK/http.log" 2>&1 &
HTTP_PID=$!
start_dropcart "$DATA" "$WORK/dropcart.log"
read -r TOKEN POOL < <(node -e 'const s = JSON.parse(require("fs").readFileSync(0)); console.log(s.token, s.pool)' \
  < <(node bench/tus/dropcart-setup.mjs "http://127.0.0.1:$PORT/" "$ADMIN_PASSWORD"))
[ -n "${POOL:-}" ] || { echo "could not prepare Dropcart (user, pool)" >&2; exit 1; }
URL="http://127.0.0.1:$HTTP_PORT/set.tar.gz"

RESULTS="$WORK/results.jsonl"; : > "$RESULTS"
for r in $(seq 1 "$RUNS"); do
  sync
  d=$(python3 bench/imports/measure.py dropcart "http://127.0.0.1:$PORT/" "$TOKEN" "$POOL" "$URL?run=$r")
  sync
  c=$(python3 bench/imports/measure.py curl "$URL?run=$r" "$WORK/out/run-$r")
  echo "run $r: dropcart $d; curl|tar $c"
  echo "{\"run\":$r,\"dropcart\":$d,\"curl\":$c}" >> "$RESULTS"
done

SECTION="$WORK/section.md"
python3 - "$RESULTS" "$(machine)" "$RUNS" "$FILES" "$SIZE" "$ARCHIVE_BYTES" > "$SECTION" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
machine, runs, files, size, archive = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
total = files * size
print("## Import and unpack\n")
print(f"{machine}, Dropcart JVM `-Xmx1g`; median of {runs} runs.\n")
print(f"A tar.gz of {files:,} files of {size:,} random bytes ({total / 1e6:.0f} MB expanded, {archive / 1e6:.0f} MB "
      "compressed) served by `python3 -m http.server` on loopback. Dropcart: `POST /api/imports` with "
      "`unarchive: true` into a pool, polled every 20 ms until `done`: the download to the volume, the "
      "whole-archive check (paths, links, limits) and every entry stored as a file of the pool (GridFS in "
      "the embedded Mongo-wire store, file index, grouping). *Download* is POST until the first poll that "
      "sees `unpacking`. Baseline: `curl -s URL | tar -xz -C DIR` of the same URL into the same file "
      "system, then `sync`. MB/s = 10^6 expanded bytes per second.\n")
d = statistics.median(r["dropcart"]["total_ms"] for r in rows)
dl = statistics.median(r["dropcart"]["download_ms"] for r in rows)
c = statistics.median(r["curl"]["total_ms"] for r in rows)
print("| what | time (ms) | MB/s | files |")
print("|---|---:|---:|---:|")
print(f"| Dropcart import (download {dl:.0f} ms) | {d:.0f} | {total / d / 1000:.0f} | {rows[0]['dropcart']['files']} |")
print(f"| `curl \\| tar -xz` + sync | {c:.0f} | {total / c / 1000:.0f} | {rows[0]['curl']['files']} |")
print(f"\nDropcart takes {d / c:.1f}× the time of `curl | tar -xz`. Runs (ms, Dropcart / curl|tar): "
      + "; ".join(f"{r['dropcart']['total_ms']}/{r['curl']['total_ms']}" for r in rows) + ".")
PY
write_section "$SECTION"
cat "$SECTION"
