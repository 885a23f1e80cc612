package dev.workstreams.core.agent;

/** The issue that holds the plan: its goal, in the words of the person who wrote it. */
public record IssueGoal(int number, String title, String body) {

  public IssueGoal {
    body = body == null ? "" : body;
  }
}
