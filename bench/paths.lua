-- wrk script: cycles through the request paths in $PATHS_FILE (one per line, URL-encoded) and
-- prints one summary line in the same shape as discovery_load.py.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local i = 0

-- HEADER="Name: value" replaces the Accept header (feeds-bench.sh: If-None-Match for revalidations).
local headers = { ["Accept"] = "application/json" }
local header = os.getenv("HEADER")
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  headers = { [name] = value }
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "closed %s (wrk): %d requests in %.1f s = %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d\n",
    os.getenv("KIND") or "?", summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
