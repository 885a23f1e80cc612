package dev.workstreams.core.actions;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What becomes of a finished Actions run, decided from what GitHub and the artifact say: push its
 * commits, report a failure with its reason, or report it cancelled (only when the App cancelled it:
 * a run that GitHub cancels or times out is a failure, like a local agent that timed out).
 */
public record RunVerdict(Kind kind, String reason) {

  public enum Kind {
    /** The agent succeeded: verify and push its commits (or nothing, when it made none). */
    PUBLISH,
    /** The agent failed, but the profile pushes a failed run's work too, marked as failed. */
    PUBLISH_FAILED,
    FAILED,
    CANCELLED
  }

  /**
   * What the run left: its artifact (if any), the agent's exit status written in it (if readable)
   * and whether it holds a bundle (it has none when the agent made no commit).
   */
  public record Artifact(OptionalInt exitStatus, boolean hasBundle) {}

  /**
   * @param conclusion the run's {@code conclusion} as GitHub gives it ({@code success}, {@code
   *     failure}, {@code cancelled}, {@code timed_out}, …)
   * @param cancelRequested whether the App cancelled the run (a person's cancel command)
   * @param artifact the attempt's artifact, empty when the run uploaded none
   */
  public static RunVerdict of(String conclusion, boolean cancelRequested, Optional<Artifact> artifact,
      boolean pushOnFailure) {
    if (conclusion.equals("cancelled") && cancelRequested) {
      return new RunVerdict(Kind.CANCELLED, "cancelled on GitHub Actions by a command");
    }
    switch (conclusion) {
      case "cancelled":
        return new RunVerdict(Kind.FAILED, "the workflow run was cancelled on GitHub Actions");
      case "timed_out":
        return new RunVerdict(Kind.FAILED, "the workflow run timed out on GitHub Actions");
      case "startup_failure", "action_required", "stale", "skipped":
        return new RunVerdict(Kind.FAILED, "the workflow run did not run the agent (" + conclusion + ")");
      default:
        break;
    }
    if (artifact.isEmpty()) {
      return new RunVerdict(Kind.FAILED, "the workflow run (" + conclusion + ") left no artifact with the agent's result");
    }
    OptionalInt status = artifact.get().exitStatus();
    if (status.isEmpty()) {
      return new RunVerdict(Kind.FAILED, "the run's artifact holds no readable exit status");
    }
    if (status.getAsInt() != 0) {
      String reason = "the agent exited with status " + status.getAsInt() + " on GitHub Actions";
      return new RunVerdict(pushOnFailure && artifact.get().hasBundle() ? Kind.PUBLISH_FAILED : Kind.FAILED, reason);
    }
    if (!conclusion.equals("success")) {
      // The agent finished, but a later step of the repository's workflow failed: its work is not trusted as done.
      return new RunVerdict(pushOnFailure && artifact.get().hasBundle() ? Kind.PUBLISH_FAILED : Kind.FAILED,
          "the agent exited 0 but the workflow run ended " + conclusion);
    }
    return new RunVerdict(Kind.PUBLISH, "the agent exited 0 on GitHub Actions");
  }
}
