#!/usr/bin/env bash
# Benchmarks the plan engine with JMH: overlap analysis of a 50-task plan, and ownership checks of a 3,000-file push,
# each next to a java.nio PathMatcher baseline and a dk.brics automaton baseline; and whole checks of the hostile issue
# bodies of issue 11 (HostilePlanBenchmark: a fence of 65,000 spaces, 1,000 tasks owning **, 30 tasks of 25 globs).
# Prints the machine and the results.
#
#   bench/plan-engine.sh HostilePlanBenchmark # only the hostile bodies, single shots
#   bench/plan-engine.sh                      # everything, about 3 minutes on 2 cores
#   bench/plan-engine.sh OwnershipMatcher     # JMH arguments pass through: a benchmark filter, -f, -wi, -i…
#   BUILD_DIR=/tmp/ws bench/plan-engine.sh    # build the app there instead of target/
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-$(pwd)/target}
app_jar="$build_dir/workstreams.jar"

echo "== building $app_jar" >&2
./mvnw -B -q -DskipTests -Dbuild.dir="$build_dir" package
echo "== building benchmarks/target/benchmarks.jar" >&2
./mvnw -B -q -f benchmarks/pom.xml -Dworkstreams.jar="$app_jar" package

results=$(mktemp)
trap 'rm -f "$results"' EXIT
java -cp "benchmarks/target/benchmarks.jar:$app_jar" org.openjdk.jmh.Main -rf text -rff "$results" "$@"

echo
echo "== machine"
echo "cores: $(nproc)"
lscpu | grep 'Model name' | sed 's/  */ /g'
java -version 2>&1 | head -n 2
echo
echo "== results"
cat "$results"
