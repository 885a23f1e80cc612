#!/usr/bin/env bash
# The shell part of the workstreams agent action: runs the repository's agent command on the task
# branch and leaves its new commits as a git bundle for the App, which verifies and pushes them.
# It never pushes: a push with the workflow's GITHUB_TOKEN would start no CI, and the App checks
# file ownership before anything reaches the branch.
#
# Environment:
#   WORKSTREAMS_HEAD           the commit the App expects the run to start from (the branch head)
#   WORKSTREAMS_BRANCH         the task branch, e.g. workstreams/12-auth
#   WORKSTREAMS_ATTEMPT_KEY    names the attempt, e.g. 12-auth-a1
#   WORKSTREAMS_AGENT_COMMAND  the agent, run with bash -c, the prompt on its standard input
#   WORKSTREAMS_PROMPT_FILE    the prompt (the App wrote it on the pull request)
#   WORKSTREAMS_OUT            the folder uploaded as the artifact workstreams-<attempt key>
# Writes to WORKSTREAMS_OUT: exit-status (the agent's), and agent.bundle when the agent exited 0
# and made commits (or left changes, committed here). Exits with the agent's status.
set -euo pipefail

: "${WORKSTREAMS_HEAD:?}" "${WORKSTREAMS_BRANCH:?}" "${WORKSTREAMS_ATTEMPT_KEY:?}"
: "${WORKSTREAMS_AGENT_COMMAND:?}" "${WORKSTREAMS_PROMPT_FILE:?}" "${WORKSTREAMS_OUT:?}"

mkdir -p "$WORKSTREAMS_OUT"
rm -f "$WORKSTREAMS_OUT/agent.bundle" "$WORKSTREAMS_OUT/exit-status"

# The run starts from the head the App expects, whatever the branch holds by now.
git checkout --quiet -B "$WORKSTREAMS_BRANCH" "$WORKSTREAMS_HEAD"
git config user.name >/dev/null || git config user.name "workstreams agent"
git config user.email >/dev/null || git config user.email "workstreams-agent@users.noreply.github.com"

set +e
bash -c "$WORKSTREAMS_AGENT_COMMAND" < "$WORKSTREAMS_PROMPT_FILE"
status=$?
set -e
echo "$status" > "$WORKSTREAMS_OUT/exit-status"
if [ "$status" -ne 0 ]; then
  echo "workstreams: the agent exited with status $status; no commits are handed to the App" >&2
  exit "$status"
fi

# What the agent left uncommitted is its work too, as with an agent on the App's machine.
if [ "$(git symbolic-ref --quiet HEAD || true)" = "refs/heads/$WORKSTREAMS_BRANCH" ]; then
  git add --all
  if ! git diff --cached --quiet; then
    git commit --quiet --no-verify -m "workstreams: ${WORKSTREAMS_ATTEMPT_KEY}"
  fi
else
  echo "workstreams: the agent moved HEAD away from $WORKSTREAMS_BRANCH; only the branch's commits are handed on" >&2
fi

new=$(git rev-list --count "$WORKSTREAMS_HEAD..refs/heads/$WORKSTREAMS_BRANCH" 2>/dev/null || echo unrelated)
if [ "$new" = "0" ]; then
  echo "workstreams: the agent made no changes"
elif [ "$new" = "unrelated" ] || ! git merge-base --is-ancestor "$WORKSTREAMS_HEAD" "refs/heads/$WORKSTREAMS_BRANCH"; then
  # Bundled anyway: the App refuses it and says why on the pull request.
  git bundle create --quiet "$WORKSTREAMS_OUT/agent.bundle" "refs/heads/$WORKSTREAMS_BRANCH"
  echo "workstreams: the branch no longer descends from $WORKSTREAMS_HEAD; the App will refuse it" >&2
else
  git bundle create --quiet "$WORKSTREAMS_OUT/agent.bundle" "refs/heads/$WORKSTREAMS_BRANCH" "^$WORKSTREAMS_HEAD"
  echo "workstreams: $new commit(s) bundled for the App"
fi
