package dev.workstreams.workflow.preview;

import dev.workstreams.core.preview.IntegrationNote;
import dev.workstreams.core.preview.PreviewBuild;
import dev.workstreams.core.preview.PreviewPolicy;
import dev.workstreams.core.preview.PreviewStep;
import dev.workstreams.core.preview.PreviewText;
import dev.workstreams.core.preview.Radar;
import dev.workstreams.core.preview.Tip;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IntegrationBranches;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.StoredPlan;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The plan's one preview pull request, found on GitHub by its branch and marker (never in the
 * database, so a lost database or a redelivery never opens a second one): rebuilt when its inputs
 * changed, closed with its branch deleted when the plan is done or cancelled.
 */
final class PreviewPullRequest {

  static final String LABEL = "workstreams:preview";
  static final String LABEL_COLOR = "bfd4f2";
  static final String LABEL_DESCRIPTION = "Integration preview of a plan's workstreams: never to be merged";

  private final IntegrationBranches branches;

  PreviewPullRequest(IntegrationBranches branches) {
    this.branches = branches;
  }

  /** Returns the tracking comment's new preview line; empty when it stays as it was. */
  Optional<String> bringUpToDate(GitHubGateway github, StoredPlan plan, boolean enabled, boolean finished,
      List<Tip> ready, String baseSha, boolean branchExists) throws IOException {
    String branch = Markers.previewBranch(plan.issue());
    Optional<ObservedPullRequest> existing = enabled || branchExists
        ? github.pullRequestForBranch(branch).filter(pr -> pr.body().startsWith(Markers.preview(plan.issue())))
        : Optional.empty();
    PreviewStep step = PreviewPolicy.decide(enabled, plan.state() == PlanState.ACTIVE, finished, ready, baseSha,
        existing.map(pr -> new PreviewPolicy.Existing(pr.number(), pr.open(), pr.body())), branchExists);
    if (step instanceof PreviewStep.Build build) {
      return Optional.of(build(github, plan, branch, baseSha, ready, build.inputsKey(), existing));
    }
    if (step instanceof PreviewStep.Close close) {
      github.closePullRequest(close.pullRequest());
      branches.deleteBranch(plan.repository(), branch);
      return Optional.of(IntegrationNote.previewLine(
          new IntegrationNote.PreviewState(close.pullRequest(), List.of(), List.of(), true)));
    }
    if (step instanceof PreviewStep.DeleteBranch) {
      branches.deleteBranch(plan.repository(), branch);
    }
    return existing.filter(ObservedPullRequest::open).isPresent() || existing.isEmpty()
        ? Optional.empty() : Optional.of(IntegrationNote.previewLine(
            new IntegrationNote.PreviewState(existing.get().number(), List.of(), List.of(), true)));
  }

  private String build(GitHubGateway github, StoredPlan plan, String branch, String baseSha, List<Tip> ready,
      String inputsKey, Optional<ObservedPullRequest> existing) throws IOException {
    PreviewBuild built = branches.buildPreview(plan.repository(), branch, baseSha, Radar.sorted(ready),
        "Preview of plan #" + plan.issue() + ": nothing ready yet");
    String title = PreviewText.title(plan.issue(), built.merged().size());
    String body = PreviewText.body(plan.issue(), plan.baseBranch(), baseSha, built.merged(), built.leftOut(), inputsKey);
    int number;
    if (existing.isPresent() && existing.get().open()) {
      number = existing.get().number();
      github.updatePullRequest(number, title, body);
    } else {
      number = github.openPullRequest(branch, plan.baseBranch(), title, body).number();
    }
    if (existing.isEmpty() || !existing.get().labels().contains(LABEL)) {
      github.ensureLabel(LABEL, LABEL_COLOR, LABEL_DESCRIPTION);
      github.addLabel(number, LABEL);
    }
    return IntegrationNote.previewLine(new IntegrationNote.PreviewState(number, built.merged(), built.leftOut(), false));
  }
}
