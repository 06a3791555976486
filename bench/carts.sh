#!/usr/bin/env bash
# Cart bundling benchmark (bash bench/run.sh carts; bash bench/run.sh runs it with the others).
# Two sets of 1 GiB: 1,000 files of 1 MiB and 10 files of 100 MiB, served by a Pacifica archive
# interface (bench/carts/archive.py) to a Dropcart started here. Per set and run: a pre-bundled cart
# of every file (sha256 checked) is timed from POST to ready, split into staging (fetch + verify)
# and bundling (the cart-bundle job writing and forcing bundle.tar); beside it, GNU tar -cf of the
# same staged files (a cart staged without bundling, tarred as soon as it is ready) into the same
# file system, then fsync; and, for reference, tar of the source files after a sync. The target is
# Dropcart's bundling throughput ≥ 90 % of tar's on the staged files. Medians of RUNS (default 3) go to the "Cart bundling" section of BENCHMARKS.md.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
ARCHIVE_PORT=${BENCH_ARCHIVE_PORT:-18083}
JAVA_OPTS="-Xmx1g"
WORK="$ROOT/bench/target/carts"
DATA="$WORK/dropcart"
read -r -a SETS <<< "${SETS:-many few}"
declare -A COUNT=([many]=1000 [few]=10)
declare -A BYTES=([many]=1048576 [few]=104857600)

command -v python3 > /dev/null && command -v tar > /dev/null || { echo "python3 and tar are needed" >&2; exit 1; }
for p in "$PORT" "$BROKER_PORT" "$ARCHIVE_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "port $p is taken" >&2; exit 1; fi
done
if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi

rm -rf "$WORK"; mkdir -p "$DATA/volume" "$WORK/src" "$WORK/out"
free_kb=$(df -Pk "$WORK" | awk 'NR==2 {print $4}')
[ "$free_kb" -gt $((6 * 1024 * 1024)) ] || { echo "need 6 GiB free under $WORK" >&2; exit 1; }
echo "Writing the two sets of files..."
for s in "${SETS[@]}"; do
  mkdir -p "$WORK/src/$s"
  for i in $(seq -w 1 "${COUNT[$s]}"); do
    head -c "${BYTES[$s]}" /dev/urandom > "$WORK/src/$s/file-$i.bin"
  done
done
sync

ARCHIVE_PID=
cleanup() {
  set +e
  [ -n "$ARCHIVE_PID" ] && kill "$ARCHIVE_PID" 2> /dev/null
  stop_dropcart "$DATA"
  wait 2> /dev/null
  rm -rf "$WORK/src" "$WORK/out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 bench/carts/archive.py "$ARCHIVE_PORT" "$WORK/src" > "$WORK/archive.log" 2>&1 &
ARCHIVE_PID=$!
# Carts without tokens (cartd's open mode) keep the client to plain HTTP; the work measured is the same.
start_dropcart "$DATA" "$WORK/dropcart.log" DROPCART_CARTS_AUTH=none ARCHIVE_INTERFACE_URL="http://127.0.0.1:$ARCHIVE_PORT/"

# Warm-up (not counted): one small cart, so the first measurement does not pay for class loading.
mkdir -p "$WORK/src/warm"; for i in 1 2 3; do head -c 65536 /dev/urandom > "$WORK/src/warm/w$i"; done
export CART_VOLUME="$DATA/volume/carts"
python3 bench/carts/measure.py dropcart "http://127.0.0.1:$PORT/" warm "$WORK/src/warm" > /dev/null

RESULTS="$WORK/results.jsonl"; : > "$RESULTS"
for r in $(seq 1 "$RUNS"); do
  for s in "${SETS[@]}"; do
    # The two take turns, each after a sync, so neither inherits the other's dirty pages.
    sync
    d=$(python3 bench/carts/measure.py dropcart "http://127.0.0.1:$PORT/" "bench-$s-$r" "$WORK/src/$s")
    sync
    st=$(python3 bench/carts/measure.py staged-tar "http://127.0.0.1:$PORT/" "bench-staged-$s-$r" "$WORK/src/$s" \
      "$WORK/out/$s.tar")
    sync
    t=$(python3 bench/carts/measure.py tar "$WORK/src/$s" "$WORK/out/$s.tar")
    echo "run $r $s: dropcart $d; tar of the staged files $st; tar of the source $t"
    echo "{\"run\":$r,\"set\":\"$s\",\"dropcart\":$d,\"staged_tar\":$st,\"tar\":$t}" >> "$RESULTS"
  done
done

SECTION="$WORK/section.md"
python3 - "$RESULTS" "$(machine)" "$RUNS" > "$SECTION" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
machine, runs = sys.argv[2], sys.argv[3]
print("## Cart bundling\n")
print(f"{machine}, Dropcart JVM `-Xmx1g`, GNU {__import__('subprocess').run(['tar','--version'],capture_output=True,text=True).stdout.splitlines()[0]}; median of {runs} runs.\n")
print("Each set is 1 GiB of random bytes served by a Pacifica archive interface on loopback "
      "(`bench/carts/archive.py`). Dropcart: a pre-bundled cart of every file (`bundle: true`, sha256 "
      "of each file checked), timed by polling `HEAD` every 20 ms: *staging* is POST until the status "
      "leaves `staging` (fetch, verify, write and force the staged files), *bundling* is from there until "
      "`ready` (the `cart-bundle` job writes the staged files into `bundle.tar`, the bytes copied file to "
      "file by the kernel, and forces it to disk). Baseline: the same cart staged without bundling "
      "(Dropcart keeps its staged files), then, as soon as it is ready, GNU `tar -cf` of those staged "
      "files into the same file system and `fsync` of the tar: tar on the very files, in the state, "
      "Dropcart's bundling starts from. For reference, GNU tar of the source files after a `sync`. "
      "MB/s = 10^6 bytes of tar per second.\n")
print("| set | Dropcart staging (ms) | Dropcart bundling (ms) | Dropcart bundling MB/s | GNU tar of the staged files (ms) | its MB/s | bundling vs tar | GNU tar of the source after sync (ms) | POST→ready (ms) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
names = {"many": "1,000 files × 1 MiB", "few": "10 files × 100 MiB"}
ratios = []
for s in ("many", "few"):
    rs = [r for r in rows if r["set"] == s]
    if not rs:
        continue
    st = statistics.median(r["dropcart"]["staging_ms"] for r in rs)
    bd = statistics.median(r["dropcart"]["bundling_ms"] for r in rs)
    sg = statistics.median(r["staged_tar"]["bundling_ms"] for r in rs)
    tt = statistics.median(r["tar"]["bundling_ms"] for r in rs)
    tot = statistics.median(r["dropcart"]["total_ms"] for r in rs)
    db = rs[0]["dropcart"]["tar_bytes"]; sb = rs[0]["staged_tar"]["tar_bytes"]
    ratio = (db / bd) / (sb / sg) * 100
    ratios.append((names[s], ratio))
    print(f"| {names[s]} | {st:.0f} | {bd:.0f} | {db / bd / 1000:.0f} | {sg:.0f} | {sb / sg / 1000:.0f} | "
          f"{ratio:.0f} % | {tt:.0f} | {tot:.0f} |")
print("\nTarget: bundling ≥ 90 % of GNU tar's throughput on the same staged files — " + "; ".join(
    f"{n}: {r:.0f} %, {'**met**' if r >= 90 else '**not met**'}" for n, r in ratios) + ".")
print("\nRuns (ms, Dropcart bundling / tar of the staged files / tar of the source): " + "; ".join(
    f"{r['set']} {r['dropcart']['bundling_ms']}/{r['staged_tar']['bundling_ms']}/{r['tar']['bundling_ms']}"
    for r in rows) + ".")
PY
write_section "$SECTION"
cat "$SECTION"
