package dev.workstreams.workflow.preview;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.Conflict;
import dev.workstreams.core.preview.IntegrationNote;
import dev.workstreams.core.preview.PreviewPolicy;
import dev.workstreams.core.preview.PreviewStep;
import dev.workstreams.core.preview.Radar;
import dev.workstreams.core.preview.Tip;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IntegrationBranches;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.plans.support.RecordedPlans;
import dev.workstreams.workflow.plans.support.TrackingComments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a plan's conflict radar and integration preview up to date with its branches as they are
 * on GitHub: every open workstream merged in memory with every other and with the base, each pull
 * request's radar comment, the preview branch and pull request, and the tracking comment's
 * sections. Everything is derived from GitHub and the recorded plan, so a redelivery, a restart or
 * a lost database rebuilds the same state and writes nothing twice.
 */
final class IntegrationRefresh {

  private static final Logger log = LoggerFactory.getLogger(IntegrationRefresh.class);

  private final PlanStore store;
  private final IntegrationBranches branches;
  private final TrackingComments tracking;
  private final RecordedPlans recorded;
  private final BaseConflicts baseConflicts;
  private final RadarComments comments = new RadarComments();
  private final PreviewPullRequest preview;

  IntegrationRefresh(PlanStore store, IntegrationBranches branches, TrackingComments tracking,
      BaseConflicts baseConflicts) {
    this.store = store;
    this.branches = branches;
    this.tracking = tracking;
    this.recorded = new RecordedPlans(store);
    this.baseConflicts = baseConflicts;
    this.preview = new PreviewPullRequest(branches);
  }

  void refresh(GitHubGateway github, StoredPlan plan, RepoConfig config) throws IOException {
    Optional<DesiredPlan> desired = recorded.desired(plan);
    if (desired.isEmpty() || plan.state() == PlanState.REJECTED) {
      return;
    }
    Map<String, StoredWorkstream> rows = recorded.workstreams(plan);
    Map<String, String> tips;
    try {
      tips = branches.branchTips(plan.repository());
    } catch (IOException e) {
      // Advisory: a repository the App cannot fetch now must not hold up the plan's own reactions to the same
      // delivery (a failure would retry them all); the next push or merge looks again.
      log.warn("conflict radar and preview of {}#{} skipped: {}", plan.repository(), plan.issue(), e.getMessage());
      return;
    }
    String baseSha = tips.get(plan.baseBranch());
    if (baseSha == null) {
      return; // the base branch is gone: the plan's own reactions say so
    }
    List<Tip> open = new ArrayList<>();
    List<Tip> ready = new ArrayList<>();
    for (Task task : desired.get().plan().tasks()) {
      StoredWorkstream row = rows.get(task.id());
      Optional<String> sha = Optional.ofNullable(row).map(r -> tips.get(r.branch()));
      if (row == null || sha.isEmpty() || row.pullRequest().isEmpty() || !row.pullRequest().get().open()
          || row.state().finished()) {
        continue;
      }
      Tip tip = new Tip(task.id(), row.pullRequest().get().number(), desired.get().schedule().mergeOrder().get(task.id()),
          sha.get());
      open.add(tip);
      if (PreviewPolicy.ready(row.state())) {
        ready.add(tip);
      }
    }
    Map<CommitPair, List<String>> merges = plan.state() == PlanState.ACTIVE
        ? branches.conflicts(plan.repository(), Radar.pairs(open, baseSha)) : Map.of();
    List<Tip> radarTips = plan.state() == PlanState.ACTIVE ? open : List.of();
    for (Tip tip : radarTips) {
      comments.show(github, tip, reported(github, plan, tip, Radar.conflictsOf(tip, open, baseSha, merges)),
          plan.baseBranch());
    }
    boolean finished = desired.get().plan().tasks().stream()
        .allMatch(t -> rows.containsKey(t.id()) && rows.get(t.id()).state().finished());
    boolean enabled = PreviewPolicy.enabled(config.preview(), desired.get().plan().tasks().stream().map(Task::id).toList());
    Optional<String> previewLine = preview.bringUpToDate(github, plan, enabled, finished, ready, baseSha,
        tips.containsKey(Markers.previewBranch(plan.issue())));
    String note = IntegrationNote.renderWith(Radar.pairsInConflict(radarTips, baseSha, merges), plan.baseBranch(),
        previewLine.or(() -> IntegrationNote.previewLineIn(plan.integrationNote())));
    showNote(github, plan, note);
  }

  /** Keeps {@code note} with the plan and shows it in the tracking comment, when it changed. */
  void showNote(GitHubGateway github, StoredPlan plan, String note) throws IOException {
    if (note.equals(plan.integrationNote())) {
      return;
    }
    StoredPlan noted = plan.withIntegrationNote(note);
    store.savePlan(noted);
    Optional<String> body = recorded.trackingComment(noted, plan.state() == PlanState.CANCELLED);
    if (body.isPresent()) {
      tracking.show(github, noted, body.get());
    }
  }

  private List<Conflict> reported(GitHubGateway github, StoredPlan plan, Tip tip, List<Conflict> conflicts)
      throws IOException {
    List<Conflict> shown = new ArrayList<>();
    for (Conflict conflict : conflicts) {
      if (!conflict.withBase() || !baseConflicts.take(github, plan, tip, conflict)) {
        shown.add(conflict);
      }
    }
    return shown;
  }
}
