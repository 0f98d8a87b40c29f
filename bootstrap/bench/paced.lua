-- wrk script: requests paced to about RATE per second in all, over CONNS connections (= wrk -c).
-- TARGET=bare: GET the liveness endpoint (no key, no database).
-- TARGET=prohibition: PUT a prohibition for a new customer each time; KEY is a CUSTOMER_SERVICE key with a
-- budget above RATE, RUN a label that keeps customer ids distinct across runs on one database.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  n = 0
  target = os.getenv("TARGET") or "bare"
  key = os.getenv("KEY") or ""
  run = os.getenv("RUN") or "0"
  local rate = tonumber(os.getenv("RATE") or "200")
  local conns = tonumber(os.getenv("CONNS") or "4")
  pause = 1000 * conns / rate
end

function delay()
  return pause
end

function request()
  if target == "bare" then
    return wrk.format("GET", "/health/live")
  end
  n = n + 1
  return wrk.format("PUT", "/api/v1/customers/bench-" .. run .. "-" .. tid .. "-" .. n .. "/prohibition",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"agentId":"bench-agent"}')
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
