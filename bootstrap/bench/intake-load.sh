#!/usr/bin/env bash
# Intake benchmark against the real jar on SQLite, in one run, ROUNDS rounds (default 3) of:
#   1. batches of 100 service events over HTTP, as fast as CONNS connections allow (events/s);
#   2. the same kind of rows written straight into the same SQLite file through JDBC, 100 events per transaction
#      (IntakeJdbcBaseline.java), for the ratio HTTP / JDBC;
#   3. single events paced at RATE requests/s (default 200): p50 / p99.
# One active survey listens to CHAT at sampling rate 0.5; the event mix (intake.lua) gives every reason. The event
# source's budget is raised above the load by the admin API. Prints every round and the medians.
#   bash bootstrap/bench/intake-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-4}
RATE=${RATE:-200}
PORT=${PORT:-18081}
JAR=${JAR:-bootstrap/target/palaute.jar}
JDBC_EVENTS=${JDBC_EVENTS:-20000}

source bootstrap/bench/demo-service.sh
start_demo_service
KEY=$(demo_key EVENT_SOURCE) CS=$(demo_key CUSTOMER_SERVICE)
survey='"name":"Chat NPS (bench)","kind":"TRANSACTIONAL","listensTo":{"CHAT":0.5},"deliveryChannel":"EMAIL",
  "deliveredBy":"BANK","anonymous":false,"languages":["fi"]'
SURVEY=$(active_survey "$survey" EMAIL \
  '{"subject":"Miten onnistuimme?","body":"Kiitos asioinnista! Kerro kokemuksestasi: {{surveyLink}}"}')
SOURCE=$(raise_budget EVENT_SOURCE)
PROHIBITED=150
for i in $(seq 1 $PROHIBITED); do
  curl -fsS -X PUT "localhost:$PORT/api/v1/customers/bench-prohibited-$i/prohibition" -H "Authorization: Bearer $CS" \
    -H 'Content-Type: application/json' -d '{"agentId":"bench"}' >/dev/null
done
sleep 1.1 # a found key is remembered for a second: let the raised budget reach the cache

export KEY CONNS RATE PROHIBITED
batch() { BATCH=100 RUN=$2 wrk -t2 -c"$CONNS" -d"$1" --latency -s bootstrap/bench/intake.lua \
  "http://localhost:$PORT" | grep '^RESULT'; }
single() { BATCH=1 RUN=$2 wrk -t2 -c"$CONNS" -d"$1" --latency -s bootstrap/bench/intake.lua \
  "http://localhost:$PORT" | grep '^RESULT'; }
jdbc() { java -cp "$JAR" bootstrap/bench/IntakeJdbcBaseline.java "$work/palaute.db" "$SOURCE" "$1" "$JDBC_EVENTS" \
  | grep '^RESULT'; }

batch "$WARMUP" warm >/dev/null
single "$WARMUP" warm-single >/dev/null

echo "machine: $(nproc) cores; $ROUNDS rounds of $DURATION; batches of 100 over $CONNS connections;"\
  "single events paced at $RATE req/s; JDBC copies the first $JDBC_EVENTS events' rows"
printf '%-6s %-28s %10s %8s %8s %8s %7s\n' round run events/s p50_ms p99_ms max_ms errors
: >"$work/rows"
for round in $(seq 1 "$ROUNDS"); do
  b=$(batch "$DURATION" "r$round")
  j=$(jdbc "r$round")
  s=$(single "$DURATION" "s$round")
  printf '%-6s %-28s %10s %8s %8s %8s %7s\n' "$round" "HTTP batches of 100" "$(field "$b" events_per_s)" \
    "$(field "$b" p50_ms)" "$(field "$b" p99_ms)" "$(field "$b" max_ms)" "$(field "$b" errors)"
  printf '%-6s %-28s %10s\n' "$round" "JDBC, 100 events/transaction" "$(field "$j" events_per_s)"
  printf '%-6s %-28s %10s %8s %8s %8s %7s\n' "$round" "HTTP single events" "$(field "$s" events_per_s)" \
    "$(field "$s" p50_ms)" "$(field "$s" p99_ms)" "$(field "$s" max_ms)" "$(field "$s" errors)"
  echo "$(field "$b" events_per_s) $(field "$j" events_per_s) $(field "$s" p50_ms) $(field "$s" p99_ms)" >>"$work/rows"
done
echo "median of $ROUNDS rounds:"
echo "  HTTP batches of 100: $(cut -d' ' -f1 "$work/rows" | median) events/s"
echo "  JDBC straight into the same file: $(cut -d' ' -f2 "$work/rows" | median) events/s"
echo "  ratio HTTP / JDBC (per round, median): $(awk '{ printf "%.2f\n", $1 / $2 }' "$work/rows" | median)"
echo "  single events at $RATE req/s: p50 $(cut -d' ' -f3 "$work/rows" | median) ms, p99 $(cut -d' ' -f4 "$work/rows" | median) ms"
echo "funnel of the bench survey today:"
api "localhost:$PORT/api/v1/surveys/$SURVEY/funnel?from=$(today_in_finland)&to=$(today_in_finland)" \
  | json 'json.load(sys.stdin)["days"][0]'
