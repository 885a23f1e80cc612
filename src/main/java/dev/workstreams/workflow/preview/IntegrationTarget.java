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
 * @param checks a check suite that completed on the preview branch: its commit and conclusion
 */
record IntegrationTarget(RepositoryId repository, int issue, Optional<String> defaultBranch, boolean previewMerged,
    int pullRequest, Optional<CompletedChecks> checks) {

  record CompletedChecks(String headSha, String conclusion) {}

  IntegrationTarget(RepositoryId repository, int issue, Optional<String> defaultBranch, boolean previewMerged,
      int pullRequest) {
    this(repository, issue, defaultBranch, previewMerged, pullRequest, Optional.empty());
  }

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
    if (context.event().equals("check_suite")) {
      return ofCheckSuite(repository, context.payload().path("check_suite"), defaultBranch);
    }
    int issue = context.payload().path("issue").path("number").asInt(0);
    return issue > 0 ? Optional.of(new IntegrationTarget(repository, issue, defaultBranch, false, 0)) : Optional.empty();
  }

  /** Only a suite on a preview branch counts; its commit and conclusion are shown, never trusted for more. */
  private static Optional<IntegrationTarget> ofCheckSuite(RepositoryId repository, com.fasterxml.jackson.databind.JsonNode suite,
      Optional<String> defaultBranch) {
    Optional<TaskRef> branch = Markers.taskOfBranch(suite.path("head_branch").asText(""));
    String sha = suite.path("head_sha").asText("");
    if (branch.isEmpty() || !branch.get().taskId().equals(PreviewPolicy.RESERVED_TASK) || !sha.matches("[0-9a-f]{7,64}")) {
      return Optional.empty();
    }
    return Optional.of(new IntegrationTarget(repository, branch.get().issue(), defaultBranch, false, 0,
        Optional.of(new CompletedChecks(sha, suite.path("conclusion").asText("")))));
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
