package dev.workstreams.core.draft;

import dev.workstreams.core.plan.PlanBlock;
import dev.workstreams.core.plan.PlanBlockFinder;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.reconcile.Markers;
import java.util.Optional;

/**
 * What {@code /workstreams accept} does to the issue body: the drafted plan is appended below what
 * people wrote, after the marker {@link Markers#DRAFTED_PLAN}, never replacing anything. A body that
 * holds the marker was accepted already; a body with a plan of its own is left alone, since the App
 * reads the first plan block and an appended one would be ignored.
 */
public sealed interface DraftAcceptance {

  record Append(String body, String block) implements DraftAcceptance {}

  record AlreadyAccepted() implements DraftAcceptance {}

  record Refused(String reason) implements DraftAcceptance {}

  static DraftAcceptance of(String body, Optional<String> draftComment) {
    String current = body == null ? "" : body;
    if (current.contains(Markers.DRAFTED_PLAN)) {
      return new AlreadyAccepted();
    }
    Optional<PlanBlock> drafted = draftComment.flatMap(PlanBlockFinder::find);
    if (drafted.isEmpty()) {
      return new Refused("there is no drafted plan to accept: comment `/workstreams draft` first");
    }
    if (PlanBlockFinder.find(current).isPresent()) {
      return new Refused("the issue already holds a plan block, and the App reads the first one: edit that plan, or"
          + " remove it and accept again");
    }
    String block = "```plan\n" + drafted.get().content().strip() + "\n```\n";
    String appended = current.stripTrailing() + (current.isBlank() ? "" : "\n\n") + Markers.DRAFTED_PLAN + "\n" + block;
    if (appended.length() > PlanChecker.MAX_BODY_CHARS) {
      return new Refused("the issue body with the drafted plan appended would be longer than GitHub allows ("
          + PlanChecker.MAX_BODY_CHARS + " characters)");
    }
    return new Append(appended, block);
  }
}
