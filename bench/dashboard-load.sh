#!/usr/bin/env bash
# Dashboard pages under load: 200 plans and 2,000 workstreams in the database, one signed-in cookie,
# wrk with 16 connections on the plans page, a plan's page, and /healthz (the baseline: the same
# server's cheapest route, same run). ROUNDS rounds of each, interleaved; prints p50/p99 per round
# and the median p99 per page. Also prints how long a log line takes from the agent's log file to an
# SSE client (DashboardBenchmark measures it before the load starts).
#   bench/dashboard-load.sh                    # 3 rounds of 10 s each
#   ROUNDS=3 DURATION=10 bench/dashboard-load.sh
# Needs: java 17, wrk (installed from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-bench.XXXXXX")
FIFO="$WORK/stdin"
mkfifo "$FIFO"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
echo "building (tests compiled, not run) ..." >&2
./mvnw -B -q -o -DskipTests package
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"

java -cp "$CP" dev.workstreams.web.dashboard.DashboardBenchmark "$WORK/data" < "$FIFO" > "$WORK/out.txt" 2>"$WORK/err.txt" &
SERVER=$!
exec 3>"$FIFO"
for _ in $(seq 1 120); do grep -q '^READY' "$WORK/out.txt" 2>/dev/null && break; sleep 1; done
grep '^LOG' "$WORK/out.txt"
read -r _ BASE COOKIE PLAN < <(grep '^READY' "$WORK/out.txt")

run() { # name path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$BASE$2" \
    | awk -v n="$1" '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$NF}
        END {printf "%s p50 %s p99 %s req/s %s%s\n", n, p50, p99, rps, (bad ? " NON-2xx " bad : "")}'
}
echo "load before: $(uptime)"
for name_path in "warmup /" "warmup $PLAN"; do set -- $name_path; run "$1" "$2" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  run "round-$round healthz" /healthz
  run "round-$round plans" /
  run "round-$round plan" "$PLAN"
done | tee "$WORK/rounds.txt"
echo "load after: $(uptime)"
for page in healthz plans plan; do
  grep " $page p50" "$WORK/rounds.txt" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    { print ms($6) }' | sort -n | awk -v page="$page" '{ a[NR] = $1 }
    END { printf "median p99 %s: %.2f ms (of %d rounds: %.2f–%.2f)\n", page, a[int((NR + 1) / 2)], NR, a[1], a[NR] }'
done
exec 3>&-
