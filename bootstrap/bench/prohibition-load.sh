#!/usr/bin/env bash
# Load run against the real jar. In one run, on one server process: the bare liveness endpoint, then PUT
# prohibitions for distinct customers, each paced at RATE requests/s (default 200) for DURATION (default 30s),
# after a warm-up of each. Prints p50/p90/p99 of both and the ratio of the p99s.
#   bash bootstrap/bench/prohibition-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

RATE=${RATE:-200}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CONNS=${CONNS:-4}
PORT=${PORT:-18080}
JAR=bootstrap/target/palaute.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

export PALAUTE_PORT=$PORT PALAUTE_DB_URL="jdbc:sqlite:$work/palaute.db"
# The benchmark key gets a budget above the load, as an admin would give a busy client.
KEY=$(java -jar "$JAR" create-key --role CUSTOMER_SERVICE --label bench --per-second 10000 --burst 10000 | cut -d' ' -f2)
java -jar "$JAR" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done

export KEY RATE CONNS
run() { # script duration
  wrk -t2 -c"$CONNS" -d"$2" --latency -s "bootstrap/bench/$1" "http://localhost:$PORT" | grep '^RESULT'
}
run bare.lua "$WARMUP" >/dev/null
run prohibitions.lua "$WARMUP" >/dev/null
bare=$(run bare.lua "$DURATION")
put=$(run prohibitions.lua "$DURATION")
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

echo "machine: $(nproc) cores; rate target $RATE req/s; $DURATION each; $CONNS connections"
printf '%-28s %8s %8s %8s %8s %8s %7s\n' endpoint req/s p50_ms p90_ms p99_ms max_ms errors
for row in "GET /health/live (bare)|$bare" "PUT prohibition|$put"; do
  name=${row%%|*}; r=${row#*|}
  printf '%-28s %8s %8s %8s %8s %8s %7s\n' "$name" "$(field "$r" rate)" "$(field "$r" p50_ms)" \
    "$(field "$r" p90_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" errors)"
done
awk -v a="$(field "$put" p99_ms)" -v b="$(field "$bare" p99_ms)" 'BEGIN { printf "p99 ratio PUT/bare: %.2f\n", a / b }'
