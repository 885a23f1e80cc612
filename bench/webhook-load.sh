#!/usr/bin/env bash
# Webhook intake benchmark: workstreams (every delivery stored before its 202) against a minimal
# Probot 14 app (stores nothing), same signed payload, same load, same machine, same run.
#   bench/webhook-load.sh            # per server: 30 s warm-up, then 15 s measured
#   DURATION=30 WARMUP=60 bench/webhook-load.sh
# workstreams runs twice: as shipped (handling the stored deliveries while it takes new ones), and
# as an intake-only instance (JOB_WORKERS=0), which shows the cost of intake alone.
# Needs: java 17, node + npm (Probot from the npm registry), wrk (installed from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
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
BUILT=$BUILD_DIR/workstreams.jar
if [ ! -f "$BUILT" ] || [ -n "$(find src pom.xml -newer "$BUILT" -print -quit)" ]; then
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
load() { # url prefix seconds
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s --latency -s bench/webhook-load.lua "$1" -- "$PAYLOAD" "$SIGNATURE" issues "$2" \
    | grep '^RESULT' | sed 's/^RESULT //'
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }

# --- workstreams -------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_workstreams() { # name, extra env (VAR=value ...)
  local name=$1; shift
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
  result=$(load "http://127.0.0.1:$port/api/github/webhooks" measured "$DURATION")
  ticks1=$(cpu_ticks "$pid")
  local rss; rss=$(rss_kb "$pid")
  kill -TERM "$pid"; wait "$pid" || true
  local url="jdbc:h2:file:$data/workstreams"
  local stored with_job
  stored=$(h2_count "$url" "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%'")
  with_job=$(h2_count "$url" "SELECT COUNT(*) FROM deliveries d LEFT JOIN scheduled_tasks t ON t.task_name = 'handle-delivery' AND t.task_instance = d.delivery_id WHERE d.delivery_id LIKE 'measured-%' AND (d.state <> 'pending' OR t.task_instance IS NOT NULL)")
  handled=$(h2_count "$url" "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%' AND state = 'handled'")
  echo "$result rss_kb=$rss cpu_ms=$(( (ticks1 - ticks0) * 1000 / $(getconf CLK_TCK) )) stored=$stored with_job=$with_job handled=$handled"
}
h2_count() { java -cp "$JAR" org.h2.tools.Shell -url "$1" -sql "$2" 2>>"$WORK/h2-shell.log" | awk 'NR==2 {print $1}'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WS=$(run_workstreams default | tee /dev/stderr | tail -1)
WS0=$(run_workstreams intake-only JOB_WORKERS=0 | tee /dev/stderr | tail -1)

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

# --- report ------------------------------------------------------------------------------------
row() { printf '%-34s %16s %16s %16s\n' "$1" "$2" "$3" "$4"; }
per_delivery_us() { # result
  local cpu acc; cpu=$(field "$1" cpu_ms); acc=$(field "$1" accepted)
  [ "$acc" -gt 0 ] && echo $(( cpu * 1000 / acc )) || echo "-"
}
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); java $(java -version 2>&1 | awk -F'"' 'NR==1 {print $2}'); node $(node --version); load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after ${WARMUP}s of warm-up, $(wc -c < "$PAYLOAD") byte issues.labeled payload, fresh delivery id per request"
echo
row "" "workstreams" "workstreams" "probot 14"
row "" "(as shipped)" "(intake only)" "(stores nothing)"
for k in accepted rps p50_ms p90_ms p99_ms max_ms other socket_errors; do
  case $k in
    accepted) label="acknowledged (2xx)";; rps) label="acknowledged per second";;
    p50_ms) label="p50 latency (ms)";; p90_ms) label="p90 latency (ms)";; p99_ms) label="p99 latency (ms)";;
    max_ms) label="max latency (ms)";; other) label="non-2xx answers";; socket_errors) label="socket errors";;
  esac
  row "$label" "$(field "$WS" $k)" "$(field "$WS0" $k)" "$(field "$PB" $k)"
done
row "server CPU per delivery (us)" "$(per_delivery_us "$WS")" "$(per_delivery_us "$WS0")" "$(per_delivery_us "$PB")"
row "server RSS after load (MiB)" "$(( $(field "$WS" rss_kb) / 1024 ))" "$(( $(field "$WS0" rss_kb) / 1024 ))" "$(( $(field "$PB" rss_kb) / 1024 ))"
row "deliveries in the database" "$(field "$WS" stored)" "$(field "$WS0" stored)" "-"
row "  of them with a job or handled" "$(field "$WS" with_job)" "$(field "$WS0" with_job)" "-"
row "  of them handled by shutdown" "$(field "$WS" handled)" "$(field "$WS0" handled)" "-"
echo
status=0
for result in "$WS" "$WS0"; do
  ack=$(field "$result" accepted); sent=$(field "$result" sent); stored=$(field "$result" stored); with_job=$(field "$result" with_job)
  if [ "$stored" -ge "$ack" ] && [ "$stored" -le "$sent" ] && [ "$with_job" -eq "$stored" ]; then
    echo "check: all $ack acknowledged deliveries stored with their job ($((stored - ack)) more stored whose 202 wrk cut off at the end)"
  else
    echo "check FAILED: acknowledged=$ack stored=$stored with-job=$with_job sent=$sent" >&2
    status=1
  fi
done
exit $status
