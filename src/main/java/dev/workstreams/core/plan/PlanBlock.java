package dev.workstreams.core.plan;

/**
 * The content of the plan's fenced code block, and the issue-body line its first content line
 * sits on, so that problems found in the YAML name lines a person can find in the issue.
 */
public record PlanBlock(String content, int firstLine) {

  /** The issue-body line of a 1-based line inside the block. */
  public int issueLine(int blockLine) {
    return blockLine <= 0 ? 0 : firstLine + blockLine - 1;
  }
}
