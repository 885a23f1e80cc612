package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.io.IOException;
import java.util.Map;

/**
 * Follow-through's turn in the scheduler: revisions of workstreams whose triggers wait start before
 * new tasks, through the same agent start as a first run (capacity, profile, sandbox, push rules).
 */
public interface PlanRevisions {

  PlanRevisions NONE = (github, plan, desired, rows, freeSlots, launcher) -> {};

  void startWaiting(GitHubGateway github, StoredPlan plan, DesiredPlan desired, Map<String, StoredWorkstream> rows,
      int freeSlots, Launch launcher) throws IOException;

  /** What a revision needs of the scheduler: the task's own prompt, and the agent start of a first run. */
  interface Launch {
    /** The task's prompt as a first run gets it. */
    String of(Task task);

    /**
     * Starts the task's agent with this prompt; its row shows {@code detail} while it runs. {@code resolveBaseConflict}:
     * the working copy holds the conflicting merge of the base for the agent to resolve.
     */
    void start(Task task, String prompt, String detail, boolean resolveBaseConflict);
  }
}
