#!/usr/bin/env bash
# Ten working copies of one repository: time and disk of the app's way (one bare mirror, copies
# borrowing its objects through alternates, made with JGit) against `git clone` and against
# `git worktree add`, in the same run, on a repository generated here (offline, deterministic).
#
#   bench/working-copies.sh                       # 5,000 files, 2,000 commits, 10 copies, 3 rounds
#   FILES=5000 COMMITS=2000 COPIES=10 ROUNDS=3 BUILD_DIR=/tmp/build-x bench/working-copies.sh
#
# Times are wall-clock medians over the rounds; the app's includes starting the JVM. Disk is
# `du -sk` of each approach's folder (shared store + copies; du counts a hardlinked file once).
# Needs: java 17, git, python3, awk.
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=${FILES:-5000}
COMMITS=${COMMITS:-2000}
COPIES=${COPIES:-10}
ROUNDS=${ROUNDS:-3}
BUILD_DIR=${BUILD_DIR:-target}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/working-copies-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "building (tests skipped) into $BUILD_DIR ..." >&2
./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -DskipTests package
CP="$BUILD_DIR/test-classes:$BUILD_DIR/workstreams.jar"

SOURCE="$WORK/source.git"
echo "generating $FILES files, $COMMITS commits ..." >&2
git init -q --bare -b main "$SOURCE"
python3 bench/generate-repo.py "$FILES" "$COMMITS" | git -C "$SOURCE" fast-import --quiet --done
git -C "$SOURCE" repack -a -d -q
SOURCE_KB=$(du -sk "$SOURCE/objects" | cut -f1)
TREE_FILES=$(git -C "$SOURCE" ls-tree -r main | wc -l)
COMMIT_COUNT=$(git -C "$SOURCE" rev-list --count main)

now_ms() { date +%s%3N; }

# Each approach makes $COPIES copies under the folder given as $1 and prints nothing.
app() {
  java -cp "$CP" dev.workstreams.bench.WorkingCopiesBenchmark "$1" "file://$SOURCE" "$COPIES" > "$1.out"
}
clone_plain() {
  for i in $(seq 1 "$COPIES"); do git clone -q "$SOURCE" "$1/copy-$i"; done
}
clone_no_hardlinks() {
  for i in $(seq 1 "$COPIES"); do git clone -q --no-hardlinks "$SOURCE" "$1/copy-$i"; done
}
worktree_add() {
  git clone -q --bare --no-hardlinks "$SOURCE" "$1/store.git"
  for i in $(seq 1 "$COPIES"); do git -C "$1/store.git" worktree add -q "../copy-$i" -b "task-$i" main; done
}

APPROACHES="app clone_plain clone_no_hardlinks worktree_add"
declare -A TIMES DISK
for round in $(seq 1 "$ROUNDS"); do
  for approach in $APPROACHES; do
    dir="$WORK/$approach-$round"
    mkdir -p "$dir"
    start=$(now_ms)
    "$approach" "$dir"
    TIMES[$approach]+="$(( $(now_ms) - start )) "
    DISK[$approach]=$(du -sk "$dir" | cut -f1)
    if [ "$round" -lt "$ROUNDS" ]; then rm -rf "$dir"; fi
  done
  echo "round $round done" >&2
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A MED
for approach in $APPROACHES; do MED[$approach]=$(echo "${TIMES[$approach]}" | median); done

last="$WORK/app-$ROUNDS"
mirror_kb=$(du -sk "$last/repos" | cut -f1)
copy_objects_kb=$(du -sk "$last/workspaces/bench/repo/1-task-1/.git/objects" | cut -f1)
copy_git_kb=$(du -sk "$last/workspaces/bench/repo/1-task-1/.git" | cut -f1)
inproc=$(grep '^in-process' "$last.out" | cut -d' ' -f2)
first=$(grep '^copy 1 ' "$last.out" | cut -d' ' -f3)

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repository: $TREE_FILES files, $COMMIT_COUNT commits, $(( SOURCE_KB / 1024 )) MB of packed objects; $COPIES copies; median of $ROUNDS rounds"
echo
printf '%-42s %10s %10s %10s %10s\n' "approach" "time (s)" "disk (MB)" "time/wt" "disk/wt"
wt_t=${MED[worktree_add]}; wt_d=${DISK[worktree_add]}
label() {
  case $1 in
    app) echo "app: bare mirror + alternates (JGit)";;
    clone_plain) echo "git clone (local, hardlinked objects)";;
    clone_no_hardlinks) echo "git clone --no-hardlinks";;
    worktree_add) echo "git worktree add (+ one bare clone)";;
  esac
}
for approach in $APPROACHES; do
  awk -v l="$(label "$approach")" -v t="${MED[$approach]}" -v d="${DISK[$approach]}" -v wt="$wt_t" -v wd="$wt_d" \
    'BEGIN { printf "%-42s %10.2f %10.1f %9.2fx %9.2fx\n", l, t / 1000, d / 1024, t / wt, d / wd }'
done
echo
echo "app, last round: ${inproc} ms inside the JVM (first copy, which creates the mirror: ${first} ms);"
echo "  mirror $(( mirror_kb / 1024 )) MB; one copy's .git ${copy_git_kb} KB, of which objects ${copy_objects_kb} KB"
echo "all times (ms): $(for a in $APPROACHES; do echo -n "$a=[${TIMES[$a]% }] "; done)"
