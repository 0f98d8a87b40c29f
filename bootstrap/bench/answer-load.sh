#!/usr/bin/env bash
# Survey page benchmark against the real jar on SQLite. Links are made as customers get them: BRANCH events invite
# (FILL seconds of batches, default 10s), a partner claims every invitation, and each link's token goes to a file.
# Then, side by side in one run:
#   answers: the form POSTed once per token as fast as CONNS connections (default 4) go, for DURATION (default 20s):
#            answers stored per second and the p99 of one submission (goal ≥ 2,000/s);
#   page:    GET of answerable links paced at RATE (default 200) req/s for PACED (default 20s): p50 / p99
#            (goal p99 ≤ 20 ms);
#   sameness: the same paced GET of used links and of unknown tokens: their p50 and p99 beside each other
#            (the page and status are identical; the time should be too).
#   bash bootstrap/bench/answer-load.sh          (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
PACED=${PACED:-20s}
FILL=${FILL:-10s}
CONNS=${CONNS:-4}
RATE=${RATE:-200}
PORT=${PORT:-18083}
JAR=${JAR:-bootstrap/target/palaute.jar}

source bootstrap/bench/demo-service.sh
start_demo_service
api -X POST "localhost:$PORT/api/v1/partners" -d '{"partnerId":"bench-partner","name":"Bench partner"}' >/dev/null
PARTNER=$(api -X POST "localhost:$PORT/api/v1/partners/bench-partner/keys" \
  -d '{"label":"bench","perSecond":100000,"burst":100000}' | json 'json.load(sys.stdin)["key"]')
survey='"name":"Branch SMS (bench)","kind":"TRANSACTIONAL","listensTo":{"BRANCH":1},"deliveryChannel":"SMS",
  "deliveredBy":"PARTNER","partnerId":"bench-partner","anonymous":false,"languages":["fi"]'
active_survey "$survey" SMS '{"body":"Miten onnistuimme? {{surveyLink}}"}' >/dev/null
raise_budget EVENT_SOURCE >/dev/null
sleep 1.1 # a found key is remembered for a second: let the raised budget reach the cache

KEY=$(demo_key EVENT_SOURCE) BATCH=1000 FRESH=1 CHANNEL=BRANCH RUN=fill wrk -t2 -c2 -d"$FILL" -s bootstrap/bench/intake.lua \
  "http://localhost:$PORT" | grep '^RESULT' | sed 's/^RESULT/fill:/'
sleep 1 # batches still in flight when wrk stopped commit now

# every ready invitation claimed; its token is what follows /s/ in its link
while :; do
  got=$(curl -fsS -X POST "localhost:$PORT/api/v1/partner/invitations/claim" -H "Authorization: Bearer $PARTNER" \
    -H 'Content-Type: application/json' -d '{"limit":1000}' \
    | json '"\n".join(i["link"].split("/s/")[1] for i in json.load(sys.stdin)["invitations"])')
  [ -n "$got" ] || break
  echo "$got" >>"$work/tokens.txt"
done
total=$(wc -l <"$work/tokens.txt")
opened=20000
head -n "$opened" "$work/tokens.txt" >"$work/page-tokens.txt"
tail -n +"$((opened + 1))" "$work/tokens.txt" >"$work/answer-tokens.txt"
python3 -c 'import secrets; print("\n".join(secrets.token_urlsafe(32) for _ in range(20000)))' >"$work/unknown-tokens.txt"
echo "machine: $(nproc) cores; $total links; $((total - opened)) to answer over $CONNS connections for $DURATION"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
# PROFILE=file.jfr records a JFR profile of the answer phase alone
[ -z "${PROFILE:-}" ] || jcmd "$pid" JFR.start name=answers settings=profile filename="$PROFILE" >/dev/null
ticks_before=$(cpu_ticks)
answers=$(METHOD=POST THREADS=2 TOKENS="$work/answer-tokens.txt" wrk -t2 -c"$CONNS" -d"$DURATION" --latency \
  -s bootstrap/bench/answer.lua "http://localhost:$PORT" | grep '^RESULT')
echo "$answers" | sed 's/^RESULT/answers:/'
[ -z "${PROFILE:-}" ] || jcmd "$pid" JFR.stop name=answers >/dev/null
# where the time goes: the service's own CPU (JVM and the SQLite library in it) per answer stored
ticks=$(( $(cpu_ticks) - ticks_before ))
echo "service CPU: $(echo "scale=1; $ticks / $(getconf CLK_TCK)" | bc) s for $(field "$answers" requests) answers;" \
  "$(echo "scale=3; 1000 * $ticks / $(getconf CLK_TCK) / $(field "$answers" requests)" | bc) ms per answer"
# the two threads took alternate lines, so the first lines up to about the number of requests were all used
used=$(( $(field "$answers" requests) * 9 / 10 ))
head -n "$(( used < 20000 ? used : 20000 ))" "$work/answer-tokens.txt" >"$work/used-tokens.txt"
for set in page used unknown; do
  label=$set
  METHOD=GET THREADS=2 RATE=$RATE CONNS=4 TOKENS="$work/$set-tokens.txt" wrk -t2 -c4 -d"$PACED" --latency \
    -s bootstrap/bench/answer.lua "http://localhost:$PORT" | grep '^RESULT' | sed "s/^RESULT/GET $label:/"
done
