-- wrk script for the intake benchmark: POST /api/v1/service-events with KEY (an EVENT_SOURCE key).
-- BATCH=100: each request is a batch of 100 events, sent as fast as the connections allow (throughput).
-- BATCH=1:   each request is one event, paced to about RATE requests/s in all over CONNS connections (latency).
-- The events are a realistic mix for a survey listening to CHAT at sampling rate 0.5: about 5 % stale (8 days
-- old), 5 % customers with a prohibition (bench-prohibited-1..PROHIBITED, set before the run), 15 % customers
-- seen a moment ago (resting once invited), 10 % with no contact point; half of the rest are not sampled; and
-- 1 % are redeliveries of an event the same thread sent in its previous request.
-- RUN keeps event and customer ids distinct across runs on one database. CHANNEL (default CHAT) names the events'
-- channel; FRESH=1 makes every event a new customer with a mobile number and no other reason (to fill a survey).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  n = 0
  key = os.getenv("KEY") or ""
  run = os.getenv("RUN") or "0"
  batch = tonumber(os.getenv("BATCH") or "100")
  prohibited = tonumber(os.getenv("PROHIBITED") or "200")
  local rate = tonumber(os.getenv("RATE") or "200")
  local conns = tonumber(os.getenv("CONNS") or "4")
  pause = (batch == 1) and (1000 * conns / rate) or 0
  recent = {}
  recentCount = 0
  previousIds = {}
  math.randomseed(os.time() + tid * 7919)
  headers = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
  channel = os.getenv("CHANNEL") or "CHAT"
  fresh = os.getenv("FRESH") == "1"
end

function delay()
  return pause
end

local function freshEvent(used)
  n = n + 1
  local id = run .. "-" .. tid .. "-" .. n
  used[id] = true
  return '{"eventId":"' .. id .. '","customerId":"bench-' .. id .. '","channel":"' .. channel .. '","occurredAt":"'
    .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '","controller":"OP-Retail","language":"fi","mobile":"+35840'
    .. string.format("%07d", n % 10000000) .. '"}', id
end

local function event(used)
  if fresh then
    return freshEvent(used)
  end
  if #previousIds > 0 and math.random() < 0.01 then
    local id = previousIds[math.random(1, #previousIds)]
    if not used[id] then
      used[id] = true
      return '{"eventId":"' .. id .. '","customerId":"bench-redelivered","channel":"CHAT","occurredAt":"'
        .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '","controller":"OP-Retail","language":"fi"}', id
    end
  end
  n = n + 1
  local now = os.time()
  local r = math.random()
  local customer
  local occurred = now
  if r < 0.05 then
    occurred = now - 8 * 86400
    customer = "bench-" .. run .. "-" .. tid .. "-" .. n
  elseif r < 0.10 and prohibited > 0 then
    customer = "bench-prohibited-" .. math.random(1, prohibited)
  elseif r < 0.25 and recentCount > 0 then
    customer = recent[math.random(1, math.min(recentCount, 200))]
  else
    customer = "bench-" .. run .. "-" .. tid .. "-" .. n
    recent[(recentCount % 200) + 1] = customer
    recentCount = recentCount + 1
  end
  local contact = ""
  if math.random() >= 0.10 then
    contact = ',"email":"c' .. n .. '@example.fi"'
  end
  local id = run .. "-" .. tid .. "-" .. n
  used[id] = true
  return '{"eventId":"' .. id .. '","customerId":"' .. customer
    .. '","channel":"' .. channel .. '","occurredAt":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", occurred)
    .. '","controller":"OP-Retail","language":"fi"' .. contact .. "}", id
end

function request()
  local body
  local used = {}
  local ids = {}
  if batch == 1 then
    body, ids[1] = event(used)
  else
    local events = {}
    for i = 1, batch do
      events[i], ids[i] = event(used)
    end
    body = "[" .. table.concat(events, ",") .. "]"
  end
  previousIds = ids
  return wrk.format("POST", "/api/v1/service-events", headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local batch = tonumber(os.getenv("BATCH") or "100") -- done() runs in wrk's main state, where init() did not
  io.write(string.format("RESULT requests=%d errors=%d rate=%.1f events_per_s=%.0f p50_ms=%.2f p90_ms=%.2f "
    .. "p99_ms=%.2f max_ms=%.2f\n", summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    summary.requests / seconds, summary.requests * batch / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
