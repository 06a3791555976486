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
#   DROPCART_NODE_NAME    this node's name in a cluster (required for two nodes on one host): its
#                         Payara instance name, dropcart.node.name, and its scratch directory
#                         and pid file under the data directory
#   DROPCART_CLUSTER_MEMBERS  turns clustering (Hazelcast) on: the cluster's members as
#                         host:port[-port],… (e.g. 10.0.0.5:5900,10.0.0.6:5900); README, "Scaling out"
#   DROPCART_CLUSTER_PORT     the Hazelcast port this node tries first                  (5900)
#   DROPCART_CLUSTER_NAME     the cluster's name: members of other clusters are refused (dropcart)
#   DROPCART_CLUSTER_INTERFACES  the interfaces Hazelcast binds, e.g. 127.0.0.1        (all)
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
# starts again beside the new one. What must survive lives in $DATA. Nodes that share the data
# directory (a cluster's shared volume) each keep their own scratch and pid file.
NODE="${DROPCART_NODE_NAME:-}"
if [ -n "$NODE" ] && ! [[ "$NODE" =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "DROPCART_NODE_NAME may hold letters, digits, '.', '_' and '-' only, not '$NODE'" >&2
  exit 2
fi
SCRATCH="$DATA/.payara${NODE:+-$NODE}"
PIDFILE="$DATA/dropcart${NODE:+-$NODE}.pid"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/root"
BATCH_POOL="${DROPCART_BATCH_POOL:---datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.XADataSource --property url=jdbc\\:h2\\:$DATA/db/batch:user=dropcart:password=dropcart}"
{
  # The adapter's configuration goes first: made after the adapter's deployment, it restarts it.
  if [ -n "${DROPCART_BROKER_HOST:-}${DROPCART_BROKER_PORT:-}" ]; then
    echo "create-resource-adapter-config --property ConnectionParameters=host\\=${DROPCART_BROKER_HOST:-127.0.0.1};port\\=${DROPCART_BROKER_PORT:-61616} artemis"
  fi
  sed -e "s|@ARTEMIS_RAR@|$RUNTIME/artemis.rar|" \
      -e "s|@BATCH_POOL@|${BATCH_POOL//\\/\\\\}|" \
      src/main/liberty-or-payara/post-boot-commands.asadmin
} > "$SCRATCH/post-boot.asadmin"

PROFILE_OPT=()
if [ -n "${DROPCART_PROFILE:-}" ]; then
  PROFILE_OPT=("-Dmp.config.profile=$DROPCART_PROFILE")
fi

# One node unless members are named. A cluster shares everything stateful: the database, the
# broker, the Mongo store and the data directory; the embedded defaults live inside one node, so
# they cannot be shared.
CLUSTER_OPTS=(--nocluster)
if [ -n "${DROPCART_CLUSTER_MEMBERS:-}" ]; then
  if [ "${DROPCART_PROFILE:-}" != prod ]; then
    echo "DROPCART_CLUSTER_MEMBERS needs DROPCART_PROFILE=prod: the embedded database, broker and Mongo store belong to one node" >&2
    exit 2
  fi
  CLUSTER_OPTS=(--clustermode "tcpip:$DROPCART_CLUSTER_MEMBERS" --clustername "${DROPCART_CLUSTER_NAME:-dropcart}"
    --startport "${DROPCART_CLUSTER_PORT:-5900}")
  if [ -n "${DROPCART_CLUSTER_INTERFACES:-}" ]; then
    CLUSTER_OPTS+=(--interfaces "$DROPCART_CLUSTER_INTERFACES")
  fi
fi
NAME_OPTS=()
if [ -n "$NODE" ]; then
  NAME_OPTS=(--name "$NODE")
fi

# shellcheck disable=SC2086
java ${DROPCART_JAVA_OPTS:--Xmx1g} "${PROFILE_OPT[@]}" -Ddropcart.data.dir="$DATA" -Djava.io.tmpdir="$SCRATCH" \
  -jar "$RUNTIME/payara-micro.jar" "${CLUSTER_OPTS[@]}" "${NAME_OPTS[@]}" --rootdir "$SCRATCH/root" --port "$PORT" \
  --addlibs "$RUNTIME/postgresql.jar" \
  --postbootcommandfile "$SCRATCH/post-boot.asadmin" --deploy "$WAR" &
PID=$!
echo "$PID" > "$PIDFILE"
trap 'kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null; rm -f "$PIDFILE"' INT TERM

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
