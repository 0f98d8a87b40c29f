-- wrk script for the survey page: each request uses one token of the file TOKENS (one per line), thread t taking
-- lines t, t + THREADS, t + 2·THREADS, ... (THREADS = wrk -t), so no two requests share a token until the file
-- runs out (then it starts over: with METHOD=POST, a token used twice answers 410 and counts as not answered).
-- METHOD=POST submits the form (score, a comment, lang); METHOD=GET opens the page.
-- RATE paces all connections together to about RATE requests/s (CONNS = wrk -c); unset: as fast as they go.
local count = 0

function setup(thread)
  count = count + 1
  thread:set("tid", count)
end

function init(args)
  method = os.getenv("METHOD") or "POST"
  threads = tonumber(os.getenv("THREADS") or "1")
  tokens = {}
  for line in io.lines(os.getenv("TOKENS")) do
    tokens[#tokens + 1] = line
  end
  n = 0
  local rate = tonumber(os.getenv("RATE") or "0")
  local conns = tonumber(os.getenv("CONNS") or "1")
  pause = rate > 0 and (1000 * conns / rate) or 0
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function delay()
  return pause
end

function request()
  local token = tokens[((tid - 1) + n * threads) % #tokens + 1]
  n = n + 1
  if method == "GET" then
    return wrk.format("GET", "/s/" .. token)
  end
  local score = n % 11
  return wrk.format("POST", "/s/" .. token, headers,
    "score=" .. score .. "&comment=Palvelu+oli+sujuvaa%2C+kiitos&lang=fi")
end

function done(summary, latency, requests)
  local e = summary.errors
  -- a status of 400 or more (a 410 for a used token) counts in e.status: "refused"
  io.write(string.format("RESULT requests=%d refused=%d errors=%d rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
