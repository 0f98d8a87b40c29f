-- wrk script: GET the bare liveness endpoint (no key, no database), paced like prohibitions.lua.
function init(args)
  local rate = tonumber(os.getenv("RATE") or "200")
  local conns = tonumber(os.getenv("CONNS") or "4")
  pause = 1000 * conns / rate
end

function delay()
  return pause
end

function request()
  return wrk.format("GET", "/health/live")
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, bad, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
