#!/usr/bin/env bash
# Claim benchmark against the real jar on SQLite: a partner claims invitations 1,000 per call (each with its own
# fresh token, hashed for storage, and its text rendered) for DURATION (default 30s) over CONNS connections
# (default 2). First the partner's survey is filled with FILL seconds of fresh service events (every one invited).
# Prints calls, the median and p99 time of one claim call, and invitations claimed per second.
#   bash bootstrap/bench/claim-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-30s}
FILL=${FILL:-20s}
CONNS=${CONNS:-2}
PORT=${PORT:-18082}
JAR=${JAR:-bootstrap/target/palaute.jar}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests

work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

export PALAUTE_PORT=$PORT PALAUTE_DB_URL="jdbc:sqlite:$work/palaute.db" PALAUTE_DEMO=true
java ${BENCH_JVM_OPTS:-} -jar "$JAR" >"$work/keys.txt" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
key() { grep "^$1 " "$work/keys.txt" | cut -d' ' -f2; }
ADMIN=$(key ADMIN) EVENTS=$(key EVENT_SOURCE)
api() { curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json,sys; print($1)"; }

api -X POST "localhost:$PORT/api/v1/partners" -d '{"partnerId":"bench-partner","name":"Bench partner"}' >/dev/null
PARTNER=$(api -X POST "localhost:$PORT/api/v1/partners/bench-partner/keys" \
  -d '{"label":"bench","perSecond":100000,"burst":100000}' | json 'json.load(sys.stdin)["key"]')
survey='"name":"Branch SMS (bench)","kind":"TRANSACTIONAL","listensTo":{"BRANCH":1},"deliveryChannel":"SMS",
  "deliveredBy":"PARTNER","partnerId":"bench-partner","anonymous":false,"languages":["fi"]'
SURVEY=$(api -X POST "localhost:$PORT/api/v1/surveys" -d "{$survey}" | json 'json.load(sys.stdin)["surveyId"]')
api -X PUT "localhost:$PORT/api/v1/surveys/$SURVEY/templates/SMS/fi" -d '{"body":"Miten onnistuimme? {{surveyLink}}"}' >/dev/null
api -X PUT "localhost:$PORT/api/v1/surveys/$SURVEY" -d "{$survey,\"state\":\"ACTIVE\"}" >/dev/null
SOURCE=$(api "localhost:$PORT/api/v1/keys" \
  | json '[k["keyId"] for k in json.load(sys.stdin)["keys"] if k["role"] == "EVENT_SOURCE"][0]')
api -X PUT "localhost:$PORT/api/v1/keys/$SOURCE/budget" -d '{"perSecond":100000,"burst":100000}' >/dev/null
sleep 1.1 # a found key is remembered for a second: let the raised budget reach the cache

KEY=$EVENTS BATCH=1000 FRESH=1 CHANNEL=BRANCH RUN=fill wrk -t2 -c2 -d"$FILL" -s bootstrap/bench/intake.lua \
  "http://localhost:$PORT" | grep '^RESULT' | sed 's/^RESULT/fill:/'
READY=$(curl -fsS "localhost:$PORT/api/v1/surveys/$SURVEY/funnel?from=$(TZ=Europe/Helsinki date +%F)&to=$(TZ=Europe/Helsinki date +%F)" \
  -H "Authorization: Bearer $ADMIN" | json 'json.load(sys.stdin)["days"][0]["INVITED"]')
echo "machine: $(nproc) cores; $READY invitations ready; claims of 1,000 over $CONNS connections for $DURATION"
KEY=$PARTNER LIMIT=1000 wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" --latency -s bootstrap/bench/claim.lua \
  "http://localhost:$PORT" | grep '^RESULT' | sed 's/^RESULT/claim:/'
