package dev.workstreams.workflow.preview;

import dev.workstreams.core.preview.PreviewPolicy;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.Markers.TaskRef;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.events.PullRequestPayload;
import java.util.Optional;

/**
 * The plan whose radar and preview an event may change: a workstream pull request's plan (as the
 * App recorded it), the plan of the App's own preview pull request, or the plan issue itself
 * (unlabelled, an agent finished). A forged preview is not the App's: the branch must be in the
 * repository itself, opened by an App, with the preview marker of the same plan.
 *
 * @param defaultBranch the repository's default branch when the payload says (its config lives there)
 * @param previewMerged a person merged the preview pull request {@code pullRequest}
 */
record IntegrationTarget(RepositoryId repository, int issue, Optional<String> defaultBranch, boolean previewMerged,
    int pullRequest) {

  static Optional<IntegrationTarget> of(EventContext context, PlanStore store) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> defaultBranch = Optional.of(context.payload().path("repository").path("default_branch").asText(""))
        .filter(b -> !b.isEmpty());
    if (context.event().equals("pull_request")) {
      return PullRequestPayload.from(context).flatMap(pr -> ofPullRequest(pr, store, defaultBranch));
    }
    RepositoryId repository = RepositoryId.of(context.installationId().getAsLong(), context.repository().get());
    int issue = context.payload().path("issue").path("number").asInt(0);
    return issue > 0 ? Optional.of(new IntegrationTarget(repository, issue, defaultBranch, false, 0)) : Optional.empty();
  }

  private static Optional<IntegrationTarget> ofPullRequest(PullRequestPayload pr, PlanStore store,
      Optional<String> defaultBranch) {
    Optional<PlanStore.PlanTask> task = store.taskOfPullRequest(pr.repository(), pr.number());
    if (task.isPresent()) {
      return Optional.of(new IntegrationTarget(pr.repository(), task.get().issue(), defaultBranch, false, pr.number()));
    }
    Optional<TaskRef> branch = Markers.taskOfBranch(pr.headRef());
    boolean sameRepository = pr.headRepository().orElse("").equalsIgnoreCase(pr.repository().fullName());
    if (branch.isEmpty() || !branch.get().taskId().equals(PreviewPolicy.RESERVED_TASK) || !sameRepository
        || !pr.author().isAppBotUser() || !pr.body().startsWith(Markers.preview(branch.get().issue()))) {
      return Optional.empty();
    }
    return Optional.of(new IntegrationTarget(pr.repository(), branch.get().issue(), defaultBranch, pr.merged(),
        pr.number()));
  }
}
