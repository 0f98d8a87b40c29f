#!/usr/bin/env bash
# Load run against the real jar, on one server process: ROUNDS rounds (default 3), each the bare liveness
# endpoint and then PUT prohibitions for distinct customers, both paced at RATE requests/s (default 200) for
# DURATION (default 30s), after a warm-up of each. Prints every round and the medians of p50/p99 and of the
# per-round p99 ratio PUT/bare, so a noisy moment on a shared machine cannot decide the result alone.
#   bash bootstrap/bench/prohibition-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

RATE=${RATE:-200}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-4}
PORT=${PORT:-18080}
JAR=${JAR:-bootstrap/target/palaute.jar}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests

work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

export PALAUTE_PORT=$PORT PALAUTE_DB_URL="jdbc:sqlite:$work/palaute.db"
# The benchmark key gets a budget above the load, as an admin would give a busy client.
KEY=$(java -jar "$JAR" create-key --role CUSTOMER_SERVICE --label bench --per-second 10000 --burst 10000 | cut -d' ' -f2)
java ${BENCH_JVM_OPTS:-} -jar "$JAR" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done

export KEY RATE CONNS
run() { # target duration label
  TARGET=$1 RUN=$3 wrk -t2 -c"$CONNS" -d"$2" --latency -s bootstrap/bench/paced.lua "http://localhost:$PORT" \
    | grep '^RESULT'
}
source bootstrap/bench/lib.sh

run bare "$WARMUP" warm >/dev/null
run prohibition "$WARMUP" warm >/dev/null

echo "machine: $(nproc) cores; target $RATE req/s; $ROUNDS rounds of $DURATION per endpoint; $CONNS connections"
printf '%-6s %-26s %8s %8s %8s %8s %8s %7s\n' round endpoint req/s p50_ms p90_ms p99_ms max_ms errors
: >"$work/rows"
for round in $(seq 1 "$ROUNDS"); do
  bare=$(run bare "$DURATION" "r$round")
  put=$(run prohibition "$DURATION" "r$round")
  for row in "GET /health/live (bare)|$bare" "PUT prohibition|$put"; do
    name=${row%%|*}; r=${row#*|}
    printf '%-6s %-26s %8s %8s %8s %8s %8s %7s\n' "$round" "$name" "$(field "$r" rate)" "$(field "$r" p50_ms)" \
      "$(field "$r" p90_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" errors)"
  done
  echo "$(field "$bare" p50_ms) $(field "$bare" p99_ms) $(field "$put" p50_ms) $(field "$put" p99_ms)" >>"$work/rows"
done
echo "median of $ROUNDS rounds:"
echo "  bare  p50 $(cut -d' ' -f1 "$work/rows" | median) ms   p99 $(cut -d' ' -f2 "$work/rows" | median) ms"
echo "  PUT   p50 $(cut -d' ' -f3 "$work/rows" | median) ms   p99 $(cut -d' ' -f4 "$work/rows" | median) ms"
echo "  p99 ratio PUT/bare $(awk '{ printf "%.2f\n", $4 / $2 }' "$work/rows" | median)"
