#!/usr/bin/env bash
# Webhook intake benchmark: workstreams (every delivery stored before its 202) against a minimal
# Probot 14 app (stores nothing), same signed payload, same load, same machine, same run.
#   bench/webhook-load.sh            # 15 s per server after a 5 s warm-up
#   DURATION=30 bench/webhook-load.sh
# Needs: java 17, node + npm (Probot from the npm registry), wrk (installed from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BUILD_DIR=${BUILD_DIR:-/tmp/build-bench}
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
JAR=$BUILD_DIR/workstreams.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "building $JAR"
  ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -DskipTests package
fi

SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" < "$PAYLOAD" | sed 's/^.*= *//')"

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
PORT=$(free_port)
DATA="$WORK/data"
APP_ID=1 WEBHOOK_SECRET="$SECRET" PORT=$PORT DATA_DIR="$DATA" LOG_LEVEL=warn \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/workstreams.log" 2>&1 &
WS_PID=$!; PIDS+=("$WS_PID")
wait_for "http://127.0.0.1:$PORT/healthz"
echo "workstreams: warm-up ${WARMUP}s, then ${DURATION}s measured"
load "http://127.0.0.1:$PORT/api/github/webhooks" warmup "$WARMUP" >/dev/null
WS=$(load "http://127.0.0.1:$PORT/api/github/webhooks" measured "$DURATION")
WS_RSS=$(rss_kb "$WS_PID")
kill -TERM "$WS_PID"; wait "$WS_PID" || true
H2_URL="jdbc:h2:file:$DATA/workstreams"
count() { java -cp "$JAR" org.h2.tools.Shell -url "$H2_URL" -sql "$1" | awk 'NR==2 {print $1}'; }
WS_STORED=$(count "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%'")
WS_JOBS=$(count "SELECT COUNT(*) FROM deliveries d WHERE d.delivery_id LIKE 'measured-%' AND (d.state <> 'pending' OR EXISTS (SELECT 1 FROM scheduled_tasks t WHERE t.task_instance = d.delivery_id))")

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
PB=$(load "http://127.0.0.1:$PPORT/api/github/webhooks" measured "$DURATION")
PB_RSS=$(rss_kb "$PB_REAL_PID" 2>/dev/null || rss_kb "$PB_PID")
kill -TERM "$PB_PID" 2>/dev/null || true

# --- report ------------------------------------------------------------------------------------
row() { printf '%-30s %18s %18s\n' "$1" "$2" "$3"; }
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); java $(java -version 2>&1 | awk -F'"' 'NR==1 {print $2}'); node $(node --version)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, $(wc -c < "$PAYLOAD") byte issues.labeled payload, fresh delivery id per request"
echo
row "" "workstreams" "probot 14"
row "acknowledged (2xx)" "$(field "$WS" accepted)" "$(field "$PB" accepted)"
row "acknowledged per second" "$(field "$WS" rps)" "$(field "$PB" rps)"
row "p50 latency (ms)" "$(field "$WS" p50_ms)" "$(field "$PB" p50_ms)"
row "p90 latency (ms)" "$(field "$WS" p90_ms)" "$(field "$PB" p90_ms)"
row "p99 latency (ms)" "$(field "$WS" p99_ms)" "$(field "$PB" p99_ms)"
row "max latency (ms)" "$(field "$WS" max_ms)" "$(field "$PB" max_ms)"
row "non-2xx answers" "$(field "$WS" other)" "$(field "$PB" other)"
row "socket errors" "$(field "$WS" socket_errors)" "$(field "$PB" socket_errors)"
row "server RSS after load (MiB)" "$((WS_RSS / 1024))" "$((PB_RSS / 1024))"
row "deliveries in the database" "$WS_STORED" "(stores nothing)"
row "  of them with a job or handled" "$WS_JOBS" ""
echo
ACK=$(field "$WS" accepted); SENT=$(field "$WS" sent)
if [ "$WS_STORED" -ge "$ACK" ] && [ "$WS_STORED" -le "$SENT" ] && [ "$WS_JOBS" -eq "$WS_STORED" ]; then
  echo "check: every one of the $ACK acknowledged deliveries is stored with its job ($((WS_STORED - ACK)) more were stored whose answer wrk cut off when the time was up)"
else
  echo "check FAILED: acknowledged=$ACK stored=$WS_STORED with-job=$WS_JOBS sent=$SENT" >&2
  exit 1
fi
