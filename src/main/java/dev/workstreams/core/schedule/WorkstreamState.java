package dev.workstreams.core.schedule;

/** Where one workstream stands, as the tracking comment shows it. */
public enum WorkstreamState {
  /** Branch and pull request not created yet. */
  PENDING("pending"),
  /** Its dependencies' pull requests are not all merged. */
  WAITING("waiting for dependencies"),
  /** Ready; waits for review capacity or an agent slot. */
  QUEUED("queued"),
  RUNNING("agent running"),
  /** The agent finished and its work is pushed: ready for review. */
  PUSHED("ready for review"),
  FAILED("agent failed"),
  CANCELLED("cancelled"),
  /** No agent configured: the pull request is open for people. */
  OPEN("open for people"),
  MERGED("merged"),
  CLOSED("closed without merging"),
  /** A dependency failed or was closed without merging. */
  BLOCKED("blocked");

  private final String text;

  WorkstreamState(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** Occupies review capacity: an agent at work, or its pull request awaiting review and merge. */
  public boolean inFlight() {
    return this == RUNNING || this == PUSHED || this == FAILED;
  }

  public boolean finished() {
    return this == MERGED || this == CLOSED;
  }
}
