#!/usr/bin/env bash
# One load in three set-ups, one after another in one run, against the real jar:
#   sqlite      one node on SQLite (the embedded default)
#   pg-1-node   one node on PostgreSQL
#   pg-2-nodes  two nodes on the same PostgreSQL, each taking half the load (two wrk)
# LOAD=prohibition (default): the load of prohibition-load.sh, DURATION at RATE requests/s in all (RATE/2 per node).
# LOAD=intake: the throughput half of intake-load.sh, batches of 100 service events as fast as CONNS connections
#   per node allow, for one active survey listening to CHAT; the rate column is then events/s. Each set-up has a
#   database of its own, so no set-up sees another's survey or customers.
# Each set-up: a warm-up, then DURATION of load. Besides latency it shows where the time goes:
# CPU seconds used by the service node(s), by PostgreSQL (all its processes) and by wrk, and what PostgreSQL's
# active backends were waiting on (pg_stat_activity sampled every 100 ms: Lock = row or table locks,
# IO/LWLock WAL* = commit flushes). The machine's cores are shared by all of them.
#   bash bootstrap/bench/nodes-load.sh               (needs wrk and Debian's postgresql: apt-get install -y wrk postgresql)
#   LOAD=intake bash bootstrap/bench/nodes-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

LOAD=${LOAD:-prohibition}
RATE=${RATE:-200}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-15s}
CONNS=${CONNS:-4}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PGPORT=${PGPORT:-15432}
JAR=${JAR:-bootstrap/target/palaute.jar}
TICKS=$(getconf CLK_TCK)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL is missing: apt-get install -y postgresql" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests

work=$(mktemp -d)
chmod 755 "$work"
pids=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A real PostgreSQL with its durable defaults (fsync on), on loopback only.
mkdir -p "$work/pg" "$work/sock"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg" "$work/sock"
as_pg "$PGBIN/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/sock/pg.log" -o "-p $PGPORT -k $work/sock -c listen_addresses=127.0.0.1 -c max_connections=100" -w start >/dev/null
psql_pg() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt "$@"; }
psql_pg -c "CREATE ROLE palaute LOGIN PASSWORD 'bench'" -c "CREATE DATABASE palaute OWNER palaute" \
  -c "CREATE DATABASE palaute2 OWNER palaute"
PG_URL="jdbc:postgresql://127.0.0.1:$PGPORT/palaute"
PG_URL2="jdbc:postgresql://127.0.0.1:$PGPORT/palaute2"
postmaster=$(head -1 "$work/pg/postmaster.pid")

cpu_ticks() { # pids...
  local total=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done
  echo "$total"
}
pg_pids() { echo "$postmaster" $(ps -o pid= --ppid "$postmaster"); }

start_node() { # port db-url -> pid in $node_pid
  PALAUTE_PORT=$1 PALAUTE_DB_URL=$2 PALAUTE_DB_USER=palaute PALAUTE_DB_PASSWORD=bench java -jar "$JAR" 2>>"$work/nodes.log" &
  node_pid=$!
  pids+=("$node_pid")
  for _ in $(seq 1 60); do curl -fs "http://localhost:$1/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "node on port $1 did not start" >&2; exit 1
}

wrk_run() { # port rate duration label outfile: RESULT line, then the CPU seconds wrk used
  local TIMEFORMAT='CPU %U %S' script=paced.lua
  [ "$LOAD" = intake ] && script=intake.lua
  { time TARGET=prohibition BATCH=100 PROHIBITED=0 RATE=$2 RUN=$4 KEY=$KEY CONNS=$CONNS \
      wrk -t2 -c"$CONNS" -d"$3" --latency -s "bootstrap/bench/$script" "http://localhost:$1" | grep '^RESULT'; } \
    >"$5" 2>&1
}

cli_key() { # db-url role -> a key with a budget above any load
  PALAUTE_DB_URL=$1 PALAUTE_DB_USER=palaute PALAUTE_DB_PASSWORD=bench java -jar "$JAR" create-key --role "$2" \
    --label "bench" --per-second 100000 --burst 100000 | cut -d' ' -f2
}

intake_survey() { # port db-url: one active e-mail survey on CHAT at sampling rate 0.5, set up as an admin would
  PORT=$1 ADMIN=$(cli_key "$2" ADMIN)
  active_survey '"name":"Chat NPS (bench)","kind":"TRANSACTIONAL","listensTo":{"CHAT":0.5},"deliveryChannel":"EMAIL",
    "deliveredBy":"BANK","anonymous":false,"languages":["fi"]' EMAIL \
    '{"subject":"Miten onnistuimme?","body":"Kiitos asioinnista! Kerro kokemuksestasi: {{surveyLink}}"}' >/dev/null
}
source bootstrap/bench/lib.sh
seconds() { awk -v t="$1" -v hz="$TICKS" 'BEGIN { printf "%.1f", t / hz }'; }

sample_waits() { # until killed: one line per waiting active backend
  while true; do
    psql_pg -d palaute -c "SELECT wait_event_type || ':' || wait_event FROM pg_stat_activity
      WHERE datname LIKE 'palaute%' AND state = 'active' AND wait_event IS NOT NULL AND pid <> pg_backend_pid()" 2>/dev/null || true
    sleep 0.1
  done
}

scenario() { # name db-url node-count
  local name=$1 url=$2 n=$3 ports=() nodes=() loads=() i p
  for i in $(seq 1 "$n"); do
    ports+=($((18180 + i)))
    start_node "${ports[-1]}" "$url"
    nodes+=("$node_pid")
  done
  if [ "$LOAD" = intake ]; then
    intake_survey "${ports[0]}" "$url"
    KEY=$(cli_key "$url" EVENT_SOURCE)
  else
    KEY=$(cli_key "$url" CUSTOMER_SERVICE)
  fi
  local share=$((RATE / n))
  loads=()
  for p in "${ports[@]}"; do wrk_run "$p" "$share" "$WARMUP" "warm-$name-$p" /dev/null & loads+=($!); done
  wait "${loads[@]}"

  local before_nodes before_pg sampler=""
  before_nodes=$(cpu_ticks "${nodes[@]}"); before_pg=$(cpu_ticks $(pg_pids))
  if [[ $url == jdbc:postgresql* ]]; then sample_waits >"$work/waits-$name" & sampler=$!; fi
  loads=()
  for p in "${ports[@]}"; do wrk_run "$p" "$share" "$DURATION" "$name-$p" "$work/result-$p" & loads+=($!); done
  wait "${loads[@]}"
  [ -n "$sampler" ] && { kill "$sampler"; wait "$sampler" 2>/dev/null || true; }
  local after_nodes after_pg
  after_nodes=$(cpu_ticks "${nodes[@]}"); after_pg=$(cpu_ticks $(pg_pids))

  local rate=0 p50s="" p99s="" wrk_cpu=0 r c
  for p in "${ports[@]}"; do
    r=$(grep '^RESULT' "$work/result-$p"); c=$(grep '^CPU' "$work/result-$p")
    rate=$(awk -v a="$rate" -v b="$(field "$r" "$RATE_FIELD")" 'BEGIN { printf "%.1f", a + b }')
    wrk_cpu=$(awk -v a="$wrk_cpu" -v u="$(cut -d' ' -f2 <<<"$c")" -v s="$(cut -d' ' -f3 <<<"$c")" 'BEGIN { printf "%.1f", a + u + s }')
    p50s="$p50s${p50s:+/}$(field "$r" p50_ms)"; p99s="$p99s${p99s:+/}$(field "$r" p99_ms)"
  done
  local waits="-"
  [ -n "$sampler" ] && waits=$(sort "$work/waits-$name" | uniq -c | sort -rn | head -4 | awk '{ printf "%s %s  ", $2, $1 }')
  printf '%-11s %7s %13s %13s %8ss %6ss %7ss  %s\n' "$name" "$rate" "$p50s" "$p99s" \
    "$(seconds $((after_nodes - before_nodes)))" "$(seconds $((after_pg - before_pg)))" "$wrk_cpu" "${waits:-none}"
  for p in "${nodes[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
}

if [ "$LOAD" = intake ]; then
  RATE_FIELD=events_per_s
  echo "machine: $(nproc) cores; intake: batches of 100 events over $CONNS connections per node, $DURATION per set-up;"\
    "PostgreSQL $("$PGBIN/postgres" --version | awk '{ print $3 }')"
  printf '%-11s %7s %13s %13s %9s %7s %8s  %s\n' set-up events/s p50_ms p99_ms cpu_nodes cpu_pg cpu_wrk "PostgreSQL waits (samples)"
else
  RATE_FIELD=rate
  echo "machine: $(nproc) cores; $RATE req/s in all for $DURATION per set-up; PostgreSQL $("$PGBIN/postgres" --version | awk '{ print $3 }')"
  printf '%-11s %7s %13s %13s %9s %7s %8s  %s\n' set-up req/s p50_ms p99_ms cpu_nodes cpu_pg cpu_wrk "PostgreSQL waits (samples)"
fi
scenario sqlite "jdbc:sqlite:$work/palaute.db" 1
scenario pg-1-node "$PG_URL" 1
scenario pg-2-nodes "$PG_URL2" 2
echo "p50/p99: one figure per node; cpu_*: CPU seconds used during the measured $DURATION"
