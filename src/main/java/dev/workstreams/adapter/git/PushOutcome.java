package dev.workstreams.adapter.git;

import java.util.List;

/** What {@link WorkingCopy#push} did. Nothing is ever force-pushed. */
public sealed interface PushOutcome {

  /**
   * The remote task branch now points at {@code commit}. {@code mergedRemoteChanges}: the remote
   * branch had moved, and its new commits were merged in before pushing (both sides kept).
   */
  record Pushed(String commit, boolean mergedRemoteChanges) implements PushOutcome {}

  /** The remote branch already pointed at the local one. */
  record UpToDate(String commit) implements PushOutcome {}

  /**
   * The remote branch moved and its changes conflict with the local commits at {@code paths}.
   * Nothing was pushed and the local commits are untouched.
   */
  record Conflict(List<String> paths) implements PushOutcome {
    public Conflict {
      paths = List.copyOf(paths);
    }
  }

  /**
   * The remote refused the update: {@code status} is JGit's ref status (e.g. {@code
   * REJECTED_OTHER_REASON}), {@code reason} the remote's words (a protected branch, a workflow file
   * pushed without the {@code workflows} permission). The commit stays in the working copy.
   */
  record Rejected(String status, String reason) implements PushOutcome {}

  /**
   * GitHub refused the push because the App lacks {@code permission} (e.g. {@code workflows}) for
   * {@code path}, the first such file of the push; {@code reason} holds the remote's words. The
   * commit stays in the working copy.
   */
  record MissingPermission(String permission, String path, String reason) implements PushOutcome {}

  /** The push could not be attempted (network, authentication); the reason holds no secret. */
  record Failed(String reason) implements PushOutcome {}
}
