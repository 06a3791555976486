#!/usr/bin/env bash
# Deploys Dropcart's EAR into a running Payara Server (Full) domain with asadmin, or takes it out.
#
#   bash src/main/liberty-or-payara/payara-server/deploy.sh [deploy|undeploy]
#
# deploy (the default) does the following. Every step can be run again, so running the script a
# second time redeploys:
#   1. It undeploys a Dropcart that is already deployed. The resource adapter must not be replaced
#      under an application that uses it: Payara accepts that, but the running application is
#      left broken (seen: /health/ready answers 500).
#   2. It sets the server's system properties (dropcart.data.dir, …). The application reads them
#      through MicroProfile Config. Secrets become password aliases, which Payara's MicroProfile
#      Config reads under the same names, so they never appear in domain.xml.
#   3. It configures the Artemis resource adapter (where the broker is) and deploys it as
#      "artemis". The configuration comes first, so the adapter starts with it.
#   4. It creates the Jakarta Batch job repository: pool dropcart-batch-pool, resource
#      jdbc/dropcart-batch, and the batch runtime pointed at it. An existing pool is replaced, so
#      DROPCART_BATCH_POOL always takes effect.
#   5. It deploys the EAR under the name "dropcart" (context root /).
# undeploy undeploys the application "dropcart" and nothing else. The adapter, the pool, the
# properties and the data directory stay, so a later deploy finds everything where it was.
#
# JMS resources: none are created here, and none are needed. The application defines its
# connection factory itself (@JMSConnectionFactoryDefinition on the "artemis" adapter, as
# java:app/jms/DropcartConnectionFactory). Its message-driven beans name their queues directly
# (useJNDI=false), and the broker creates the queues. A server-level connector resource would be
# a second, unused pool of broker connections.
#
# Environment (only DROPCART_DATA_DIR is required):
#   PAYARA_ASADMIN         the asadmin to run                          (asadmin on the PATH)
#   PAYARA_ADMIN_HOST      the domain's admin host                     (localhost)
#   PAYARA_ADMIN_PORT      its admin port                              (4848)
#   PAYARA_ADMIN_USER      admin user                                  (admin)
#   PAYARA_PASSWORD_FILE   asadmin password file (AS_ADMIN_PASSWORD=…) (none: a domain without an
#                          admin password, or one you are already logged in to)
#   DROPCART_EAR           the EAR                                     (ear/target/dropcart.ear)
#   DROPCART_RAR           the Artemis resource adapter                (artemis-rar/target/artemis.rar)
#   DROPCART_DATA_DIR      absolute path, on the server's machine, of everything Dropcart keeps:
#                          H2 databases (application and batch repository), broker journal,
#                          Mongo-wire store, signing keys, staging volume. It must survive
#                          restarts: never a temporary directory.
#   DROPCART_PROFILE       prod: nothing embedded (MicroProfile Config's mp.config.profile)
#   DROPCART_DB_URL, DROPCART_DB_USER, DROPCART_DB_PASSWORD
#                          the application's database          (H2 under the data directory)
#   DROPCART_BROKER_HOST, DROPCART_BROKER_PORT
#                          where the embedded broker listens and the adapter connects to
#                          (127.0.0.1, 61616). An external broker also needs DROPCART_PROFILE=prod
#                          or dropcart.broker.embedded=false in DROPCART_PROPERTIES.
#   DROPCART_MONGO_URI     a mongodb:// URI                  (embedded Mongo-wire server)
#   DROPCART_ADMIN_PASSWORD  the first admin's password. It is used only while no enabled admin
#                          exists. Without it, a generated password is printed once in server.log.
#   DROPCART_BATCH_POOL    the batch repository pool, as create-jdbc-connection-pool options, the
#                          same as for run.sh. The default is an XA pool on an H2 file under the
#                          data directory (Payara ships H2). A PostgreSQL pool needs the driver in
#                          the domain first: asadmin add-library postgresql.jar, then a restart.
#   DROPCART_PROPERTIES    more MicroProfile Config keys as system properties, separated by
#                          whitespace: "dropcart.jwt.ttl=PT2H dropcart.upload.max-size=1GiB".
#                          Values cannot contain whitespace. Keys given here stay set until you
#                          run delete-system-property.
# The keys this script manages (data dir, profile, db, broker, mongo, the two secrets) are set
# from the variables above on every deploy; one that is no longer given is removed, so its
# default applies again.
set -euo pipefail

MODE="${1:-deploy}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
APP=dropcart
RA=artemis
POOL=dropcart-batch-pool
BATCH_RESOURCE=jdbc/dropcart-batch

ASADMIN_OPTS=(--host "${PAYARA_ADMIN_HOST:-localhost}" --port "${PAYARA_ADMIN_PORT:-4848}"
  --user "${PAYARA_ADMIN_USER:-admin}" --interactive=false)
if [ -n "${PAYARA_PASSWORD_FILE:-}" ]; then
  ASADMIN_OPTS+=(--passwordfile "$PAYARA_PASSWORD_FILE")
fi

asadmin() {
  "${PAYARA_ASADMIN:-asadmin}" "${ASADMIN_OPTS[@]}" "$@"
}

# A command that changes the domain: shown, then run; a failure stops the script (set -e).
step() {
  echo "==> asadmin $*"
  asadmin "$@"
}

# The names a list-* command prints, one per line, without asadmin's "Command … executed" and
# "Nothing to list" lines.
names() {
  asadmin "$@" | awk '!/^Command .* executed successfully/ && !/^Nothing to list/ && NF {print $1}'
}

# Whether a list-* command names $2. (The list is read first: grep -q in the pipe could end it early,
# and pipefail would then report the listing as failed.)
listed() {
  local all
  all="$(names "$1")"
  grep -qxF "$2" <<<"$all"
}

# create-system-properties syntax: name=value pairs joined by ':', so '\', ':' and '=' in a value
# are escaped with a backslash.
escape() {
  local v="${1//\\/\\\\}"
  v="${v//:/\\:}"
  printf '%s' "${v//=/\\=}"
}

undeploy_app() {
  if listed list-applications "$APP"; then
    step undeploy "$APP"
  else
    echo "$APP is not deployed"
  fi
}

# The managed system properties: set those given, remove the others if the server has them.
system_properties() {
  local -A wanted=(
    [dropcart.data.dir]="$DATA"
    [mp.config.profile]="${DROPCART_PROFILE:-}"
    [dropcart.db.url]="${DROPCART_DB_URL:-}"
    [dropcart.db.user]="${DROPCART_DB_USER:-}"
    [dropcart.broker.host]="${DROPCART_BROKER_HOST:-}"
    [dropcart.broker.port]="${DROPCART_BROKER_PORT:-}"
    [dropcart.mongo.uri]="${DROPCART_MONGO_URI:-}"
  )
  local existing pairs=() key
  existing="$(asadmin list-system-properties | awk -F= '/=/ {print $1}')"
  for key in "${!wanted[@]}"; do
    if [ -n "${wanted[$key]}" ]; then
      pairs+=("$key=$(escape "${wanted[$key]}")")
    elif grep -qxF "$key" <<<"$existing"; then
      step delete-system-property "$key"
    fi
  done
  local extra
  for extra in ${DROPCART_PROPERTIES:-}; do
    [[ "$extra" == *=* ]] || { echo "DROPCART_PROPERTIES: '$extra' is not key=value" >&2; exit 2; }
    pairs+=("${extra%%=*}=$(escape "${extra#*=}")")
  done
  step create-system-properties "$(IFS=:; echo "${pairs[*]}")"
}

# Secrets as password aliases named after their MicroProfile Config key. asadmin reads an alias's
# value from a password file (AS_ADMIN_ALIASPASSWORD), never from the command line.
password_aliases() {
  local existing key value
  existing="$(names list-password-aliases)"
  for key in dropcart.db.password dropcart.admin.password; do
    case "$key" in
      dropcart.db.password) value="${DROPCART_DB_PASSWORD:-}" ;;
      dropcart.admin.password) value="${DROPCART_ADMIN_PASSWORD:-}" ;;
    esac
    if [ -z "$value" ]; then
      if grep -qxF "$key" <<<"$existing"; then
        step delete-password-alias "$key"
      fi
      continue
    fi
    local file
    file="$(mktemp)"
    chmod 600 "$file"
    {
      if [ -n "${PAYARA_PASSWORD_FILE:-}" ]; then cat "$PAYARA_PASSWORD_FILE"; echo; fi
      # A password file is read as Java properties: a backslash is escaped.
      printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${value//\\/\\\\}"
    } >"$file"
    local verb=create-password-alias
    if grep -qxF "$key" <<<"$existing"; then verb=update-password-alias; fi
    echo "==> asadmin $verb $key"
    "${PAYARA_ASADMIN:-asadmin}" "${ASADMIN_OPTS[@]}" --passwordfile "$file" "$verb" "$key" ||
      { rm -f "$file"; exit 1; }
    rm -f "$file"
  done
}

resource_adapter() {
  if listed list-resource-adapter-configs "$RA"; then
    step delete-resource-adapter-config "$RA"
  fi
  # Where the adapter's connections and message-driven beans reach the broker. The embedded broker
  # listens on the same dropcart.broker.host/port (set above).
  step create-resource-adapter-config \
    --property "ConnectionParameters=host\\=${DROPCART_BROKER_HOST:-127.0.0.1};port\\=${DROPCART_BROKER_PORT:-61616}" "$RA"
  step deploy --force=true --type rar --name "$RA" "$RAR"
}

# The Jakarta Batch job repository. XA on H2: a chunk step's checkpoint commits in the same
# transaction as the chunk's data (see ../post-boot-commands.asadmin for PostgreSQL).
batch_repository() {
  local options="${DROPCART_BATCH_POOL:---datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.XADataSource --property url=jdbc\\:h2\\:$DATA/db/batch:user=dropcart:password=dropcart}"
  if listed list-jdbc-connection-pools "$POOL"; then
    # --cascade also removes jdbc/dropcart-batch, created again below.
    step delete-jdbc-connection-pool --cascade=true "$POOL"
  fi
  # shellcheck disable=SC2086  # the options are words, as on the command line
  # Checked connections, all dropped once one is dead: jobs start again after a database restart.
  step create-jdbc-connection-pool --isconnectvalidatereq=true --validationmethod=custom-validation \
    --validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
    --validateatmostonceperiod=2 --failconnection=true $options "$POOL"
  step create-jdbc-resource --connectionpoolid "$POOL" "$BATCH_RESOURCE"
  step set-batch-runtime-configuration --dataSourceLookupName "$BATCH_RESOURCE"
}

case "$MODE" in
  deploy)
    DATA="${DROPCART_DATA_DIR:?set DROPCART_DATA_DIR to the absolute path of the data directory}"
    case "$DATA" in
      /*) ;;
      *) echo "DROPCART_DATA_DIR must be absolute (the server resolves relative paths against its own directory)" >&2
         exit 2 ;;
    esac
    if [[ "$DATA" =~ [[:space:]] ]]; then
      echo "DROPCART_DATA_DIR must not contain whitespace (it is part of the pool's options)" >&2
      exit 2
    fi
    EAR="${DROPCART_EAR:-$ROOT/ear/target/dropcart.ear}"
    RAR="${DROPCART_RAR:-$ROOT/artemis-rar/target/artemis.rar}"
    for f in "$EAR" "$RAR"; do
      [ -f "$f" ] || { echo "$f not found (mvn -B -ntp -DskipTests package builds it)" >&2; exit 2; }
    done
    undeploy_app
    # As in ../post-boot-commands.asadmin: Artemis's audit loggers write a line per message at
    # INFO, and the Mongo-wire server and driver write one per connection.
    step set-log-levels "org.apache.activemq.audit.base=WARNING:org.apache.activemq.audit.message=WARNING:org.apache.activemq.audit.resource=WARNING:de.bwaldvogel.mongo=WARNING:org.mongodb.driver=WARNING"
    system_properties
    password_aliases
    resource_adapter
    batch_repository
    step deploy --force=true --name "$APP" "$EAR"
    echo "Dropcart is deployed; it serves once GET /health/ready reports \"application\" UP."
    ;;
  undeploy)
    undeploy_app
    ;;
  *)
    echo "usage: $0 [deploy|undeploy]" >&2
    exit 2
    ;;
esac
