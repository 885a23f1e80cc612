package dev.workstreams.adapter.agent.profile;

/** One thing wrong in the operator's agents file, at a line (1-based; 0 when it has none). */
public record ProfileProblem(int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? "line " + line + ": " + message : message;
  }
}
