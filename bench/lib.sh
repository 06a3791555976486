# Shared by the benchmarks in bench/ (sourced, not run). Expects ROOT (the repository root).

# The sections of BENCHMARKS.md, in the order they appear; each benchmark writes only its own.
SECTION_ORDER=("Boot time and memory" "tus ingest throughput" "Two nodes" "Timestamp grouping" "Result fan-out" "Cart bundling" "Import and unpack" "Function calls" "Bounded load")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# One line describing this machine and the date, for a section's first paragraph.
machine() {
  local cpu mem java node
  cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
  mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
  java=$(java -version 2>&1 | sed -n 1p)
  node=$(node --version 2>/dev/null || echo "no node")
  echo "$(date -u +%Y-%m-%d) — $(nproc) cores ($cpu), $mem, $java, Node $node"
}

# drain_uploads DATA_DIR: waits until Dropcart's store pipeline has moved every complete upload
# into the file store and freed its bytes on the volume (no uploads/*.part left), 20 min at most.
drain_uploads() {
  local waited=0
  while [ -n "$(find "$1/volume/uploads" -name '*.part' -print -quit 2> /dev/null)" ]; do
    sleep 0.2; waited=$((waited + 1))
    if [ "$waited" -ge 6000 ]; then echo "the store pipeline did not drain in 20 min" >&2; exit 1; fi
  done
}

# write_section FILE: FILE holds one section, its "## Title" line first. BENCHMARKS.md keeps every
# other section as it was; this one replaces its namesake or is added, in SECTION_ORDER.
write_section() {
  local new=$1 md="$ROOT/BENCHMARKS.md" parts title t i found
  parts=$(mktemp -d)
  title=$(head -1 "$new" | sed 's/^## //')
  if [ -f "$md" ]; then
    # parts/NNN: the old sections, parts/titles: their titles, one a line, in the same order.
    awk -v dir="$parts" '/^## /{n++; f=sprintf("%s/%03d", dir, n); print substr($0, 4) > (dir "/titles")}
                         n > 0 {print > f}' "$md"
  fi
  touch "$parts/titles"
  local titles=()
  mapfile -t titles < "$parts/titles"
  section() { # prints a section without its trailing blank lines
    sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$1"
  }
  {
    echo "# Benchmarks"
    echo
    echo "Produced by \`bash bench/run.sh\` (\`bash bench/run.sh boot\` or \`tus\` runs one part and"
    echo "rewrites only its section); the figures below are its output, not edited by hand. Every"
    echo "comparison is measured in the same run on the same machine."
    local order=("${SECTION_ORDER[@]}")
    for t in "${titles[@]}"; do # sections this script does not know keep their place at the end
      found=0; for i in "${order[@]}"; do [ "$i" = "$t" ] && found=1; done
      [ $found = 1 ] || order+=("$t")
    done
    for t in "${order[@]}"; do
      if [ "$t" = "$title" ]; then
        echo; section "$new"
      else
        for i in "${!titles[@]}"; do
          if [ "${titles[$i]}" = "$t" ]; then echo; section "$parts/$(printf %03d $((i + 1)))"; break; fi
        done
      fi
    done
  } > "$parts/BENCHMARKS.md"
  mv "$parts/BENCHMARKS.md" "$md"
  rm -rf "$parts"
}

# start_dropcart DATA LOG [NAME=value...]: starts Dropcart with the launcher on data directory DATA
# (ports PORT and BROKER_PORT, JVM options JAVA_OPTS or -Xmx1g, admin password ADMIN_PASSWORD, all
# from the caller; a prebuilt WAR), the extra environment given, its output in LOG, and waits until
# it is ready. Sets DC_PID (the server JVM) and DC_LAUNCHER.
start_dropcart() {
  local data=$1 log=$2 i
  shift 2
  env DROPCART_DATA_DIR="$data" DROPCART_PORT="$PORT" DROPCART_BROKER_PORT="$BROKER_PORT" DROPCART_SKIP_BUILD=1 \
    DROPCART_JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" DROPCART_ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-password}" \
    DROPCART_JWT_TTL=PT12H "$@" bash "$ROOT/src/main/liberty-or-payara/run.sh" > "$log" 2>&1 &
  DC_LAUNCHER=$!
  echo "Waiting for Dropcart (log: $log)..."
  for i in $(seq 1 300); do
    kill -0 "$DC_LAUNCHER" 2> /dev/null || { echo "Dropcart did not start; see $log" >&2; return 1; }
    grep -q "Dropcart is ready" "$log" && break
    [ "$i" = 300 ] && { echo "Dropcart not ready after 300 s; see $log" >&2; return 1; }
    sleep 1
  done
  DC_PID=$(cat "$data/dropcart.pid")
}

# stop_dropcart DATA: stops the Dropcart started on DATA (TERM, KILL after 30 s), its launcher, and
# any JVM still running on that data directory, then deletes DATA.
stop_dropcart() {
  local data=$1 p
  if [ -z "${DC_PID:-}" ] && [ -f "$data/dropcart.pid" ]; then DC_PID=$(cat "$data/dropcart.pid"); fi
  if [ -n "${DC_PID:-}" ]; then
    kill "$DC_PID" 2> /dev/null || true
    for _ in $(seq 1 30); do kill -0 "$DC_PID" 2> /dev/null || break; sleep 1; done
    kill -9 "$DC_PID" 2> /dev/null || true
  fi
  if [ -n "${DC_LAUNCHER:-}" ]; then
    kill "$DC_LAUNCHER" 2> /dev/null || true
    wait "$DC_LAUNCHER" 2> /dev/null || true
  fi
  for p in $(pgrep -f -- "-Ddropcart.data.dir=$data" 2> /dev/null || true); do kill -9 "$p" 2> /dev/null || true; done
  DC_PID=; DC_LAUNCHER=
  rm -rf "$data"
  return 0
}
