#!/usr/bin/env bash
# The conflict radar against git: 10 workstream branches, each changing 20 files of the generated
# 5,200-file repository, merged pairwise (45 pairs) and each with main (10): 55 merges, done in
# memory by the App's radar (JGit on a bare mirror, no checkout) and by `git merge-tree
# --write-tree` on a bare clone, in the same run. Both must find the same conflicting pairs.
#
#   bench/radar.sh                                   # 5,000 files, 2,000 commits, 10 branches of 20 files, 3 rounds
#   FILES=5000 COMMITS=2000 BRANCHES=10 CHANGED=20 ROUNDS=3 BUILD_DIR=/tmp/build-x bench/radar.sh
#
# Times are wall-clock medians over the rounds. "radar" is the 55 merges inside the JVM (a fresh
# radar each round: nothing remembered, the JVM cold); "radar, whole process" adds starting the JVM
# and fetching the repository into the mirror; "git merge-tree" is 55 processes.
# Needs: java 17, git 2.38 or newer, python3, awk.
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=${FILES:-5000}
COMMITS=${COMMITS:-2000}
BRANCHES=${BRANCHES:-10}
CHANGED=${CHANGED:-20}
ROUNDS=${ROUNDS:-3}
BUILD_DIR=${BUILD_DIR:-target}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/radar-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building (tests skipped) into $BUILD_DIR ..." >&2
  ./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -DskipTests package
fi
CP="$BUILD_DIR/test-classes:$BUILD_DIR/workstreams.jar"

SOURCE="$WORK/source.git"
echo "generating $FILES files, $COMMITS commits, $BRANCHES branches of $CHANGED files ..." >&2
git init -q --bare -b main "$SOURCE"
python3 bench/generate-repo.py "$FILES" "$COMMITS" | git -C "$SOURCE" fast-import --quiet --done
python3 bench/generate-branches.py "$FILES" "$BRANCHES" "$CHANGED" | git -C "$SOURCE" fast-import --quiet --done
git -C "$SOURCE" repack -a -d -q
TREE_FILES=$(git -C "$SOURCE" ls-tree -r main | wc -l)

now_ms() { date +%s%3N; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# git's 55 merges on a bare clone; prints the conflicting pairs as "a b" (sorted shas).
git_merges() {
  local repo=$1 base tips a b i j
  base=$(git -C "$repo" rev-parse main)
  mapfile -t tips < <(git -C "$repo" for-each-ref --format='%(objectname)' 'refs/heads/ws-*')
  for ((i = 0; i < ${#tips[@]}; i++)); do
    for ((j = i + 1; j < ${#tips[@]}; j++)); do
      git -C "$repo" merge-tree --write-tree --name-only "${tips[i]}" "${tips[j]}" > /dev/null \
        || echo "$(printf '%s\n' "${tips[i]}" "${tips[j]}" | sort | tr '\n' ' ')"
    done
    git -C "$repo" merge-tree --write-tree --name-only "${tips[i]}" "$base" > /dev/null \
      || echo "$(printf '%s\n' "${tips[i]}" "$base" | sort | tr '\n' ' ')"
  done
}

declare -a RADAR WHOLE WARM GIT
for round in $(seq 1 "$ROUNDS"); do
  dir="$WORK/round-$round"
  mkdir -p "$dir"
  git clone -q --bare --no-hardlinks "$SOURCE" "$dir/git.git"
  start=$(now_ms)
  git_merges "$dir/git.git" | sort > "$dir/git.pairs"
  GIT+=("$(( $(now_ms) - start ))")

  start=$(now_ms)
  java -cp "$CP" dev.workstreams.bench.RadarBenchmark "$dir/data" "file://$SOURCE" ws- > "$dir/radar.out"
  WHOLE+=("$(( $(now_ms) - start ))")
  RADAR+=("$(awk '/^merges /{print $2}' "$dir/radar.out")")
  WARM+=("$(awk '/^warm /{print $2}' "$dir/radar.out")")
  awk '/^pair /{print $2" "$3" "}' "$dir/radar.out" | sort > "$dir/radar.pairs"
  if ! diff -q "$dir/git.pairs" "$dir/radar.pairs" > /dev/null; then
    echo "round $round: the radar and git disagree on the conflicting pairs:" >&2
    diff "$dir/git.pairs" "$dir/radar.pairs" >&2 || true
    exit 1
  fi
  echo "round $round done: $(wc -l < "$dir/git.pairs") conflicting pairs, the same in both; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  if [ "$round" -lt "$ROUNDS" ]; then rm -rf "$dir"; fi
done

m_git=$(echo "${GIT[*]}" | median)
m_radar=$(echo "${RADAR[*]}" | median)
m_whole=$(echo "${WHOLE[*]}" | median)
m_warm=$(echo "${WARM[*]}" | median)
pairs=$(awk '/^pairs /{print $2}' "$WORK/round-$ROUNDS/radar.out")

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repository: $TREE_FILES files; $BRANCHES branches of $CHANGED changed files; $pairs merges; median of $ROUNDS rounds"
echo
printf '%-52s %10s %10s\n' "what" "time (s)" "vs git"
row() { awk -v l="$1" -v t="$2" -v g="$m_git" 'BEGIN { printf "%-52s %10.2f %9.2fx\n", l, t / 1000, t / g }'; }
row "git merge-tree --write-tree (55 processes)" "$m_git"
row "radar: 55 in-memory merges, cold JVM" "$m_radar"
row "radar: the same 55 again, warm JVM" "$m_warm"
row "radar, whole process (JVM start + fetch + merges)" "$m_whole"
echo
echo "all times (ms): git=[${GIT[*]}] radar=[${RADAR[*]}] warm=[${WARM[*]}] whole=[${WHOLE[*]}]"
