package dev.workstreams.core.agent;

/** The task an agent works on, as the plan states it; {@code instructions} may be empty. */
public record TaskBrief(String id, String title, String instructions) {

  public TaskBrief {
    instructions = instructions == null ? "" : instructions;
  }
}
