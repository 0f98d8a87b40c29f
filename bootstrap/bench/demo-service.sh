# Sourced by the load scripts that run one service on a fresh SQLite file (from the project root): a work folder
# removed on exit, and the real jar started in demo mode. Needs JAR and PORT set; BENCH_JVM_OPTS is passed to the
# service's JVM.
source bootstrap/bench/lib.sh

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests

work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

# Starts the service in demo mode on $work/palaute.db and waits until it answers; its keys are in $work/keys.txt.
start_demo_service() {
  export PALAUTE_PORT=$PORT PALAUTE_DB_URL="jdbc:sqlite:$work/palaute.db" PALAUTE_DEMO=true
  java ${BENCH_JVM_OPTS:-} -jar "$JAR" >"$work/keys.txt" 2>"$work/server.log" &
  pid=$!
  for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
  ADMIN=$(demo_key ADMIN)
  [ -n "$ADMIN" ] || { echo "no demo keys; server log:" >&2; cat "$work/server.log" >&2; exit 1; }
}

