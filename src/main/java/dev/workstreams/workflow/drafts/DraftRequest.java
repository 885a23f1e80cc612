package dev.workstreams.workflow.drafts;

import dev.workstreams.workflow.plans.support.PlanIssue;

/** Someone asked for a draft of {@code issue}'s plan, in delivery {@code deliveryId}. */
record DraftRequest(PlanIssue issue, String sender, String deliveryId) {}
