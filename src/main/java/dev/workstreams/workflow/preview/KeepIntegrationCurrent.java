package dev.workstreams.workflow.preview;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.preview.IntegrationNote;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.util.Optional;

/**
 * A push to a workstream pull request (opened, reopened, synchronize, ready for review), one closed
 * or merged, an agent that finished, a plan unlabelled: the plan's conflict radar and integration
 * preview are brought up to date. A check suite completed on the preview branch: its result goes into
 * the tracking comment. Runs after the plan's own reactions to the same event, so it sees
 * the workstreams as they recorded them. A person who merges the preview pull request gets one
 * warning; its own events (the App's force-push) find the preview current and change nothing.
 */
public final class KeepIntegrationCurrent implements EventHandler {

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final RepoConfigs configs;
  private final IntegrationRefresh refresh;

  KeepIntegrationCurrent(GitHubGateways gateways, PlanStore store, RepoConfigs configs, IntegrationRefresh refresh) {
    this.gateways = gateways;
    this.store = store;
    this.configs = configs;
    this.refresh = refresh;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IntegrationTarget> target = IntegrationTarget.of(context, store);
    Optional<StoredPlan> plan = target.flatMap(t -> store.plan(t.repository(), t.issue()));
    if (plan.isEmpty() || (context.event().equals("issues") && plan.get().state() != PlanState.CANCELLED)) {
      return; // of issue events only the cancelling unlabel matters here
    }
    GitHubGateway github = gateways.forRepository(plan.get().repository());
    if (target.get().checks().isPresent()) {
      showChecks(github, plan.get(), target.get().checks().get());
      return;
    }
    if (target.get().previewMerged()) {
      warnOnce(github, target.get().pullRequest(), plan.get());
    }
    RepoConfig config = configs.load(plan.get().repository(), target.get().defaultBranch().orElse(plan.get().baseBranch()))
        instanceof RepoConfigResult.Valid valid ? valid.config() : RepoConfig.DEFAULTS;
    refresh.refresh(github, plan.get(), config);
  }

  /** The preview's CI result in the tracking comment; nothing is fetched or rebuilt for it. */
  private void showChecks(GitHubGateway github, StoredPlan plan, IntegrationTarget.CompletedChecks checks)
      throws java.io.IOException {
    refresh.showNote(github, plan, IntegrationNote.withCi(plan.integrationNote(), checks.headSha(), checks.conclusion()));
  }

  private static void warnOnce(GitHubGateway github, int pullRequest, StoredPlan plan) throws java.io.IOException {
    if (github.commentsWithMarker(pullRequest, Markers.PREVIEW_MERGED).isEmpty()) {
      github.comment(pullRequest, Markers.PREVIEW_MERGED + "\n" + PreviewWarning.merged(plan.issue(), plan.baseBranch()));
    }
  }
}
