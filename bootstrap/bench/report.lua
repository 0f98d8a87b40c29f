-- wrk script for the report benchmark: GET /api/v1/reports/nps with KEY (an ANALYST key), cycling through the
-- queries in QUERIES (separated by ';'), paced to about RATE requests/s over CONNS connections (= wrk -c).
function init(args)
  key = os.getenv("KEY") or ""
  queries = {}
  for query in string.gmatch(os.getenv("QUERIES") or "", "[^;]+") do
    queries[#queries + 1] = query
  end
  n = 0
  local rate = tonumber(os.getenv("RATE") or "50")
  local conns = tonumber(os.getenv("CONNS") or "2")
  pause = 1000 * conns / rate
  headers = { ["Authorization"] = "Bearer " .. key }
end

function delay()
  return pause
end

function request()
  n = n + 1
  return wrk.format("GET", "/api/v1/reports/nps?" .. queries[(n % #queries) + 1], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
