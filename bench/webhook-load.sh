#!/usr/bin/env bash
# Webhook intake benchmark: workstreams (every delivery stored before its 202) against a minimal
# Probot 14 app (stores nothing), same signed payload, same load, same machine, same run.
#   bench/webhook-load.sh            # per server: 30 s warm-up, then 15 s measured
#   DURATION=30 WARMUP=60 bench/webhook-load.sh
# workstreams runs three times: as shipped (handling the stored deliveries while it takes new ones);
# as shipped under a flood of unsigned 24 MiB bodies (FLOOD_CLIENTS curl loops in parallel, loopback
# only, for the measured seconds, at most FLOOD_MAX bodies) mixed into the same signed load, with the
# server's peak resident memory (VmHWM); and as an intake-only instance (JOB_WORKERS=0), which shows
# the cost of intake alone.
#   WARMUP=10 DURATION=10 SKIP_PEERS=1 bench/webhook-load.sh   # only the clean and the flooded runs
# Needs: java 17, node + npm (Probot from the npm registry), wrk (installed from Debian if missing), curl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
FLOOD_CLIENTS=${FLOOD_CLIENTS:-50}
FLOOD_MAX=${FLOOD_MAX:-2000}
FLOOD_TIMEOUT=${FLOOD_TIMEOUT:-120}
SKIP_PEERS=${SKIP_PEERS:-0}
BUILD_DIR=${BUILD_DIR:-/tmp/workstreams-webhook-bench-build}
PAYLOAD=${PAYLOAD:-$ROOT/src/test/resources/webhooks/issues-labeled-bug.json}
SECRET="bench-secret-$RANDOM$RANDOM"
WORK=$(mktemp -d /tmp/webhook-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
# BENCH_JAR: measure a jar built elsewhere (an older commit, for a baseline) instead of this tree.
BUILT=${BENCH_JAR:-$BUILD_DIR/workstreams.jar}
if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$BUILT" ] || [ -n "$(find src pom.xml -newer "$BUILT" -print -quit)" ]; }; then
  echo "building $BUILT"
  ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -DskipTests package
fi
# A private copy: a rebuild while the benchmark runs must not swap classes under a running JVM.
JAR="$WORK/workstreams.jar"
cp "$BUILT" "$JAR"

SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" < "$PAYLOAD" | sed 's/^.*= *//')"
# With APP_ID set the server needs the App's key; a throwaway one (GitHub is never called here).
APP_KEY="$WORK/app-key.pem"
openssl genrsa -traditional -out "$APP_KEY" 2048 2>/dev/null || openssl genrsa -out "$APP_KEY" 2048 2>/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # url
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.25; done
  echo "server at $1 did not come up" >&2; return 1
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
peak_rss_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

# --- the unsigned flood ------------------------------------------------------------------------
FLOOD_BODY="$WORK/flood-body.json"
{ printf '{"action":"labeled","padding":"'; head -c $((24 * 1024 * 1024 - 40)) /dev/zero | tr '\0' x; printf '"}'; } > "$FLOOD_BODY"
flood() { # url seconds: FLOOD_CLIENTS loops posting the body with a wrong signature; prints "flood_401=n ..."
  # Loops start no body after the measured seconds; one in flight may take up to FLOOD_TIMEOUT to finish.
  local url=$1 seconds=$2 end=$(( $(date +%s) + $2 )) i
  rm -f "$WORK"/flood-*.codes
  for i in $(seq 1 "$FLOOD_CLIENTS"); do
    ( n=0
      while [ "$(date +%s)" -lt "$end" ] && [ $n -lt $(( FLOOD_MAX / FLOOD_CLIENTS )) ]; do
        n=$((n + 1))
        # -T streams the file (curl --data-binary would load all 24 MiB into the client first).
        curl -s -o /dev/null -w '%{http_code}\n' --max-time "$FLOOD_TIMEOUT" -X POST -T "$FLOOD_BODY" \
          -H 'Content-Type: application/json' -H 'X-GitHub-Event: issues' -H "X-GitHub-Delivery: flood-$i-$n" \
          -H "X-Hub-Signature-256: sha256=$(printf '0%.0s' $(seq 1 64))" "$url" >> "$WORK/flood-$i.codes" || true
      done ) &
  done
  wait
  cat "$WORK"/flood-*.codes | awk '{c[$1]++} END {printf "flood_401=%d flood_503=%d flood_other=%d", c["401"], c["503"], NR - c["401"] - c["503"]}'
}
load() { # url prefix seconds
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s --latency -s bench/webhook-load.lua "$1" -- "$PAYLOAD" "$SIGNATURE" issues "$2" \
    | grep '^RESULT' | sed 's/^RESULT //'
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }

# --- workstreams -------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_workstreams() { # name, flood|clean, extra env (VAR=value ...)
  local name=$1 mode=$2; shift 2
  local port data pid ticks0 ticks1 result
  port=$(free_port)
  data="$WORK/data-$name"
  env APP_ID=1 PRIVATE_KEY_PATH="$APP_KEY" WEBHOOK_SECRET="$SECRET" PORT="$port" DATA_DIR="$data" LOG_LEVEL=warn "$@" \
    java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/workstreams-$name.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_for "http://127.0.0.1:$port/healthz"
  echo "workstreams ($name): warm-up ${WARMUP}s, then ${DURATION}s measured"
  load "http://127.0.0.1:$port/api/github/webhooks" warmup "$WARMUP" >/dev/null
  ticks0=$(cpu_ticks "$pid")
  local flooded="flood_401=- flood_503=- flood_other=-"
  if [ "$mode" = flood ]; then
    flood "http://127.0.0.1:$port/api/github/webhooks" "$DURATION" > "$WORK/flood-$name.result" &
    local flood_pid=$!
  fi
  result=$(load "http://127.0.0.1:$port/api/github/webhooks" measured "$DURATION")
  if [ "$mode" = flood ]; then wait "$flood_pid"; flooded=$(cat "$WORK/flood-$name.result"); fi
  ticks1=$(cpu_ticks "$pid")
  local rss peak; rss=$(rss_kb "$pid"); peak=$(peak_rss_kb "$pid")
  kill -TERM "$pid"; wait "$pid" || true
  local url="jdbc:h2:file:$data/workstreams"
  local stored with_job
  stored=$(h2_count "$url" "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%'")
  with_job=$(h2_count "$url" "SELECT COUNT(*) FROM deliveries d LEFT JOIN scheduled_tasks t ON t.task_name = 'handle-delivery' AND t.task_instance = d.delivery_id WHERE d.delivery_id LIKE 'measured-%' AND (d.state <> 'pending' OR t.task_instance IS NOT NULL)")
  handled=$(h2_count "$url" "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%' AND state = 'handled'")
  echo "$result $flooded rss_kb=$rss peak_kb=$peak cpu_ms=$(( (ticks1 - ticks0) * 1000 / $(getconf CLK_TCK) )) stored=$stored with_job=$with_job handled=$handled"
}
h2_count() { java -cp "$JAR" org.h2.tools.Shell -url "$1" -sql "$2" 2>>"$WORK/h2-shell.log" | awk 'NR==2 {print $1}'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WS=$(run_workstreams default clean | tee /dev/stderr | tail -1)
WSF=$(run_workstreams flooded flood | tee /dev/stderr | tail -1)
SKIPPED="accepted=- rps=- p50_ms=- p90_ms=- p99_ms=- max_ms=- other=- socket_errors=- flood_401=- flood_503=- flood_other=- rss_kb=0 peak_kb=0 cpu_ms=0 stored=- with_job=- handled=-"
if [ "$SKIP_PEERS" = 1 ]; then
  WS0=$SKIPPED; PB=$SKIPPED
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
else
WS0=$(run_workstreams intake-only clean JOB_WORKERS=0 | tee /dev/stderr | tail -1)

# --- Probot 14 ---------------------------------------------------------------------------------
PROBOT="$WORK/probot"
mkdir -p "$PROBOT"
cat > "$PROBOT/package.json" <<'JSON'
{ "name": "probot-peer", "version": "1.0.0", "private": true, "type": "module" }
JSON
cat > "$PROBOT/app.js" <<'JS'
// The peer: a Probot app whose only handler is an empty issues.labeled.
export default (app) => {
  app.on("issues.labeled", async () => {});
};
JS
echo "installing probot@14 into $PROBOT"
(cd "$PROBOT" && npm install --silent --no-audit --no-fund probot@14 >/dev/null)
openssl genrsa -traditional -out "$PROBOT/key.pem" 2048 2>/dev/null || openssl genrsa -out "$PROBOT/key.pem" 2048 2>/dev/null
PPORT=$(free_port)
(cd "$PROBOT" && APP_ID=1 PRIVATE_KEY_PATH="$PROBOT/key.pem" WEBHOOK_SECRET="$SECRET" PORT=$PPORT HOST=127.0.0.1 LOG_LEVEL=warn \
  exec node_modules/.bin/probot run ./app.js > "$WORK/probot.log" 2>&1) &
PB_PID=$!; PIDS+=("$PB_PID")
wait_for "http://127.0.0.1:$PPORT/ping" || { cat "$WORK/probot.log"; exit 1; }
PB_REAL_PID=$(pgrep -P "$PB_PID" node || echo "$PB_PID")
echo "probot: warm-up ${WARMUP}s, then ${DURATION}s measured"
load "http://127.0.0.1:$PPORT/api/github/webhooks" warmup "$WARMUP" >/dev/null
PB_T0=$(cpu_ticks "$PB_REAL_PID")
PB=$(load "http://127.0.0.1:$PPORT/api/github/webhooks" measured "$DURATION")
PB_T1=$(cpu_ticks "$PB_REAL_PID")
PB="$PB rss_kb=$(rss_kb "$PB_REAL_PID") cpu_ms=$(( (PB_T1 - PB_T0) * 1000 / $(getconf CLK_TCK) ))"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
kill -TERM "$PB_PID" 2>/dev/null || true
PB="$PB flood_401=- flood_503=- flood_other=- peak_kb=0"
fi

# --- report ------------------------------------------------------------------------------------
row() { printf '%-38s %16s %16s %16s %16s\n' "$1" "$2" "$3" "$4" "$5"; }
per_delivery_us() { # result
  local cpu acc; cpu=$(field "$1" cpu_ms); acc=$(field "$1" accepted)
  [ "$acc" != - ] && [ "$acc" -gt 0 ] && echo $(( cpu * 1000 / acc )) || echo "-"
}
echo
echo "machine: $(nproc) cores (shared with other builds: see the load average), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); java $(java -version 2>&1 | awk -F'"' 'NR==1 {print $2}'); node $(node --version); load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after ${WARMUP}s of warm-up, $(wc -c < "$PAYLOAD") byte issues.labeled payload, fresh delivery id per request"
echo
echo "flood: $FLOOD_CLIENTS curl loops posting unsigned $(( $(wc -c < "$FLOOD_BODY") / 1048576 )) MiB bodies during the measured ${DURATION}s (at most $FLOOD_MAX)"
row "" "workstreams" "workstreams" "workstreams" "probot 14"
row "" "(as shipped)" "(+ unsigned flood)" "(intake only)" "(stores nothing)"
for k in accepted rps p50_ms p90_ms p99_ms max_ms other socket_errors; do
  case $k in
    accepted) label="acknowledged (2xx)";; rps) label="acknowledged per second";;
    p50_ms) label="p50 latency (ms)";; p90_ms) label="p90 latency (ms)";; p99_ms) label="p99 latency (ms)";;
    max_ms) label="max latency (ms)";; other) label="non-2xx answers";; socket_errors) label="socket errors";;
  esac
  row "$label" "$(field "$WS" $k)" "$(field "$WSF" $k)" "$(field "$WS0" $k)" "$(field "$PB" $k)"
done
mib() { [ "$1" -gt 0 ] && echo $(( $1 / 1024 )) || echo "-"; }
row "unsigned 24 MiB bodies answered 401" "-" "$(field "$WSF" flood_401)" "-" "-"
row "  answered 503 (no room) / other" "-" "$(field "$WSF" flood_503) / $(field "$WSF" flood_other)" "-" "-"
row "server CPU per delivery (us)" "$(per_delivery_us "$WS")" "$(per_delivery_us "$WSF")" "$(per_delivery_us "$WS0")" "$(per_delivery_us "$PB")"
row "server RSS after load (MiB)" "$(mib "$(field "$WS" rss_kb)")" "$(mib "$(field "$WSF" rss_kb)")" "$(mib "$(field "$WS0" rss_kb)")" "$(mib "$(field "$PB" rss_kb)")"
row "server peak RSS, VmHWM (MiB)" "$(mib "$(field "$WS" peak_kb)")" "$(mib "$(field "$WSF" peak_kb)")" "$(mib "$(field "$WS0" peak_kb)")" "-"
row "deliveries in the database" "$(field "$WS" stored)" "$(field "$WSF" stored)" "$(field "$WS0" stored)" "-"
row "  of them with a job or handled" "$(field "$WS" with_job)" "$(field "$WSF" with_job)" "$(field "$WS0" with_job)" "-"
row "  of them handled by shutdown" "$(field "$WS" handled)" "$(field "$WSF" handled)" "$(field "$WS0" handled)" "-"
echo
status=0
CHECKED=("$WS" "$WSF"); [ "$SKIP_PEERS" = 1 ] || CHECKED+=("$WS0")
for result in "${CHECKED[@]}"; do
  ack=$(field "$result" accepted); sent=$(field "$result" sent); stored=$(field "$result" stored); with_job=$(field "$result" with_job)
  if [ "$stored" -ge "$ack" ] && [ "$stored" -le "$sent" ] && [ "$with_job" -eq "$stored" ]; then
    echo "check: all $ack acknowledged deliveries stored with their job ($((stored - ack)) more stored whose 202 wrk cut off at the end)"
  else
    echo "check FAILED: acknowledged=$ack stored=$stored with-job=$with_job sent=$sent" >&2
    status=1
  fi
done
exit $status
