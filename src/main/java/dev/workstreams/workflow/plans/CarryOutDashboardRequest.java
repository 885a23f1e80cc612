package dev.workstreams.workflow.plans;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.plans.support.CommandRequests;
import dev.workstreams.workflow.plans.support.PlanProgress;
import java.util.Optional;

/**
 * {@code workstreams.dashboard_request}, the App's own event for a retry or cancel a person asked for
 * on the dashboard (which checked their write permission with GitHub first): recorded exactly like the
 * comment command, then the plan is moved forward. Handled in turn with the plan's other events.
 */
public final class CarryOutDashboardRequest implements EventHandler {

  public static final String EVENT = "workstreams";
  public static final String ACTION = "dashboard_request";

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final CommandRequests requests;
  private final PlanProgress progress;

  public CarryOutDashboardRequest(GitHubGateways gateways, PlanStore store, CommandRequests requests, PlanProgress progress) {
    this.gateways = gateways;
    this.store = store;
    this.requests = requests;
    this.progress = progress;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    JsonNode payload = context.payload();
    RepositoryId repository = RepositoryId.of(context.installationId().orElseThrow(), payload.path("repository").asText());
    int issue = payload.path("issue").asInt();
    String taskId = payload.path("task").asText();
    Optional<StoredPlan> plan = store.plan(repository, issue);
    Optional<StoredWorkstream> row = plan.flatMap(p -> store.workstreams(repository, issue).stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst());
    if (row.isEmpty()) {
      return;
    }
    String verb = payload.path("verb").asText();
    if (!verb.equals("retry") && !verb.equals("cancel")) {
      return; // revise belongs to follow-through (ReviseWhenAskedOnTheDashboard)
    }
    CommentCommand command = verb.equals("retry") ? new CommentCommand.Retry(taskId) : new CommentCommand.Cancel(taskId);
    requests.request(plan.get(), row.get(), command, payload.path("login").asText());
    progress.advance(gateways.forRepository(repository), store.plan(repository, issue).orElseThrow());
  }
}
