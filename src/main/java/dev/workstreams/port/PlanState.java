package dev.workstreams.port;

/** Whether a plan issue's workstreams are being worked on. */
public enum PlanState {
  /** Labelled and valid: workstreams open, agents scheduled. */
  ACTIVE,
  /** The trigger label was removed: nothing new starts; nothing is deleted. */
  CANCELLED,
  /** Labelled, but the plan has errors: only the tracking comment exists. */
  REJECTED
}
