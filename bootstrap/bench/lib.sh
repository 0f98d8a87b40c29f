# Shared by the load scripts (source it from the project root): small helpers to talk to the service as an admin
# and to read wrk's RESULT lines. The admin calls use $PORT and $ADMIN. demo-service.sh adds the start-up.

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
