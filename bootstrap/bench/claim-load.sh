#!/usr/bin/env bash
# Claim benchmark against the real jar on SQLite: a partner claims invitations 1,000 per call (each with its own
# fresh token, hashed for storage, and its text rendered) for DURATION (default 30s) over CONNS connections
# (default 2). First the partner's survey is filled with FILL seconds (default 45s) of fresh service events, every one
# invited, enough that the claims never run dry: check that "claimed" stays below "ready".
# Prints calls, the median and p99 time of one claim call, and invitations claimed per second.
#   bash bootstrap/bench/claim-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-30s}
FILL=${FILL:-45s}
CONNS=${CONNS:-2}
PORT=${PORT:-18082}
JAR=${JAR:-bootstrap/target/palaute.jar}

source bootstrap/bench/demo-service.sh
start_demo_service
api -X POST "localhost:$PORT/api/v1/partners" -d '{"partnerId":"bench-partner","name":"Bench partner"}' >/dev/null
PARTNER=$(api -X POST "localhost:$PORT/api/v1/partners/bench-partner/keys" \
  -d '{"label":"bench","perSecond":100000,"burst":100000}' | json 'json.load(sys.stdin)["key"]')
survey='"name":"Branch SMS (bench)","kind":"TRANSACTIONAL","listensTo":{"BRANCH":1},"deliveryChannel":"SMS",
  "deliveredBy":"PARTNER","partnerId":"bench-partner","anonymous":false,"languages":["fi"]'
SURVEY=$(active_survey "$survey" SMS '{"body":"Miten onnistuimme? {{surveyLink}}"}')
raise_budget EVENT_SOURCE >/dev/null
sleep 1.1 # a found key is remembered for a second: let the raised budget reach the cache

KEY=$(demo_key EVENT_SOURCE) BATCH=1000 FRESH=1 CHANNEL=BRANCH RUN=fill wrk -t2 -c2 -d"$FILL" -s bootstrap/bench/intake.lua \
  "http://localhost:$PORT" | grep '^RESULT' | sed 's/^RESULT/fill:/'
sleep 1 # batches still in flight when wrk stopped commit now
READY=$(api "localhost:$PORT/api/v1/surveys/$SURVEY/funnel?from=$(today_in_finland)&to=$(today_in_finland)" \
  | json 'json.load(sys.stdin)["days"][0]["INVITED"]')
echo "machine: $(nproc) cores; $READY invitations ready; claims of 1,000 over $CONNS connections for $DURATION"
KEY=$PARTNER LIMIT=1000 wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" --latency -s bootstrap/bench/claim.lua \
  "http://localhost:$PORT" | grep '^RESULT' | sed 's/^RESULT/claim:/'
