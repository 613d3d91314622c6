-- wrk script: a signed-in analyst reading the dashboard and indicator pages, and (every CSP_WRITE_EVERY-th request,
-- 0 = never) submitting a value through the data entry form, each write for a period of its own so every write is
-- one new row. Used by bench/load.sh and by the load smoke test (tests/CommunitySafety.Web.Tests/Reliability).
--
-- Environment:
--   CSP_COOKIE       the Cookie header: the sign-in cookie and the anti-forgery cookie
--   CSP_TOKEN        the anti-forgery request token that goes with that cookie
--   CSP_INSTANCE     0, 1, …: which instance this wrk process loads (keeps write periods apart between processes)
--   CSP_INSTANCES    how many instances (wrk processes) there are
--   CSP_THREADS      wrk's -t
--   CSP_WRITE_EVERY  every n-th request is a write (default 5; 0 for reads only)
--   CSP_READS        the pages read, comma-separated (default: the dashboard, filtered and not, and four indicator pages)
--   CSP_ACK_FILE     where each thread appends the index of every write the server acknowledged (<file>.<thread>)
--
-- Write number i goes to DA-C2 for the quarter i after Q1 1000/01 (far from any real data, and past: a future period is refused): the database can be
-- checked against the acknowledgements afterwards (bench/load.sh, LoadSmokeTests).

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local reads = { "/dashboard", "/indicators/DA-C2", "/indicators/DA-E1", "/indicators/DA-02", "/dashboard?framework=DAMF", "/indicators/YJ-01" }

local function urlencode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  nthreads = tonumber(os.getenv("CSP_THREADS") or "1") -- wrk -t: each thread has its own Lua state
  instance = tonumber(os.getenv("CSP_INSTANCE") or "0")
  instances = tonumber(os.getenv("CSP_INSTANCES") or "1")
  write_every = tonumber(os.getenv("CSP_WRITE_EVERY") or "5")
  cookie = os.getenv("CSP_COOKIE") or ""
  token = urlencode(os.getenv("CSP_TOKEN") or "")
  local ack = os.getenv("CSP_ACK_FILE")
  ack_file = ack and io.open(ack .. "." .. instance .. "." .. tid, "w") or nil
  n, writes_sent, writes_ok, app_errors = 0, 0, 0, 0
  local only = os.getenv("CSP_READS")
  if only and #only > 0 then
    reads = {}
    for path in string.gmatch(only, "[^,]+") do table.insert(reads, path) end
  end
end

function request()
  n = n + 1
  if write_every > 0 and n % write_every == 0 then
    -- Unique over threads and wrk processes: thread, instance and this thread's count of writes.
    local i = (writes_sent * nthreads + tid) * instances + instance
    writes_sent = writes_sent + 1
    local year = 1000 + math.floor(i / 4)
    local period = string.format("Q%d %d/%02d", i % 4 + 1, year, (year + 1) % 100)
    local body = "Rows%5B0%5D.Code=DA-C2&Rows%5B0%5D.Count=" .. (i % 90 + 1) .. "&Rows%5B0%5D.Denominator=100"
      .. "&Status=Provisional&action=submit&__RequestVerificationToken=" .. token
    return wrk.format("POST", "/entry/form?framework=DAMF&period=" .. urlencode(period),
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
  end
  return wrk.format("GET", reads[n % #reads + 1], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status == 302 then
    local location = headers["Location"] or headers["location"] or ""
    local q, year = string.match(location, "period=Q(%d)%%20(%d%d%d%d)%%2F")
    if q and string.find(location, "done=submitted", 1, true) then
      writes_ok = writes_ok + 1
      if ack_file then
        ack_file:write(((tonumber(year) - 1000) * 4 + tonumber(q) - 1) .. "\n")
        ack_file:flush()
      end
    else
      app_errors = app_errors + 1 -- e.g. sent to the sign-in page
    end
  elseif status ~= 200 then
    app_errors = app_errors + 1
  end
end

function done(summary, latency, requests)
  local sent, ok, errors = 0, 0, 0
  for _, t in ipairs(threads) do
    sent = sent + t:get("writes_sent")
    ok = ok + t:get("writes_ok")
    errors = errors + t:get("app_errors")
  end
  io.write(string.format("csp-requests %d\ncsp-socket-errors %d\ncsp-timeouts %d\ncsp-app-errors %d\ncsp-writes-sent %d\ncsp-writes-acknowledged %d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.timeout,
    errors, sent, ok))
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("csp-latency-p%d-ms %.2f\n", p, latency:percentile(p) / 1000))
  end
end
