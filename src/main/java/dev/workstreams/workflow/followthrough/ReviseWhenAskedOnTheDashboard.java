package dev.workstreams.workflow.followthrough;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.util.List;
import java.util.Optional;

/**
 * {@code workstreams.dashboard_request} with the verb {@code revise}: a person with write access (the
 * dashboard asked GitHub at the moment of the click) wants the workstream's agent to run again, as
 * {@code /workstreams revise} on its pull request does; it also starts the revision count again. The
 * request's random id keys it, so a redelivered request starts nothing twice.
 */
public final class ReviseWhenAskedOnTheDashboard implements EventHandler {

  public static final String VERB = "revise";

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final TriggerIntake intake;

  ReviseWhenAskedOnTheDashboard(GitHubGateways gateways, PlanStore store, TriggerIntake intake) {
    this.gateways = gateways;
    this.store = store;
    this.intake = intake;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    JsonNode payload = context.payload();
    if (!payload.path("verb").asText().equals(VERB) || context.installationId().isEmpty()) {
      return;
    }
    RepositoryId repository = RepositoryId.of(context.installationId().getAsLong(), payload.path("repository").asText());
    int issue = payload.path("issue").asInt();
    String taskId = payload.path("task").asText();
    Optional<Integer> pullRequest = store.workstreams(repository, issue).stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst().flatMap(StoredWorkstream::pullRequest).map(ObservedPullRequest::number);
    Optional<TriggerIntake.Workstream> workstream = pullRequest.flatMap(pr -> intake.workstream(repository, pr));
    if (workstream.isEmpty()) {
      return;
    }
    String login = payload.path("login").asText();
    // The request does not carry the default branch; the plan's base stands in for it when the settings are read.
    intake.accept(gateways.forRepository(repository), workstream.get(), workstream.get().plan().baseBranch(),
        new Trigger.Review(payload.path("request").asLong(), login, true,
            "@" + login + " asked for a revision on the dashboard.", List.of(), ""));
  }
}
