package dev.workstreams.workflow.followthrough;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.FollowThroughGateways;
import dev.workstreams.port.FollowThroughGitHub;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.PullRequestPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pull_request.closed} that merged a workstream: every other open workstream pull request of the plan is
 * brought up to date with the base by GitHub's update-branch (so CI runs on the result). Where GitHub refuses
 * because the branch conflicts, the conflict becomes a revision trigger keyed on the merge commit: the agent
 * resolves the merge in its working copy and the App completes and pushes the merge commit.
 */
public final class UpdateSiblingsWhenMerged implements EventHandler {

  private final GitHubGateways gateways;
  private final FollowThroughGateways followThrough;
  private final PlanStore store;
  private final TriggerIntake intake;

  UpdateSiblingsWhenMerged(GitHubGateways gateways, FollowThroughGateways followThrough, PlanStore store,
      TriggerIntake intake) {
    this.gateways = gateways;
    this.followThrough = followThrough;
    this.store = store;
    this.intake = intake;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<PullRequestPayload> event = PullRequestPayload.from(context);
    if (event.isEmpty() || !event.get().merged()) {
      return;
    }
    Optional<TriggerIntake.Workstream> merged = intake.workstream(event.get().repository(), event.get().number());
    JsonNode mergeSha = context.payload().path("pull_request").path("merge_commit_sha");
    if (merged.isEmpty() || !mergeSha.isTextual()) {
      return;
    }
    var plan = merged.get().plan();
    String defaultBranch = context.payload().path("repository").path("default_branch").asText("main");
    FollowThroughGitHub github = followThrough.forRepository(plan.repository());
    GitHubGateway gateway = gateways.forRepository(plan.repository());
    List<StoredWorkstream> siblings = store.workstreams(plan.repository(), plan.issue()).stream()
        .filter(w -> !w.taskId().equals(merged.get().taskId()))
        .filter(w -> w.pullRequest().filter(ObservedPullRequest::open).isPresent())
        .toList();
    String key = "merge:" + mergeSha.asText();
    Map<String, Trigger> conflicts = new LinkedHashMap<>();
    for (StoredWorkstream sibling : siblings) {
      int number = sibling.pullRequest().get().number();
      if (intake.revisions().seen(plan.repository(), plan.issue(), sibling.taskId(), key)) {
        continue; // a redelivered merge: this sibling was answered already
      }
      Optional<String> refused = github.updateBranch(number);
      if (refused.isEmpty()) {
        intake.revisions().remember(plan.repository(), plan.issue(), sibling.taskId(), key,
            "brought up to date after #" + event.get().number() + " merged", intake.now());
      } else if (refused.get().toLowerCase(java.util.Locale.ROOT).contains("conflict")) {
        conflicts.put(sibling.taskId(),
            new Trigger.SiblingConflict(mergeSha.asText(), event.get().number(), plan.baseBranch(), List.of()));
      }
    }
    if (!conflicts.isEmpty()) {
      intake.acceptAll(gateway, plan, defaultBranch, conflicts); // one pass of the scheduler for all of them
    }
  }
}
