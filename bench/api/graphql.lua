-- wrk script for bench/api-1m.sh: POSTs one of the two benchmark queries to /graphql, each request with a
-- random line of an input file, and prints a RESULT line (latency percentiles in microseconds, requests per
-- second, failed responses) that the shell script reads.
--
--   wrk -t2 -c64 -d20s -s bench/api/graphql.lua URL -- identifier emails.txt
--   wrk -t2 -c64 -d20s -s bench/api/graphql.lua URL -- page cursors.txt
--
-- identifier: profileByIdentifier(kind: EMAIL) with ten fields and attribute lineage; a response without the
--             profile counts as failed.
-- page:       profiles(first: 100, after: cursor) with source records and the last 10 touchpoints; a line
--             "null" asks for the first page.
--
-- PROFILEHUB_BENCH_THINK_MS (default 0) makes each connection wait that long between its requests, as a
-- client that does something with a response before asking again: 0 is a closed loop where every connection
-- always has a request in flight, so latency is the queue (connections / throughput) once the server is busy.

local queries = {
  identifier = 'query($v: String!) { profileByIdentifier(kind: EMAIL, value: $v) { id version givenName familyName email phone city country birthDate attributes { name value lineage { source observedAt rule } } } }',
  page = 'query($a: String) { profiles(first: 100, after: $a) { nodes { id givenName sourceRecords { id source givenName } touchpoints(first: 10) { nodes { type occurredAt } } } } }',
}
local variable = { identifier = 'v', page = 'a' }

local think = tonumber(os.getenv("PROFILEHUB_BENCH_THINK_MS") or "0")
local threads = {}
local kind, lines
failed = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("PROFILEHUB_BENCH_KEY") or "")

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  kind = args[1]
  assert(queries[kind], "first script argument: identifier or page")
  lines = {}
  for line in io.lines(args[2]) do
    if line ~= "" then
      table.insert(lines, line)
    end
  end
  assert(#lines > 0, "no input lines in " .. args[2])
  math.randomseed(os.time() + id * 7919)
end

function request()
  local value = lines[math.random(#lines)]
  local json = value == "null" and "null" or ('"' .. value .. '"')
  local body = '{"query":"' .. queries[kind] .. '","variables":{"' .. variable[kind] .. '":' .. json .. '}}'
  return wrk.format(nil, nil, nil, body)
end

function delay()
  return think
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) or body:find('"profileByIdentifier":null', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failed")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50=%d p90=%d p99=%d max=%d rps=%.1f requests=%d failed=%d socket_errors=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.requests / (summary.duration / 1e6), summary.requests, failures, errors))
end
