-- wrk script: POST one small event per request, with a varying key.
-- Usage: wrk -t2 -c32 -d30s -s bench/post-event.lua http://localhost:8080/api/events
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format('{"type":"bench.event","key":"customer-%d","payload":{"n":%d,"workMs":0}}', counter % 1000, counter)
  return wrk.format(nil, nil, nil, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
