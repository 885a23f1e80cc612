-- wrk script for bench/webhook-load.sh: signed webhook deliveries, each with a fresh delivery id.
-- Arguments (after --): a list file (one "payload-file signature" line per variant), event name,
-- delivery id prefix. The variants differ in their issue number (so deliveries spread over several
-- subjects, as real traffic does) and are sent in turn; the signature covers the body only, so one
-- precomputed value per variant serves every request.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  bodies, signatures = {}, {}
  for line in io.lines(args[1]) do
    local path, sig = line:match("^(%S+) (%S+)$")
    local file = assert(io.open(path, "rb"))
    table.insert(bodies, file:read("*a"))
    file:close()
    table.insert(signatures, sig)
  end
  event = args[2]
  prefix = args[3]
  sent = 0
  accepted = 0
  other = 0
end

function request()
  sent = sent + 1
  local variant = (sent + tid) % #bodies + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "GitHub-Hookshot/bench",
    ["X-GitHub-Event"] = event,
    ["X-GitHub-Delivery"] = prefix .. "-" .. tid .. "-" .. sent,
    ["X-Hub-Signature-256"] = signatures[variant],
  }
  return wrk.format("POST", nil, headers, bodies[variant])
end

function response(status, headers, body)
  if status == 202 or status == 200 then
    accepted = accepted + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local total_sent, total_accepted, total_other = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_accepted = total_accepted + thread:get("accepted")
    total_other = total_other + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT seconds=%.1f sent=%d accepted=%d other=%d socket_errors=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    seconds, total_sent, total_accepted, total_other, errors, total_accepted / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
