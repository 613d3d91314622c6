-- wrk script: GET one path (CSP_PATH) with an optional Cookie header (CSP_COOKIE); CSP_RANDOM_PERIOD=1 adds a
-- different ?period= each request (a report not in the cache). Prints p50/p95/p99 in ms and the count of error
-- statuses (4xx/5xx) in one line: "name p50 p95 p99 requests errors". Used by bench/load/public-pdf.sh.
local path = os.getenv("CSP_PATH") or "/dashboard"
local cookie = os.getenv("CSP_COOKIE") or ""
local random_period = os.getenv("CSP_RANDOM_PERIOD") == "1"
local name = os.getenv("CSP_NAME") or path
local n = 0

function request()
  local p = path
  if random_period then
    n = n + 1
    local i = math.random(0, 399)
    local y = 2000 + math.floor(i / 4)
    p = p .. string.format("?period=Q%d%%20%d%%2F%02d", i % 4 + 1, y, (y + 1) % 100)
  end
  if #cookie > 0 then
    return wrk.format("GET", p, { ["Cookie"] = cookie })
  end
  return wrk.format("GET", p)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %s p50=%.1f p95=%.1f p99=%.1f requests=%d errors=%d timeouts=%d\n", name,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, summary.errors.timeout))
end
