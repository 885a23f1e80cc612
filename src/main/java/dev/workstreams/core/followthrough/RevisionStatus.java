package dev.workstreams.core.followthrough;

import java.util.Optional;

/**
 * A workstream's follow-through as the tracking comment shows it: revisions used of the limit, the last
 * trigger, the agent time used, and whether it waits for a person.
 */
public record RevisionStatus(int revisionsUsed, int maxRevisions, Optional<String> lastTrigger, long agentSeconds,
    boolean needsHuman) {

  /** {@code revisions 1/3 · last: changes requested by @mona · agent time 12m · needs human}. */
  public String text() {
    StringBuilder s = new StringBuilder("revisions ").append(revisionsUsed).append('/').append(maxRevisions);
    lastTrigger.ifPresent(t -> s.append(" · last: ").append(t));
    s.append(" · agent time ").append(BudgetText.show(agentSeconds));
    if (needsHuman) {
      s.append(" · needs human");
    }
    return s.toString();
  }
}
