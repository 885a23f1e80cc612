package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.schedule.PlanSchedule;

/** A valid plan, where it lives, and its merge order: what GitHub should show for it. */
public record DesiredPlan(int issue, String base, Plan plan, PlanSchedule schedule) {}
