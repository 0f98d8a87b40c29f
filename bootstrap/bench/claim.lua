-- wrk script for the claim benchmark: POST /api/v1/partner/invitations/claim {"limit":LIMIT} with KEY (a PARTNER
-- key), as fast as the connections allow, counting the invitations each answer hands over.
function init(args)
  key = os.getenv("KEY") or ""
  limit = os.getenv("LIMIT") or "1000"
  claimed = 0
  body = '{"limit":' .. limit .. '}'
  headers = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
end

function request()
  return wrk.format("POST", "/api/v1/partner/invitations/claim", headers, body)
end

function response(status, headers, body)
  local _, count = string.gsub(body, '"invitationId"', "")
  claimed = claimed + count
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("claimed")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT calls=%d errors=%d claimed=%d claimed_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout, total, total / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
