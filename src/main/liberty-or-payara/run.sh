#!/usr/bin/env bash
# Dropcart launcher: builds the WAR if it is missing or older than the sources, then starts it on
# Payara Micro with the embedded defaults (H2, Artemis, Mongo-wire server), all data under
# DROPCART_DATA_DIR (default ./data), and prints the base URL once the application is ready.
#
# Environment (all optional):
#   DROPCART_DATA_DIR     where everything that must survive a restart lives   (./data)
#   DROPCART_PORT         HTTP port                                             (8080)
#   DROPCART_BROKER_HOST  broker the resource adapter connects to              (127.0.0.1)
#   DROPCART_BROKER_PORT  its port; the embedded broker listens there too      (61616)
#   DROPCART_JAVA_OPTS    JVM options                                           (-Xmx1g)
#   DROPCART_SKIP_BUILD   1: never build, use what is in web/target
#   DROPCART_PROFILE      prod: nothing embedded (external broker and MongoDB, dropcart.db.url
#                         required); sets MicroProfile Config's mp.config.profile
#   DROPCART_BATCH_POOL   the batch job repository's connection pool, as create-jdbc-connection-pool
#                         options (':' inside a property value as '\:'); default an XA pool on an
#                         H2 file under the data directory. PostgreSQL (README, "Production profile"):
#                         --datasourceclassname org.postgresql.ds.PGSimpleDataSource
#                         --restype javax.sql.DataSource --nontransactionalconnections=true
#                         --property serverName=db:portNumber=5432:databaseName=dropcart:user=…:password=…
# Any other MicroProfile Config key can be set the same way (dropcart.jwt.ttl -> DROPCART_JWT_TTL).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
DATA="$(mkdir -p "${DROPCART_DATA_DIR:-$ROOT/data}" && cd "${DROPCART_DATA_DIR:-$ROOT/data}" && pwd)"
PORT="${DROPCART_PORT:-8080}"
RUNTIME="$ROOT/web/target/runtime"
WAR="$ROOT/web/target/dropcart.war"

stale() {
  [ ! -f "$WAR" ] || [ ! -f "$RUNTIME/payara-micro.jar" ] || [ ! -f "$RUNTIME/artemis.rar" ] || [ ! -f "$RUNTIME/postgresql.jar" ] ||
    [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$WAR" -type f -print -quit 2>/dev/null)" ]
}
if [ "${DROPCART_SKIP_BUILD:-0}" != 1 ] && stale; then
  echo "Building Dropcart (mvn package, tests skipped)..."
  mvn -B -ntp -q -DskipTests package
fi

# Payara's own root directory is scratch: a fresh one each start, so an old deployment never
# starts again beside the new one. What must survive lives in $DATA.
SCRATCH="$DATA/.payara"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/root"
BATCH_POOL="${DROPCART_BATCH_POOL:---datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.XADataSource --property url=jdbc\\:h2\\:$DATA/db/batch:user=dropcart:password=dropcart}"
sed -e "s|@ARTEMIS_RAR@|$RUNTIME/artemis.rar|" \
    -e "s|@BATCH_POOL@|${BATCH_POOL//\\/\\\\}|" \
    src/main/liberty-or-payara/post-boot-commands.asadmin > "$SCRATCH/post-boot.asadmin"
if [ -n "${DROPCART_BROKER_HOST:-}${DROPCART_BROKER_PORT:-}" ]; then
  echo "create-resource-adapter-config --property ConnectionParameters=host\\=${DROPCART_BROKER_HOST:-127.0.0.1};port\\=${DROPCART_BROKER_PORT:-61616} artemis" \
    >> "$SCRATCH/post-boot.asadmin"
fi

PROFILE_OPT=()
if [ -n "${DROPCART_PROFILE:-}" ]; then
  PROFILE_OPT=("-Dmp.config.profile=$DROPCART_PROFILE")
fi

# shellcheck disable=SC2086
java ${DROPCART_JAVA_OPTS:--Xmx1g} "${PROFILE_OPT[@]}" -Ddropcart.data.dir="$DATA" -Djava.io.tmpdir="$SCRATCH" \
  -jar "$RUNTIME/payara-micro.jar" --nocluster --rootdir "$SCRATCH/root" --port "$PORT" \
  --addlibs "$RUNTIME/postgresql.jar" \
  --postbootcommandfile "$SCRATCH/post-boot.asadmin" --deploy "$WAR" &
PID=$!
echo "$PID" > "$DATA/dropcart.pid"
trap 'kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null; rm -f "$DATA/dropcart.pid"' INT TERM

URL="http://localhost:$PORT/"
for _ in $(seq 1 180); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "Dropcart did not start; see the log above." >&2
    exit 1
  fi
  # Payara answers /health/ready before the application has registered its checks: wait for the
  # application's own check, which turns UP once the web module serves.
  if curl -fs "${URL}health/ready" 2>/dev/null | grep -q '"name":"application","status":"UP"'; then
    echo "Dropcart is ready at $URL  (API ${URL}api, health ${URL}health/ready, OpenAPI ${URL}openapi; data in $DATA)"
    break
  fi
  sleep 1
done
wait "$PID"
