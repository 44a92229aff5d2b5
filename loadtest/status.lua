-- Counts every response whose status is not 2xx (wrk's own summary lets 3xx pass as success).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, total, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
