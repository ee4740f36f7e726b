-- wrk script: POST batches of 100 small events per request.
-- Usage: wrk -t2 -c8 -d30s -s bench/post-batch.lua http://localhost:8080/api/events/batch
-- Events per second = requests per second x 100.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0

request = function()
  local events = {}
  for i = 1, 100 do
    counter = counter + 1
    events[i] = string.format('{"type":"bench.event","key":"customer-%d","payload":{"n":%d,"workMs":0}}', counter % 1000, counter)
  end
  return wrk.format(nil, nil, nil, "[" .. table.concat(events, ",") .. "]")
end

done = function(summary, latency, requests)
  io.write(string.format("batches: %d (%d events), non-2xx or errors: %d, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests * 100,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
