#!/usr/bin/env bash
# What the agent sandbox adds to starting a process: `true` started plainly and through the App's
# own confinement (cgroup per run where the host allows it, prlimit, bubblewrap with the App's
# flags and binds: the classes the server uses, not a copy of its flags), interleaved one by one,
# in the same JVM, for several rounds. Prints the median per start of each round, then the medians
# of the rounds and their spread.
#
#   bench/sandbox-start.sh                          # 200 starts of each kind, 3 rounds
#   STARTS=200 ROUNDS=3 BUILD_DIR=/tmp/build-x bench/sandbox-start.sh
#
# Needs: java 17, bubblewrap (bwrap) that works on this host.
set -euo pipefail
cd "$(dirname "$0")/.."

STARTS=${STARTS:-200}
ROUNDS=${ROUNDS:-3}
BUILD_DIR=${BUILD_DIR:-target}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sandbox-start-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "building (tests skipped) into $BUILD_DIR ..." >&2
./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -DskipTests package
CP="$BUILD_DIR/test-classes:$BUILD_DIR/workstreams.jar"

echo "load before: $(uptime)"
results=()
for round in $(seq 1 "$ROUNDS"); do
  line=$(java -cp "$CP" dev.workstreams.bench.SandboxStartBenchmark "$WORK/round-$round" "$STARTS")
  echo "round $round: $line"
  results+=("$line")
done
echo "load after: $(uptime)"
printf '%s\n' "${results[@]}" | awk '
  { for (i = 1; i <= NF; i++) { if ($i == "plain") p[NR] = $(i+1); if ($i == "sandboxed") s[NR] = $(i+1); if ($i == "extra") e[NR] = $(i+1); if ($i == "bwrap-without-limits") b[NR] = $(i+1) } }
  function med(a, n,   b, i, j, t) { for (i = 1; i <= n; i++) b[i] = a[i];
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return b[int((n + 1) / 2)] }
  function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  END { n = NR;
    printf "median of %d rounds: plain %.2f ms (%.2f–%.2f), sandboxed %.2f ms (%.2f–%.2f), extra %.2f ms (%.2f–%.2f) per start; bubblewrap without limits %.2f ms (%.2f–%.2f)\n",
      n, med(p, n), lo(p, n), hi(p, n), med(s, n), lo(s, n), hi(s, n), med(e, n), lo(e, n), hi(e, n), med(b, n), lo(b, n), hi(b, n) }'
