package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.git.PushOutcome;
import dev.workstreams.core.config.ProtectedPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The sentences an agent report carries when the App could not push, or pushed less than the agent made. */
final class PublishProblems {

  private PublishProblems() {}

  /** The bot identity is needed before anything is committed; without it nothing runs. */
  static String identityUnknown(String taskId, String reason) {
    return "the App's bot identity could not be looked up on GitHub (" + reason + "); the agent did not run, so that"
        + " nothing is committed under another name. It is looked up again on the next run: `/workstreams retry "
        + taskId + "`";
  }

  /** One sentence per reason: protected paths first, then paths outside the task ({@code enforcement: block}). */
  static List<String> leftOut(List<String> paths, Predicate<String> isProtected) {
    List<String> protectedOnes = paths.stream().filter(isProtected).toList();
    List<String> outside = paths.stream().filter(isProtected.negate()).toList();
    List<String> sentences = new ArrayList<>();
    if (!protectedOnes.isEmpty()) {
      sentences.add("left out of the push: " + quoted(protectedOnes) + " (" + ProtectedPaths.reason() + ")");
    }
    if (!outside.isEmpty()) {
      sentences.add("left out of the push (outside the task's paths, `enforcement: block`): " + quoted(outside));
    }
    return sentences;
  }

  /** Why a push that was not {@link PushOutcome.Pushed} or {@link PushOutcome.UpToDate} put nothing on GitHub. */
  static String notPushed(PushOutcome push, String taskId) {
    if (push instanceof PushOutcome.MissingPermission m) {
      return "GitHub refused the push: the App may not create or update `" + m.path() + "` without the `"
          + m.permission() + "` permission. An owner of the installation must accept the App's request for `"
          + m.permission() + ": write` (GitHub shows it on the installation's settings page), then `/workstreams retry "
          + taskId + "`. The commit stays in the App's working copy until the workstream ends.";
    }
    if (push instanceof PushOutcome.Rejected r) {
      return "GitHub refused the push (" + r.status() + "): " + r.reason()
          + ". The commit stays in the App's working copy until the workstream ends.";
    }
    if (push instanceof PushOutcome.Conflict c) {
      return "the task branch moved meanwhile and rebasing conflicts in " + String.join(", ", c.paths())
          + "; nothing was pushed, both sides are kept";
    }
    if (push instanceof PushOutcome.Failed f) {
      return "the push failed: " + f.reason();
    }
    throw new IllegalArgumentException("not a failed push: " + push);
  }

  private static String quoted(List<String> paths) {
    return String.join(", ", paths.stream().map(p -> "`" + p + "`").toList());
  }
}
