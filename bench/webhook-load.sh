#!/usr/bin/env bash
# Webhook intake benchmark: workstreams (every delivery stored before its 202) against a minimal
# Probot 14 app (stores nothing), same signed payload, same load, same machine, same run.
#   bench/webhook-load.sh            # per server: 30 s warm-up, then 15 s measured; RUNS=3 rounds
#   DURATION=30 WARMUP=60 bench/webhook-load.sh
# Each round measures, one server after the other:
#   workstreams as shipped (H2), handling the stored deliveries while it takes new ones, against a local
#     stand-in for GitHub (bench/github-stub.py, GITHUB_API_URL) so that handlers succeed as in production;
#     after the load it waits (at most DRAIN_MAX s) until every stored delivery is handled and checks that
#     each was handled exactly once (the handled counter equals the handled rows);
#   workstreams intake-only (JOB_WORKERS=0) on H2, and on PostgreSQL (PG_URL; empty skips it);
#   with BASELINE_JAR (a jar of an older commit) the same three for that jar, in the same round;
#   with FLOOD=1, workstreams as shipped under a flood of unsigned 24 MiB bodies (FLOOD_CLIENTS curl loops,
#     loopback only, for the measured seconds, at most FLOOD_MAX bodies), with its peak RSS (VmHWM);
#   Probot 14 (SKIP_PEERS=1 leaves it out).
# The report gives the median of the rounds for every figure, and each round's load average; beside the server's
# own CPU per delivery, the whole machine's (server, database, wrk): PostgreSQL's backends work outside the server.
# The command the README's first-pass figures come from (baseline = main before issue 18, built apart; the
# second pass used be71c03, main before its cuts, the same way):
#   git archive 0d5d7e2 | (mkdir -p /tmp/ws-base && tar -x -C /tmp/ws-base)
#   (cd /tmp/ws-base && ./mvnw -B -q -DskipTests package)
#   BASELINE_JAR=/tmp/ws-base/target/workstreams.jar bench/webhook-load.sh
# Needs: java 17, node + npm (Probot from the npm registry), wrk (installed from Debian if missing), curl,
# python3; psql and a PostgreSQL whose PG_URL database may be emptied (default: bench_intake on localhost).
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
RUNS=${RUNS:-3}
FLOOD=${FLOOD:-0}
DRAIN_MAX=${DRAIN_MAX:-300}
SUBJECTS=${SUBJECTS:-64}
BASELINE_JAR=${BASELINE_JAR:-}
PG_URL=${PG_URL-jdbc:postgresql://127.0.0.1:5432/bench_intake?user=postgres}
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

# SUBJECTS variants of the payload, one per issue number (1..SUBJECTS), each signed: deliveries spread
# over that many issues, as real traffic does (one issue's deliveries are handled one at a time).
VARIANTS="$WORK/variants.txt"
python3 - "$PAYLOAD" "$SUBJECTS" "$WORK" <<'PY'
import sys
body, subjects, work = open(sys.argv[1], "rb").read(), int(sys.argv[2]), sys.argv[3]
for n in range(1, subjects + 1):
    with open(f"{work}/payload-{n}.json", "wb") as out:
        out.write(body.replace(b'"number": 1,', b'"number": %d,' % n))
PY
for n in $(seq 1 "$SUBJECTS"); do
  echo "$WORK/payload-$n.json sha256=$(openssl dgst -sha256 -hmac "$SECRET" < "$WORK/payload-$n.json" | sed 's/^.*= *//')" >> "$VARIANTS"
done
# With APP_ID set the server needs the App's key; a throwaway one (only the local GitHub stand-in is called).
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
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s --latency -s bench/webhook-load.lua "$1" -- "$VARIANTS" issues "$2" \
    | grep '^RESULT' | sed 's/^RESULT //'
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }

BASE_JAR=""
if [ -n "$BASELINE_JAR" ]; then BASE_JAR="$WORK/baseline.jar"; cp "$BASELINE_JAR" "$BASE_JAR"; fi
if [ -n "$PG_URL" ] && ! command -v psql >/dev/null; then echo "no psql: PostgreSQL left out" >&2; PG_URL=""; fi
# psql takes the same database as a libpq URL: jdbc:postgresql://host:port/db?user=u -> postgresql://u@host:port/db
PG_PSQL=$(echo "$PG_URL" | sed -E 's#^jdbc:postgresql://([^/]+)/([^?]+)\?user=([^&]+).*#postgresql://\3@\1/\2#')

# --- GitHub stand-in -----------------------------------------------------------------------------
STUB_PORT=$(free_port)
python3 bench/github-stub.py "$STUB_PORT" "$WORK/github-stub.log" &
PIDS+=("$!")
wait_for_stub() { for _ in $(seq 1 40); do curl -s -o /dev/null "http://127.0.0.1:$STUB_PORT/app" && return 0; sleep 0.25; done; return 1; }
wait_for_stub

# --- workstreams -------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Every core's busy time (user, nice, system, irq, softirq): the server, the database, wrk and the rest.
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
metric() { # port name: a counter's value from /metrics (0 when absent)
  curl -sf "http://127.0.0.1:$1/metrics" | awk -v m="$2" '$1 ~ "^"m"(\\{|$)" {v += $2} END {printf "%d", v}'
}
count() { # store url sql
  if [ "$1" = pg ]; then psql -tAq "$PG_PSQL" -c "$3"; else h2_count "$2" "$3"; fi
}
h2_count() { java -cp "$JAR" org.h2.tools.Shell -url "$1" -sql "$2" 2>>"$WORK/h2-shell.log" | awk 'NR==2 {print $1}'; }
run_workstreams() { # name jar h2|pg shipped|intake flood|clean
  local name=$1 jar=$2 store=$3 role=$4 mode=$5
  local port data pid ticks0 ticks1 result env=()
  port=$(free_port)
  data="$WORK/data-$name-$ROUND"
  [ "$role" = intake ] && env+=(JOB_WORKERS=0)
  if [ "$store" = pg ]; then
    psql -q "$PG_PSQL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null 2>&1
    env+=(DATABASE_URL="$PG_URL")
  fi
  env APP_ID=1 PRIVATE_KEY_PATH="$APP_KEY" WEBHOOK_SECRET="$SECRET" PORT="$port" DATA_DIR="$data" LOG_LEVEL=warn \
    GITHUB_API_URL="http://127.0.0.1:$STUB_PORT" "${env[@]}" \
    java ${JAVA_OPTS:-} -jar "$jar" > "$WORK/workstreams-$name-$ROUND.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_for "http://127.0.0.1:$port/healthz"
  sleep 2
  local idle; idle=$(rss_kb "$pid")
  echo "workstreams ($name): warm-up ${WARMUP}s, then ${DURATION}s measured" >&2
  load "http://127.0.0.1:$port/api/github/webhooks" warmup "$WARMUP" >/dev/null
  local handled0 handled1 t0 t1
  handled0=$(metric "$port" workstreams_deliveries_handled_total)
  ticks0=$(cpu_ticks "$pid")
  local machine0; machine0=$(machine_ticks)
  local flooded="flood_401=- flood_503=- flood_other=-"
  if [ "$mode" = flood ]; then
    flood "http://127.0.0.1:$port/api/github/webhooks" "$DURATION" > "$WORK/flood-$name.result" &
    local flood_pid=$!
  fi
  t0=$(date +%s.%N)
  result=$(load "http://127.0.0.1:$port/api/github/webhooks" measured "$DURATION")
  t1=$(date +%s.%N)
  if [ "$mode" = flood ]; then wait "$flood_pid"; flooded=$(cat "$WORK/flood-$name.result"); fi
  ticks1=$(cpu_ticks "$pid")
  local machine1; machine1=$(machine_ticks)
  handled1=$(metric "$port" workstreams_deliveries_handled_total)
  local rss peak; rss=$(rss_kb "$pid"); peak=$(peak_rss_kb "$pid")
  # As shipped: wait until every stored delivery is handled (the counters since start, warm-up included).
  local drain_s=- handled_total=-
  if [ "$role" = shipped ]; then
    local start; start=$(date +%s)
    while [ $(( $(date +%s) - start )) -lt "$DRAIN_MAX" ]; do
      [ "$(metric "$port" workstreams_deliveries_handled_total)" -ge "$(metric "$port" workstreams_deliveries_stored_total)" ] && break
      sleep 1
    done
    drain_s=$(( $(date +%s) - start ))
    handled_total=$(metric "$port" workstreams_deliveries_handled_total)
  fi
  kill -TERM "$pid"; wait "$pid" || true
  local url="jdbc:h2:file:$data/workstreams"
  local stored with_job handled handled_rows
  stored=$(count "$store" "$url" "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%'")
  with_job=$(count "$store" "$url" "SELECT COUNT(*) FROM deliveries d LEFT JOIN scheduled_tasks t ON t.task_name = 'handle-delivery' AND t.task_instance = d.delivery_id WHERE d.delivery_id LIKE 'measured-%' AND (d.state <> 'pending' OR t.task_instance IS NOT NULL)")
  handled=$(count "$store" "$url" "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'measured-%' AND state = 'handled'")
  handled_rows=$(count "$store" "$url" "SELECT COUNT(*) FROM deliveries WHERE state = 'handled'")
  # Each server's database holds every body it took: about 2 GiB after 30 s of load on H2. Kept, the
  # rounds would fill a disk of tens of GiB.
  rm -rf "$data"
  [ "$store" = pg ] && psql -q "$PG_PSQL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null 2>&1
  local seconds handled_rps=-
  seconds=$(echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}')
  [ "$role" = shipped ] && handled_rps=$(echo "$handled0 $handled1 $seconds" | awk '{printf "%.0f", ($2 - $1) / $3}')
  echo "$result $flooded idle_kb=$idle rss_kb=$rss peak_kb=$peak cpu_ms=$(( (ticks1 - ticks0) * 1000 / $(getconf CLK_TCK) )) machine_ms=$(( (machine1 - machine0) * 1000 / $(getconf CLK_TCK) )) stored=$stored with_job=$with_job handled=$handled handled_rps=$handled_rps drain_s=$drain_s handled_counter=$handled_total handled_rows=$handled_rows role=$role"
}

# --- Probot 14 ---------------------------------------------------------------------------------
PROBOT="$WORK/probot"
if [ "$SKIP_PEERS" != 1 ]; then
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
  echo "installing probot@14 into $PROBOT" >&2
  (cd "$PROBOT" && npm install --silent --no-audit --no-fund probot@14 >/dev/null)
  openssl genrsa -traditional -out "$PROBOT/key.pem" 2048 2>/dev/null || openssl genrsa -out "$PROBOT/key.pem" 2048 2>/dev/null
fi
run_probot() {
  local pport pb_pid real t0 t1 idle result
  pport=$(free_port)
  (cd "$PROBOT" && APP_ID=1 PRIVATE_KEY_PATH="$PROBOT/key.pem" WEBHOOK_SECRET="$SECRET" PORT=$pport HOST=127.0.0.1 LOG_LEVEL=warn \
    exec node_modules/.bin/probot run ./app.js > "$WORK/probot-$ROUND.log" 2>&1) &
  pb_pid=$!; PIDS+=("$pb_pid")
  wait_for "http://127.0.0.1:$pport/ping" || { cat "$WORK/probot-$ROUND.log" >&2; exit 1; }
  real=$(pgrep -P "$pb_pid" node || echo "$pb_pid")
  sleep 2
  idle=$(rss_kb "$real")
  echo "probot: warm-up ${WARMUP}s, then ${DURATION}s measured" >&2
  load "http://127.0.0.1:$pport/api/github/webhooks" warmup "$WARMUP" >/dev/null
  t0=$(cpu_ticks "$real"); m0=$(machine_ticks)
  result=$(load "http://127.0.0.1:$pport/api/github/webhooks" measured "$DURATION")
  t1=$(cpu_ticks "$real"); m1=$(machine_ticks)
  echo "$result idle_kb=$idle rss_kb=$(rss_kb "$real") peak_kb=0 cpu_ms=$(( (t1 - t0) * 1000 / $(getconf CLK_TCK) )) machine_ms=$(( (m1 - m0) * 1000 / $(getconf CLK_TCK) ))"
  kill -TERM "$pb_pid" 2>/dev/null || true
  wait "$pb_pid" 2>/dev/null || true
}

# --- the rounds --------------------------------------------------------------------------------
COLUMNS=("shipped-h2" "intake-h2")
[ -n "$PG_URL" ] && COLUMNS+=("intake-pg")
[ "$FLOOD" = 1 ] && COLUMNS+=("flooded-h2")
if [ -n "$BASE_JAR" ]; then
  COLUMNS+=("base-shipped-h2" "base-intake-h2")
  [ -n "$PG_URL" ] && COLUMNS+=("base-intake-pg")
fi
[ "$SKIP_PEERS" = 1 ] || COLUMNS+=("probot")
RESULTS="$WORK/results"
: > "$RESULTS"
for ROUND in $(seq 1 "$RUNS"); do
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  for column in "${COLUMNS[@]}"; do
    jar=$JAR; name=$column
    case $column in base-*) jar=$BASE_JAR; name=${column#base-};; esac
    case $name in
      shipped-h2) line=$(run_workstreams "$column" "$jar" h2 shipped clean);;
      intake-h2) line=$(run_workstreams "$column" "$jar" h2 intake clean);;
      intake-pg) line=$(run_workstreams "$column" "$jar" pg intake clean);;
      flooded-h2) line=$(run_workstreams "$column" "$jar" h2 shipped flood);;
      probot) line=$(run_probot);;
    esac
    echo "round $ROUND $column: $line" >&2
    echo "round=$ROUND column=$column $line" >> "$RESULTS"
  done
  echo "round=$ROUND column=load before=${before// /,} after=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')" >> "$RESULTS"
done

# --- report ------------------------------------------------------------------------------------
echo
echo "machine: $(nproc) cores (shared with other builds: see the load averages), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); java $(java -version 2>&1 | awk -F'"' 'NR==1 {print $2}'); node $(node --version)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after ${WARMUP}s of warm-up, $(wc -c < "$PAYLOAD") byte issues.labeled payload on $SUBJECTS issues in turn, fresh delivery id per request; $RUNS rounds, medians"
echo "GitHub stand-in: $(wc -l < "$WORK/github-stub.log") requests answered ($(sort "$WORK/github-stub.log" | uniq -c | sort -rn | head -3 | awk '{printf "%s %s %s; ", $1, $2, $3}'))"
[ "$FLOOD" = 1 ] && echo "flood: $FLOOD_CLIENTS curl loops posting unsigned $(( $(wc -c < "$FLOOD_BODY") / 1048576 )) MiB bodies during the measured ${DURATION}s (at most $FLOOD_MAX)"
python3 - "$RESULTS" "${COLUMNS[@]}" <<'PY'
import sys, statistics
path, columns = sys.argv[1], sys.argv[2:]
rows = [dict(kv.split("=", 1) for kv in line.split() if "=" in kv) for line in open(path)]
def values(column, key):
    out = []
    for r in rows:
        if r.get("column") == column and r.get(key, "-") not in ("-", ""):
            out.append(float(r[key]))
    return out
def med(column, key, scale=1.0, fmt="{:,.0f}"):
    v = values(column, key)
    return fmt.format(statistics.median(v) * scale) if v else "-"
def per_delivery(column, key="cpu_ms"):
    v = [float(r[key]) * 1000 / float(r["accepted"]) for r in rows
         if r.get("column") == column and r.get("accepted", "-") not in ("-", "0") and key in r]
    return "{:,.0f}".format(statistics.median(v)) if v else "-"
lines = [
    ("acknowledged per second", lambda c: med(c, "rps")),
    ("handled per second (measured window)", lambda c: med(c, "handled_rps")),
    ("p50 latency (ms)", lambda c: med(c, "p50_ms", fmt="{:.1f}")),
    ("p90 latency (ms)", lambda c: med(c, "p90_ms", fmt="{:.1f}")),
    ("p99 latency (ms)", lambda c: med(c, "p99_ms", fmt="{:.1f}")),
    ("max latency (ms)", lambda c: med(c, "max_ms", fmt="{:.0f}")),
    ("non-2xx answers", lambda c: med(c, "other")),
    ("socket errors", lambda c: med(c, "socket_errors")),
    ("unsigned bodies answered 401", lambda c: med(c, "flood_401")),
    ("unsigned bodies answered 503", lambda c: med(c, "flood_503")),
    ("server CPU per delivery (us)", per_delivery),
    ("machine CPU per delivery (us): server, database, wrk", lambda c: per_delivery(c, "machine_ms")),
    ("idle RSS before load (MiB)", lambda c: med(c, "idle_kb", 1 / 1024)),
    ("RSS after load (MiB)", lambda c: med(c, "rss_kb", 1 / 1024)),
    ("peak RSS, VmHWM (MiB)", lambda c: med(c, "peak_kb", 1 / 1024) if values(c, "peak_kb") and max(values(c, "peak_kb")) > 0 else "-"),
    ("drain after load (s)", lambda c: med(c, "drain_s")),
]
print()
print("{:<54}".format("") + "".join("{:>17}".format(c) for c in columns))
for label, f in lines:
    print("{:<54}".format(label) + "".join("{:>17}".format(f(c)) for c in columns))
print()
print("per round (acknowledged/s, p99 ms, CPU us/delivery, RSS after MiB):")
for r in rows:
    if r.get("column") == "load":
        print(f"  round {r['round']}: load average before {r['before'].replace(',', ' ')}, after {r['after'].replace(',', ' ')}")
    else:
        cpu = float(r["cpu_ms"]) * 1000 / float(r["accepted"]) if r.get("accepted", "0") not in ("0", "-") else 0
        print(f"    {r['column']:<16} {r.get('rps', '-'):>7} {r.get('p99_ms', '-'):>9} {cpu:>7.0f} {int(r.get('rss_kb') or 0) // 1024:>6}")
PY
echo
status=0
while read -r line; do
  result=${line#*column=}
  column=${result%% *}
  [ "$column" = load ] || [ "$column" = probot ] && continue
  round=$(field "$line" round)
  ack=$(field "$line" accepted); sent=$(field "$line" sent); stored=$(field "$line" stored); with_job=$(field "$line" with_job)
  if [ "$stored" -ge "$ack" ] && [ "$stored" -le "$sent" ] && [ "$with_job" -eq "$stored" ]; then
    msg="all $ack acknowledged deliveries stored with their job ($((stored - ack)) more stored whose 202 wrk cut off)"
  else
    msg="FAILED: acknowledged=$ack stored=$stored with-job=$with_job sent=$sent"; status=1
  fi
  if [ "$(field "$line" role)" = shipped ]; then
    handled=$(field "$line" handled); counter=$(field "$line" handled_counter); rows=$(field "$line" handled_rows)
    if [ "$handled" -eq "$stored" ] && [ "$counter" -eq "$rows" ]; then
      msg="$msg; all handled, each once (handled counter $counter = handled rows $rows)"
    else
      msg="$msg; handling FAILED: handled=$handled of $stored stored, handled counter $counter vs handled rows $rows"; status=1
    fi
  fi
  echo "check round $round $column: $msg"
done < "$RESULTS"
exit $status
