package dev.workstreams.core.plan;

/**
 * One thing a plan author should know about their plan, with the line of the issue body it
 * concerns (0 when it concerns the plan as a whole).
 */
public record PlanProblem(Severity severity, int line, String message) {

  public enum Severity {
    /** The plan is rejected while any error remains. */
    ERROR,
    /** Likely a mistake, but the plan is still accepted. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
  }

  public static PlanProblem error(int line, String message) {
    return new PlanProblem(Severity.ERROR, line, message);
  }

  public static PlanProblem warning(int line, String message) {
    return new PlanProblem(Severity.WARNING, line, message);
  }

  public static PlanProblem info(int line, String message) {
    return new PlanProblem(Severity.INFO, line, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** How the problem reads in a comment or on a terminal: {@code line 12: …}. */
  @Override
  public String toString() {
    return line > 0 ? "line " + line + ": " + message : message;
  }
}
