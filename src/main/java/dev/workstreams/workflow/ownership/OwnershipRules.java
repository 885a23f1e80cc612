package dev.workstreams.workflow.ownership;

import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.OwnershipMatcher;
import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.port.StoredPlan;
import java.util.Optional;

/**
 * The ownership rules of a recorded plan: the stored issue body parsed again with the stored
 * {@code shared} paths, compiled once for every path of a push. Never read from a pull request's
 * head, so no push can widen its own ownership.
 */
record OwnershipRules(StoredPlan stored, Plan plan, OwnershipMatcher matcher) {

  private static final PlanChecker CHECKER = new PlanChecker();

  /** Empty when the recorded body holds no valid plan (a plan rejected from the start). */
  static Optional<OwnershipRules> of(StoredPlan stored) {
    PlanReport report = CHECKER.check(stored.issueBody(), stored.shared());
    if (!report.valid()) {
      return Optional.empty();
    }
    Plan plan = report.plan();
    OwnershipMatcher matcher = OwnershipMatcher.compile(
        plan.tasks().stream().map(t -> new OwnedGlobs(t.id(), t.owns())).toList(), stored.shared());
    return Optional.of(new OwnershipRules(stored, plan, matcher));
  }
}
