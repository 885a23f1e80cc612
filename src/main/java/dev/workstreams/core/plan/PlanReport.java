package dev.workstreams.core.plan;

import dev.workstreams.core.schedule.PlanSchedule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What checking a plan found. {@code plan} holds what could be read even when the plan is
 * invalid (tasks whose id was readable), so a report can still show them; {@code schedule} is
 * present when the dependencies form no cycle.
 */
public record PlanReport(Plan plan, List<PlanProblem> problems, Optional<PlanSchedule> schedule) {

  public PlanReport {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(PlanProblem::isError);
  }

  public List<PlanProblem> errors() {
    return problems.stream().filter(PlanProblem::isError).toList();
  }

  /** The same report with more findings, e.g. from the repository's file tree. */
  public PlanReport with(List<PlanProblem> more) {
    return new PlanReport(plan, Stream.concat(problems.stream(), more.stream()).toList(), schedule);
  }
}
