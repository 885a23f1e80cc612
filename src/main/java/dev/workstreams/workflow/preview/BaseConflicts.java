package dev.workstreams.workflow.preview;

import dev.workstreams.core.preview.Conflict;
import dev.workstreams.core.preview.Tip;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.StoredPlan;
import java.io.IOException;

/**
 * Where a workstream's conflict with the base branch goes. Follow-through revisions, where they
 * exist, take it (the App updates the branch and gives the conflict to the agent); what they take
 * is left out of the radar's comment. Without them, the radar reports it like any other conflict.
 */
@FunctionalInterface
public interface BaseConflicts {

  /** Nobody takes base conflicts: the radar's comment reports them. */
  BaseConflicts REPORT = (github, plan, tip, conflict) -> false;

  /** Returns whether the conflict was taken (and so is not reported in the radar's comment). */
  boolean take(GitHubGateway github, StoredPlan plan, Tip tip, Conflict conflict) throws IOException;
}
