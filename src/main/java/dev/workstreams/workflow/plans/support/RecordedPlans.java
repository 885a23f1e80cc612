package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.reconcile.DesiredPlan;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recorded plan read back into the plan engine's values: the stored issue body is parsed again,
 * so the rules in force are the ones accepted when the plan was labelled or last edited.
 */
public final class RecordedPlans {

  private final PlanChecker checker = new PlanChecker();
  private final PlanStore store;

  public RecordedPlans(PlanStore store) {
    this.store = store;
  }

  /** The accepted plan of a recorded active or cancelled plan; empty for a rejected one. */
  public Optional<DesiredPlan> desired(StoredPlan plan) {
    return desired(plan, checker.check(plan.issueBody(), plan.shared()));
  }

  private static Optional<DesiredPlan> desired(StoredPlan plan, PlanReport report) {
    if (!report.valid() || report.schedule().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DesiredPlan(plan.issue(), plan.baseBranch(), report.plan(), report.schedule().get()));
  }

  /** The plan's own warnings (not the file checks, which need the base branch's files). */
  public List<PlanProblem> warnings(StoredPlan plan) {
    return checker.check(plan.issueBody(), plan.shared()).problems();
  }

  public Map<String, StoredWorkstream> workstreams(StoredPlan plan) {
    Map<String, StoredWorkstream> rows = new LinkedHashMap<>();
    store.workstreams(plan.repository(), plan.issue()).forEach(w -> rows.put(w.taskId(), w));
    return rows;
  }

  /** The tracking comment for a recorded plan as it stands. */
  public Optional<String> trackingComment(StoredPlan plan, boolean cancelled) {
    PlanReport report = checker.check(plan.issueBody(), plan.shared());
    return desired(plan, report).map(d -> TrackingView.render(plan, d, workstreams(plan), notes(plan, report), cancelled));
  }

  private static List<PlanProblem> notes(StoredPlan plan, PlanReport report) {
    List<PlanProblem> notes = new ArrayList<>(report.problems());
    notes.addAll(ProtectedPathNotes.of(report.plan(), plan.protectedPaths(), plan.labelledByAdmin()));
    return notes;
  }
}
