# Shared by the load scripts (source it from the project root): a fresh work folder removed on exit, the real jar
# started on a fresh SQLite file, and small helpers to talk to it as an admin and to read wrk's RESULT lines.
# Needs JAR and PORT set; BENCH_JVM_OPTS is passed to the service's JVM.

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

demo_key() { grep "^$1 " "$work/keys.txt" | cut -d' ' -f2; }
api() { curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json,sys; print($1)"; }

# Gives the demo key of a role a budget above any load, as an admin would give a busy client; prints its key id.
raise_budget() {
  local id
  id=$(api "localhost:$PORT/api/v1/keys" \
    | json "[k['keyId'] for k in json.load(sys.stdin)['keys'] if k['role'] == '$1'][0]")
  api -X PUT "localhost:$PORT/api/v1/keys/$id/budget" -d '{"perSecond":100000,"burst":100000}' >/dev/null
  echo "$id"
}

# Creates a survey from a JSON definition (without braces), gives it one template, makes it active; prints its id.
active_survey() { # definition template-channel template-body-json
  local id
  id=$(api -X POST "localhost:$PORT/api/v1/surveys" -d "{$1}" | json 'json.load(sys.stdin)["surveyId"]')
  api -X PUT "localhost:$PORT/api/v1/surveys/$id/templates/$2/fi" -d "$3" >/dev/null
  api -X PUT "localhost:$PORT/api/v1/surveys/$id" -d "{$1,\"state\":\"ACTIVE\"}" >/dev/null
  echo "$id"
}

today_in_finland() { TZ=Europe/Helsinki date +%F; }
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
