-- wrk script: POST /chat with the tool-loop question; every request starts a new session.
-- Counts answers that are not the expected text (a 200 with a wrong answer is a failure too).
local key = os.getenv("AVIARY_KEY")
local expected = "Customer c42 is active; 1 incident open."
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
  wrk.body = '{"userId":"load","question":"What is the status of customer c42 and are there open incidents?"}'
  wrong = 0
  ok = 0
end

function response(status, headers, body)
  if status == 200 and string.find(body, expected, 1, true) then
    ok = ok + 1
  else
    wrong = wrong + 1
    if wrong <= 3 then io.stderr:write("unexpected answer: " .. status .. " " .. string.sub(body, 1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local total_ok, total_wrong = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_wrong = total_wrong + t:get("wrong")
  end
  io.write(string.format(
    'RESULT {"requests":%d,"ok":%d,"wrong":%d,"socket_errors":%d,"non_2xx":%d,"duration_s":%.3f,"requests_per_s":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, total_ok, total_wrong,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
