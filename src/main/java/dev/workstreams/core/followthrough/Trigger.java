package dev.workstreams.core.followthrough;

import dev.workstreams.core.text.GitHubText;
import java.util.List;

/**
 * What asks for a revision of a workstream: a review, a red CI run on the head, or a sibling's merge
 * that left the branch behind or conflicting. Each has a key that names it exactly once (a redelivered
 * event finds its key already recorded and starts nothing). Every text field comes from someone other
 * than the App and is hostile: {@link RevisionPrompt} bounds it and marks it as data.
 */
public sealed interface Trigger {

  /** Unique per workstream: review id; head SHA + check suite; merge SHA. */
  String key();

  /** The commit of the branch the trigger is about, where that matters for staleness; empty otherwise. */
  String headSha();

  /** One line for the tracking comment and notes, written by the App (no hostile text). */
  String describe();

  /**
   * A review that asks for changes, or a writer's review or comment with {@code /workstreams revise}.
   *
   * @param reviewId the review's id, or the comment's id for a plain comment
   * @param command whether {@code /workstreams revise} asked for it, which resets the revision count
   */
  record Review(long reviewId, String reviewer, boolean command, String body, List<ReviewComment> comments,
      String headSha) implements Trigger {
    public Review {
      comments = List.copyOf(comments);
    }

    @Override
    public String key() {
      return (command ? "revise:" : "review:") + reviewId;
    }

    @Override
    public String describe() {
      return command ? "`/workstreams revise` by @" + reviewer : "changes requested by @" + reviewer;
    }
  }

  /** All checks on {@code headSha} completed, at least one failed. */
  record ChecksFailed(String headSha, long checkSuiteId, List<FailedCheck> failed) implements Trigger {
    public ChecksFailed {
      failed = List.copyOf(failed);
    }

    @Override
    public String key() {
      return "checks:" + headSha + ":" + checkSuiteId;
    }

    @Override
    public String describe() {
      return failed.size() + " failed check" + (failed.size() == 1 ? "" : "s") + " on " + GitHubText.shortSha(headSha);
    }
  }

  /**
   * A sibling workstream merged into the base ({@code mergeSha}) and this branch conflicts with it at
   * {@code conflictedPaths}.
   */
  record SiblingConflict(String mergeSha, int siblingPullRequest, String baseBranch, List<String> conflictedPaths)
      implements Trigger {
    public SiblingConflict {
      conflictedPaths = List.copyOf(conflictedPaths);
    }

    @Override
    public String key() {
      return "merge:" + mergeSha;
    }

    @Override
    public String headSha() {
      return "";
    }

    @Override
    public String describe() {
      return "conflict with `" + baseBranch + "` after #" + siblingPullRequest + " merged";
    }
  }

  /** One inline comment of a review. */
  record ReviewComment(String path, int line, String diffHunk, String body) {}

  /** One failed check run, with what GitHub tells about it. */
  record FailedCheck(String name, String conclusion, String title, String summary, List<Annotation> annotations,
      List<String> logTail) {
    public FailedCheck {
      annotations = List.copyOf(annotations);
      logTail = List.copyOf(logTail);
    }
  }

  record Annotation(String path, int line, String message) {}
}
