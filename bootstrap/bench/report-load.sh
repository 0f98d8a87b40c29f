#!/usr/bin/env bash
# Report benchmark against the real jar on SQLite: is a report's time independent of how many answers are stored?
# Two databases are filled by the project's own command (`palaute.jar generate-answers`, a year of answers across
# channels, languages and controllers, with their report counters): SMALL (default 10,000) and LARGE (default
# 1,000,000) answers. Then, side by side, each is served by the jar and asked the same mix of reports (a year by
# month and channel, by quarter, channel and language, the last twelve weeks by channel, the year's total) paced at
# RATE (default 50) req/s for DURATION (default 30s). Each size is served twice: as configured by default (the
# node remembers the years it has decided, so a report on unchanged counts reuses them) and with
# PALAUTE_REPORT_YEARS_REMEMBERED=0 (every report decides its year afresh, as when answers arrive between any two
# reports). Prints p50 / p99 per size and setting and the ratio of the p99s (goal: p99 ≤ 50 ms at the large size,
# ratio ≤ 1.5).
#   bash bootstrap/bench/report-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

SMALL=${SMALL:-10000}
LARGE=${LARGE:-1000000}
RATE=${RATE:-50}
DURATION=${DURATION:-30s}
PORT=${PORT:-18084}
JAR=${JAR:-bootstrap/target/palaute.jar}

source bootstrap/bench/lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests
work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

year=$(TZ=Europe/Helsinki date +%Y)
week=$(TZ=Europe/Helsinki date +%G-W%V)
first_week=$(TZ=Europe/Helsinki date -d '11 weeks ago' +%G-W%V)
QUERIES="period=MONTH&from=$year-01&to=$year-12&by=CHANNEL;period=QUARTER&from=$year-Q1&to=$year-Q4&by=CHANNEL,LANGUAGE"
QUERIES="$QUERIES;period=ISO_WEEK&from=$first_week&to=$week&by=CHANNEL;period=YEAR&from=$year&to=$year"

for size in "$SMALL" "$LARGE"; do
  export PALAUTE_DB_URL="jdbc:sqlite:$work/answers-$size.db" PALAUTE_PORT=$PORT
  start=$(date +%s.%N)
  java -jar "$JAR" generate-answers --count "$size" --months 12 >/dev/null
  echo "generated $size answers in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s"
  java -jar "$JAR" create-key --role ANALYST --per-second 1000 --burst 1000 | cut -d' ' -f2 >"$work/key-$size"
done

for remembered in 8 0; do
for size in "$SMALL" "$LARGE"; do
  export PALAUTE_DB_URL="jdbc:sqlite:$work/answers-$size.db" PALAUTE_PORT=$PORT
  PALAUTE_REPORT_YEARS_REMEMBERED=$remembered java -jar "$JAR" >/dev/null 2>"$work/server.log" &
  pid=$!
  for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
  KEY=$(cat "$work/key-$size")
  # warm-up, not counted
  KEY=$KEY QUERIES=$QUERIES RATE=$RATE CONNS=2 wrk -t2 -c2 -d5s -s bootstrap/bench/report.lua "http://localhost:$PORT" >/dev/null
  result=$(KEY=$KEY QUERIES=$QUERIES RATE=$RATE CONNS=2 wrk -t2 -c2 -d"$DURATION" --latency \
    -s bootstrap/bench/report.lua "http://localhost:$PORT" | grep '^RESULT')
  echo "$result" | sed "s/^RESULT/$size answers, $remembered years remembered:/"
  eval "p99_$size=$(field "$result" p99_ms)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
small_p99=$(eval echo "\$p99_$SMALL"); large_p99=$(eval echo "\$p99_$LARGE")
echo "$remembered years remembered: p99 ratio $LARGE / $SMALL answers: $(echo "scale=2; $large_p99 / $small_p99" | bc)"
done
echo "machine: $(nproc) cores"
