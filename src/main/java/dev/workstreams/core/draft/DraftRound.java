package dev.workstreams.core.draft;

import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanReport;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One round of drafting, checked: the block the planner answered with (empty when its output held
 * none), the plan engine's report on it, and the errors the round leaves: none when the plan is valid.
 */
public record DraftRound(int round, Optional<String> block, Optional<PlanReport> report, List<PlanProblem> errors) {

  public DraftRound {
    errors = List.copyOf(errors);
  }

  public boolean valid() {
    return block.isPresent() && errors.isEmpty();
  }

  /** Checks a planner's output with the plan engine, against the base branch's {@code files} and {@code shared} paths. */
  public static DraftRound check(int round, String output, List<String> shared, Collection<String> files) {
    PlannerAnswer answer = PlannerAnswer.of(output);
    if (answer instanceof PlannerAnswer.Unusable unusable) {
      return failed(round, unusable.problem());
    }
    String block = ((PlannerAnswer.Drafted) answer).block();
    PlanChecker checker = new PlanChecker();
    PlanReport report = checker.check(block, shared);
    if (report.valid() && !files.isEmpty()) {
      report = report.with(checker.checkTree(report.plan(), shared, files));
    }
    return new DraftRound(round, Optional.of(block), Optional.of(report), report.errors());
  }

  /** A round without a plan to check: the planner failed, or its output held no usable block. */
  public static DraftRound failed(int round, String problem) {
    return new DraftRound(round, Optional.empty(), Optional.empty(), List.of(PlanProblem.error(0, problem)));
  }
}
