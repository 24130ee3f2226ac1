-- wrk script for bench/search-load.sh: replays a query log (one URL-encoded query string a line,
-- from bench/search-corpus.py) against /api/search, each wrk thread from its own offset.
-- Prints one JSON line at the end: requests/s, latency percentiles (ms), errors.
local queries = {}
local file = os.getenv("QUERIES")
for line in io.lines(file) do
  if #line > 0 then queries[#queries + 1] = line end
end
local counter = 0
local offset = 0
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 997)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local q = queries[((offset + counter) % #queries) + 1]
  return wrk.format("GET", "/api/search?" .. q)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "rps": %.0f, "errors": %d, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.requests / s, errors, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
