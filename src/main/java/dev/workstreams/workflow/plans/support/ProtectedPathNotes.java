package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.config.ProtectedPaths;
import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes for the tracking comment on tasks that own {@code protected} paths in a plan no admin
 * labelled: said up front, so that nobody waits for workflow changes the App will never push.
 */
final class ProtectedPathNotes {

  private ProtectedPathNotes() {}

  static List<PlanProblem> of(Plan plan, List<String> protectedPaths, boolean labelledByAdmin) {
    List<PlanProblem> notes = new ArrayList<>();
    if (labelledByAdmin) {
      return notes;
    }
    for (Task task : plan.tasks()) {
      ProtectedPaths.ownedButLeftOut(protectedPaths, task.id(), task.owns())
          .ifPresent(note -> notes.add(PlanProblem.info(task.line(), note)));
    }
    return notes;
  }
}
