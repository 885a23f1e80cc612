package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.util.Optional;

/**
 * Records a retry or cancel asked for a workstream, for the agent scheduler to carry out, and
 * says so in words for the reply.
 */
public final class CommandRequests {

  private final PlanStore store;

  public CommandRequests(PlanStore store) {
    this.store = store;
  }

  public String request(StoredPlan plan, StoredWorkstream workstream, CommentCommand command, String sender) {
    String verb = command instanceof CommentCommand.Retry ? "retry" : "cancel";
    store.saveWorkstream(plan.repository(), plan.issue(), workstream.withRequested(Optional.of(verb)));
    return "@" + sender + ", recorded: " + verb + " `" + workstream.taskId() + "`. "
        + (plan.agent().isPresent() || verb.equals("cancel")
            ? "The agent scheduler carries it out next."
            : "No agent profile is configured for this plan, so there is no agent run to " + verb + ".");
  }
}
