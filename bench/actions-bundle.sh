#!/usr/bin/env bash
# The App's own work per finished GitHub Actions agent run: verify and apply a bundle of 20 commits
# touching 200 files, enforce ownership (block) and push, on a generated 5,200-file repository;
# plain git fetching the same bundle and pushing it is the baseline, in the same rounds.
#
#   bench/actions-bundle.sh                      # 5,200 files, 2,000 commits, 5 rounds
#   FILES=5200 COMMITS=2000 ROUNDS=5 BUILD_DIR=/tmp/build-x bench/actions-bundle.sh
#
# Needs: java 17, git, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=${FILES:-5200}
COMMITS=${COMMITS:-2000}
ROUNDS=${ROUNDS:-5}
BUILD_DIR=${BUILD_DIR:-target}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/actions-bundle-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building (tests skipped) into $BUILD_DIR ..." >&2
  ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -DskipTests package
fi
CP=${CP:-"$BUILD_DIR/test-classes:$BUILD_DIR/workstreams.jar"}

SOURCE="$WORK/source.git"
echo "generating $FILES files, $COMMITS commits ..." >&2
git init -q --bare -b main "$SOURCE"
python3 bench/generate-repo.py "$FILES" "$COMMITS" | git -C "$SOURCE" fast-import --quiet --done
git -C "$SOURCE" repack -a -d -q
mkdir -p "$WORK/data"
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" dev.workstreams.bench.ActionsBundleBenchmark "$WORK/data" "$SOURCE" "$ROUNDS" | tee "$WORK/out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $ROUNDS rounds: app $(awk '{print $3}' "$WORK/out" | median) ms (verify + apply + enforce + push);" \
  "plain git fetch + push $(awk '{print $4}' "$WORK/out" | median) ms"
