#!/usr/bin/env bash
# Grouping benchmark (bash bench/run.sh grouping). The timestamp-grouping job places N (default
# 1,000,000) synthetic stored files of 10 pools (PT5M windows) in their groups; the time is the job
# execution's own start-to-end. The baseline, in the same run on the same data: the database alone
# doing the same grouping as two set-based SQL statements. DB=postgres (default: the production
# database, the local server at 127.0.0.1:5432 as user postgres, in a database the bench makes and
# drops) or DB=h2 (the embedded default, shared with the bench through H2's AUTO_SERVER mode;
# bench/grouping/Bench.java).
# Each is run RUNS times (default 3); medians go to the "Timestamp grouping" section of BENCHMARKS.md.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
RUNS=${RUNS:-3}
N=${N:-1000000}
DB=${DB:-postgres}
PG_DB=dropcart_bench_grouping
CHUNK=${CHUNK:-5000}
PORT=${BENCH_PORT:-18080}
BROKER_PORT=${BENCH_BROKER_PORT:-18616}
WORK="$ROOT/bench/target/grouping"
DATA="$WORK/dropcart"
JAVA_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password"
B="http://127.0.0.1:$PORT"

if [ ! -f web/target/dropcart.war ] || [ ! -f web/target/runtime/payara-micro.jar ]; then
  mvn -B -ntp -q -DskipTests package
fi
H2_VERSION=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
H2_JAR="$HOME/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar"
[ -f "$H2_JAR" ] || mvn -B -ntp -q dependency:get -Dartifact="com.h2database:h2:$H2_VERSION"
if [ "$DB" = h2 ]; then
  DB_URL="jdbc:h2:$DATA/db/dropcart;WRITE_DELAY=0;AUTO_SERVER=TRUE"
  DB_ENV=(DROPCART_DB_URL="$DB_URL")
  DB_NAME="embedded H2 $H2_VERSION"
  bench_sql() { java -cp "$H2_JAR" bench/grouping/Bench.java "$@"; }
else
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
  DB_ENV=(DROPCART_DB_URL="$DB_URL" DROPCART_DB_USER=postgres)
  DB_NAME="PostgreSQL $(psql -h 127.0.0.1 -U postgres -At -d postgres -c 'SHOW server_version')"
  psql_do() { psql -h 127.0.0.1 -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -At -q -c "$1"; }
  bench_sql() { # the same verbs as Bench.java, in PostgreSQL's SQL
    case "$1" in
      seed) psql_do "INSERT INTO grouped_files (file_name, pool_id, owner_id, client_id, name, ts, stored_at, size,
              sha256, state, group_id, late) SELECT 'bench-' || LPAD(x::text, 8, '0'),
              (string_to_array('$4', ','))[1 + x % 10], NULL, 'bench-client', 'f' || x || '.csv',
              now() + interval '2 days' + x * interval '250 milliseconds', now(), 1000 + x % 5000,
              repeat('0', 64), 'PENDING', NULL, FALSE FROM generate_series(1, $3) x" && echo "seeded $3" ;;
      reset) psql_do "UPDATE grouped_files SET state = 'PENDING', group_id = NULL, late = FALSE; DELETE FROM file_groups"
             psql_do "VACUUM ANALYZE grouped_files" ;;
      check) psql_do "SELECT (SELECT COUNT(*) FROM grouped_files WHERE state = 'GROUPED') || ' ' ||
              (SELECT COUNT(*) FROM file_groups) || ' ' || (SELECT COALESCE(SUM(file_count), 0) FROM file_groups)" ;;
      baseline)
        local t0; t0=$(date +%s%3N)
        psql_do "BEGIN;
          INSERT INTO file_groups (id, pool_id, window_start, window_end, seals_at, status, file_count, bytes,
            created_at, version, dispatch_attempts)
          SELECT gen_random_uuid()::text, pool_id, ws, ws + w * interval '1 second', ws + (w + l) * interval '1 second',
            'OPEN', COUNT(*), SUM(size), now(), 1, 0
          FROM (SELECT f.pool_id, f.size, p.grouping_window_seconds w, p.lateness_seconds l,
                  to_timestamp(floor(extract(epoch FROM f.ts) / p.grouping_window_seconds) * p.grouping_window_seconds) ws
                FROM grouped_files f JOIN pools p ON p.id = f.pool_id WHERE f.state = 'PENDING') x
          GROUP BY pool_id, ws, w, l;
          UPDATE grouped_files f SET state = 'GROUPED', group_id = g.id FROM pools p, file_groups g
          WHERE p.id = f.pool_id AND g.pool_id = f.pool_id AND f.state = 'PENDING'
            AND g.window_start = to_timestamp(floor(extract(epoch FROM f.ts) / p.grouping_window_seconds) * p.grouping_window_seconds);
          COMMIT;"
        echo $(( $(date +%s%3N) - t0 )) ;;
    esac
  }
  dropdb -h 127.0.0.1 -U postgres --if-exists "$PG_DB" 2> /dev/null
  createdb -h 127.0.0.1 -U postgres "$PG_DB"
fi

rm -rf "$WORK"; mkdir -p "$WORK"
cleanup() {
  for p in $(pgrep -f -- "-Ddropcart.data.dir=$DATA" 2> /dev/null); do kill -9 "$p" 2> /dev/null; done
  wait 2> /dev/null
  rm -rf "$DATA"
  [ "$DB" = h2 ] || dropdb -h 127.0.0.1 -U postgres --if-exists "$PG_DB" 2> /dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DROPCART_DATA_DIR="$DATA" DROPCART_PORT="$PORT" DROPCART_BROKER_PORT="$BROKER_PORT" DROPCART_SKIP_BUILD=1 \
  DROPCART_JAVA_OPTS="$JAVA_OPTS" DROPCART_ADMIN_PASSWORD="$ADMIN_PASSWORD" DROPCART_GROUPING_SCHEDULE=off \
  env "${DB_ENV[@]}" bash src/main/liberty-or-payara/run.sh > "$WORK/dropcart.log" 2>&1 &
echo "Waiting for Dropcart (log: $WORK/dropcart.log)..."
for i in $(seq 1 300); do
  grep -q "Dropcart is ready" "$WORK/dropcart.log" && break
  [ "$i" = 300 ] && { echo "Dropcart not ready after 300 s" >&2; exit 1; }
  sleep 1
done

json() { node -e 'const o = JSON.parse(require("fs").readFileSync(0)); console.log(eval("o" + process.argv[1]))' "$1"; }
ADMIN=$(curl -fs -X PUT "$B/api/auth/login/admin" -H 'Content-Type: application/json' \
  -d "{\"password\":\"$ADMIN_PASSWORD\"}" | json .access_token)
POOLS=""
for p in $(seq 1 10); do
  id=$(curl -fs -X POST "$B/api/pools" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench-$p\",\"groupingWindow\":\"PT5M\"}" | json .id)
  POOLS="$POOLS${POOLS:+,}$id"
done
echo "Seeding $N files..."
bench_sql seed "$DB_URL" "$N" "$POOLS"

# run_job -> prints the execution's own duration in ms
run_job() {
  local id state
  id=$(curl -fs -X POST "$B/api/admin/jobs/timestamp-grouping?chunk=$CHUNK" -H "Authorization: Bearer $ADMIN" | json .executionId)
  for _ in $(seq 1 1200); do
    state=$(curl -fs "$B/api/admin/jobs/timestamp-grouping?executions=1" -H "Authorization: Bearer $ADMIN" \
      | node -e 'const j = JSON.parse(require("fs").readFileSync(0)); const e = j.executions.find(x => x.executionId == process.argv[1]);
        if (e && ["COMPLETED","FAILED","STOPPED","ABANDONED"].includes(e.batchStatus))
          console.log(e.batchStatus + " " + (Date.parse(e.endedAt) - Date.parse(e.startedAt)));' "$id")
    if [ -n "$state" ]; then
      [ "${state%% *}" = COMPLETED ] || { echo "the job ended $state" >&2; exit 1; }
      echo "${state#* }"; return
    fi
    sleep 0.5
  done
  echo "the job did not end in 10 min" >&2; exit 1
}

check_all_grouped() {
  local got
  got=$(bench_sql check "$DB_URL")
  read -r grouped groups counted <<< "$got"
  if [ "$grouped" != "$N" ] || [ "$counted" != "$N" ]; then
    echo "$1: $grouped of $N files grouped, $counted counted in $groups groups" >&2; exit 1
  fi
  echo "$groups"
}

JOB_MS=(); BASE_MS=(); GROUP_COUNT=""
for run in $(seq 1 "$RUNS"); do
  bench_sql reset "$DB_URL"
  ms=$(run_job); JOB_MS+=("$ms")
  GROUP_COUNT=$(check_all_grouped "Dropcart")
  bench_sql reset "$DB_URL"
  base=$(bench_sql baseline "$DB_URL"); BASE_MS+=("$base")
  check_all_grouped "baseline" > /dev/null
  echo "run $run: timestamp-grouping ${ms} ms, set-based SQL ${base} ms ($GROUP_COUNT groups)"
done

job=$(printf '%s\n' "${JOB_MS[@]}" | median)
base=$(printf '%s\n' "${BASE_MS[@]}" | median)
verdict=$([ "$job" -lt 10000 ] && echo met || echo "not met")
{
  echo "## Timestamp grouping"
  echo
  echo "$(machine), Payara Micro 6.2025.10 (Dropcart JVM \`$JAVA_OPTS\`), $DB_NAME; median of $RUNS runs."
  echo
  echo "$N synthetic stored files of 10 pools (\`PT5M\` windows, one file every 250 ms of timestamp, all on"
  echo "time), all pending. **timestamp-grouping**: the batch job as it runs in production (chunks of $CHUNK:"
  echo "reader, processor applying the pool rules, bulk writer, checkpoint), timed from the execution's start"
  echo "to its end as the jobs API reports them. **Set-based SQL** (the baseline, same data, same database):"
  echo "one \`INSERT … SELECT … GROUP BY\` making the groups with their counts and one \`UPDATE\` placing"
  echo "the files — no late-file rules, no chunks, no restartability. Both end with every file in exactly"
  echo "one group ($GROUP_COUNT groups), checked after each run."
  echo
  echo "| what | time (ms) | files/s | runs (ms) |"
  echo "|---|---:|---:|---|"
  echo "| timestamp-grouping job | $job | $(( N * 1000 / (job > 0 ? job : 1) )) | ${JOB_MS[*]} |"
  echo "| baseline: set-based SQL | $base | $(( N * 1000 / (base > 0 ? base : 1) )) | ${BASE_MS[*]} |"
  echo
  echo "Target: $N records in under 10 s — $job ms, **$verdict**."
  [ "$DB" = h2 ] || echo "(\`DB=h2 bash bench/run.sh grouping\` measures the same on the embedded H2.)"
} > "$WORK/section.md"
write_section "$WORK/section.md"
cat "$WORK/section.md"
