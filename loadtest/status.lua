-- Counts every unexpected status: anything but 2xx (wrk's own summary lets 3xx pass as success),
-- or anything but the status given after `--` (e.g. `-- 503` while the database is down).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected = tonumber(args[1])
  unexpected = 0
end

function response(status, headers, body)
  if expected then
    if status ~= expected then
      unexpected = unexpected + 1
    end
  elseif status < 200 or status > 299 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d unexpected=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, total, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
