#!/usr/bin/env bash
# Result fan-out benchmark (bash bench/run.sh fanout). CLIENTS (default 5000) WebSocket clients of
# the members of one pool (MEMBERS users, default 50, each with CLIENTS/MEMBERS sockets) wait on
# Dropcart's gateway; a processor PUTs a group's result to its callback URL, and each socket times
# its `result-ready` from the moment that PUT was sent (so the time includes storing the result,
# the bulk delivery rows, the commit, the topic and the push). The peer, in the same run with the
# same client: a plain Node `ws` server broadcasting one message to as many sockets. RUNS runs
# (default 3), one group each; medians go to the "Result fan-out" section of BENCHMARKS.md.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-5000}
MEMBERS=${MEMBERS:-50}
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
PEER_PORT=${BENCH_PEER_PORT:-18083}
WORK="$ROOT/bench/target/fanout"
DATA="$WORK/dropcart"
FAN="$ROOT/bench/fanout"
JAVA_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password"
SECRET="bench-processor-secret-0123456789"
B="http://127.0.0.1:$PORT"

ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $(( CLIENTS + 2000 )) ] || { echo "open files limit $(ulimit -n) is too low for $CLIENTS sockets" >&2; exit 1; }
if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
if [ ! -f "$FAN/node_modules/.package-lock.json" ] || [ "$FAN/package-lock.json" -nt "$FAN/node_modules/.package-lock.json" ]; then
  (cd "$FAN" && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf "$WORK"; mkdir -p "$WORK"
cleanup() {
  for p in $(pgrep -f -- "-Ddropcart.data.dir=$DATA" 2> /dev/null); do kill -9 "$p" 2> /dev/null; done
  [ -n "${PEER_PID:-}" ] && kill "$PEER_PID" 2> /dev/null
  wait 2> /dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DROPCART_DATA_DIR="$DATA" DROPCART_PORT="$PORT" DROPCART_BROKER_PORT="$BROKER_PORT" DROPCART_SKIP_BUILD=1 \
  DROPCART_JAVA_OPTS="$JAVA_OPTS" DROPCART_ADMIN_PASSWORD="$ADMIN_PASSWORD" DROPCART_GROUPING_SCHEDULE=off \
  DROPCART_WS_SEND_QUEUE=256 bash src/main/liberty-or-payara/run.sh > "$WORK/dropcart.log" 2>&1 &
node "$FAN/peer.mjs" "$PEER_PORT" > "$WORK/peer.log" 2>&1 &
PEER_PID=$!
echo "Waiting for Dropcart (log: $WORK/dropcart.log)..."
for i in $(seq 1 300); do
  grep -q "Dropcart is ready" "$WORK/dropcart.log" && break
  [ "$i" = 300 ] && { echo "Dropcart not ready after 300 s" >&2; exit 1; }
  sleep 1
done

json() { node -e 'const o = JSON.parse(require("fs").readFileSync(0)); console.log(eval("o" + process.argv[1]))' "$1"; }
post() { curl -fs -X "$1" "$B/$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}; }
ADMIN=$(curl -fs -X PUT "$B/api/auth/login/admin" -H 'Content-Type: application/json' \
  -d "{\"password\":\"$ADMIN_PASSWORD\"}" | json .access_token)
POOL=$(post POST api/pools "$ADMIN" '{"name":"fanout","groupingWindow":"PT2S","lateness":"PT0S"}' | json .id)
post PUT "api/pools/$POOL/processor" "$ADMIN" "{\"url\":\"http://127.0.0.1:9/\",\"secret\":\"$SECRET\",\"trigger\":\"pull\"}" > /dev/null
echo "Signing up $MEMBERS members..."
TOKENS=""
for m in $(seq 1 "$MEMBERS"); do
  t=$(curl -fs -X POST "$B/api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"username\":\"member-$m\",\"password\":\"bench-member-password\"}" | json .access_token)
  post POST "api/pools/$POOL/members" "$ADMIN" "{\"username\":\"member-$m\"}" > /dev/null
  TOKENS="$TOKENS${TOKENS:+,}$t"
done
FIRST=${TOKENS%%,*}

# One file per run, each in its own PT2S window a few seconds ahead; the windows seal, the bench
# pulls their manifests as the processor would, and keeps each group's callback URL.
b64() { printf %s "$1" | base64 -w0; }
s=$(( $(date +%s) + 6 )); w=$(( s - s % 2 ))
for r in $(seq 1 "$RUNS"); do
  ts=$(date -u -d "@$(( w + 2 * (r - 1) ))" +%Y-%m-%dT%H:%M:%S.300Z)
  curl -fs -o /dev/null -X POST "$B/api/upload/" -H "Authorization: Bearer $FIRST" -H 'Tus-Resumable: 1.0.0' \
    -H 'Upload-Length: 12' -H 'Content-Type: application/offset+octet-stream' \
    -H "Upload-Metadata: pool $(b64 "$POOL"),filename $(b64 "in-$r.csv"),timestamp $(b64 "$ts")" --data-binary 't,v
1,2
3,4
'
done
echo "Waiting for $RUNS sealed groups..."
for i in $(seq 1 120); do
  post POST api/admin/jobs/timestamp-grouping "$ADMIN" > /dev/null || true
  sleep 1
  n=$(curl -fs "$B/api/pools/$POOL/groups?status=SEALED" -H "Authorization: Bearer $ADMIN" | json .total)
  [ "$n" -ge "$RUNS" ] && break
  [ "$i" = 120 ] && { echo "only $n of $RUNS groups sealed" >&2; exit 1; }
done
curl -fs -u "$POOL:$SECRET" "$B/api/processor/groups?status=SEALED" > "$WORK/manifests.json"
head -c 100000 /dev/urandom | base64 > "$WORK/result.txt"

RESULTS="$WORK/results.jsonl"; : > "$RESULTS"
for r in $(seq 1 "$RUNS"); do
  group=$(json ".items[$((r - 1))].groupId" < "$WORK/manifests.json")
  callback=$(json ".items[$((r - 1))].callbackUrl" < "$WORK/manifests.json")
  line=$(node "$FAN/clients.mjs" --ws "ws://127.0.0.1:$PORT/ws" --clients "$CLIENTS" --tokens "$TOKENS" \
    --group "$group" --trigger PUT "$callback&name=result.txt" --body "$WORK/result.txt" --header 'Content-Type: text/plain')
  echo "run $r dropcart: $line"
  echo "{\"target\":\"dropcart\",\"run\":$r,\"line\":$line}" >> "$RESULTS"
  printf '{"type":"result-ready","groupId":"peer-%s","size":%s}' "$r" "$(stat -c %s "$WORK/result.txt")" > "$WORK/peer-msg.json"
  line=$(node "$FAN/clients.mjs" --ws "ws://127.0.0.1:$PEER_PORT/ws" --clients "$CLIENTS" --group "peer-$r" \
    --trigger POST "http://127.0.0.1:$PEER_PORT/broadcast" --body "$WORK/peer-msg.json")
  echo "run $r peer: $line"
  echo "{\"target\":\"peer\",\"run\":$r,\"line\":$line}" >> "$RESULTS"
done

WS_VERSION=$(node -p 'require(process.argv[1]).version' "$FAN/node_modules/ws/package.json")
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const [machine, clients, members, runs, ws] = process.argv.slice(2);
const of = (t) => rows.filter((r) => r.target === t).map((r) => r.line);
const out = ["## Result fan-out", "",
  `${machine}, Payara Micro 6.2025.10 (Dropcart JVM \`-Xmx1g\`), peer: Node \`ws\` ${ws}; median of ${runs} runs.`, "",
  `${clients} WebSocket clients on loopback, all in one Node process (\`bench/fanout/clients.mjs\`, the same for both`
  + ` targets), connected before the measurement. **Dropcart**: ${members} members of one pool with`
  + ` ${Math.round(clients / members)} sockets each; the processor PUTs a 133 KB result to the group\u0027s callback URL and`
  + " each socket times its `result-ready` from the moment the PUT was sent: storing the result in GridFS, the group"
  + " becoming DONE with one bulk delivery row per member, the commit, `ResultTopic`, and the push through each"
  + " socket\u0027s own send queue. **Peer** (the floor on this machine): a plain Node `ws` server that, on one HTTP"
  + " request, sends a message to every connected socket.", "",
  "| target | clients | received | p50 (ms) | p99 (ms) | max (ms) | runs p99 (ms) |", "|---|---:|---:|---:|---:|---:|---|"];
for (const [t, name] of [["dropcart", "Dropcart"], ["peer", "peer: Node ws broadcast"]]) {
  const l = of(t);
  out.push(`| ${name} | ${clients} | ${Math.min(...l.map((x) => x.received))} | ${med(l.map((x) => x.p50Ms)).toFixed(1)}`
    + ` | ${med(l.map((x) => x.p99Ms)).toFixed(1)} | ${med(l.map((x) => x.maxMs)).toFixed(1)} | ${l.map((x) => x.p99Ms).join(" ")} |`);
}
const p99 = med(of("dropcart").map((x) => x.p99Ms));
const all = of("dropcart").every((x) => x.received === Number(clients));
out.push("", `Target: p99 from DONE to receipt under 2 s at ${clients} clients — ${p99.toFixed(0)} ms`
  + (all ? "" : " (not every socket received it)") + `, **${p99 < 2000 && all ? "met" : "not met"}**.`);
console.log(out.join("\n"));
' "$RESULTS" "$(machine)" "$CLIENTS" "$MEMBERS" "$RUNS" "$WS_VERSION" > "$WORK/section.md"
write_section "$WORK/section.md"
cat "$WORK/section.md"
