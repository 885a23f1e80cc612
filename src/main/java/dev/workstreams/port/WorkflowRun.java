package dev.workstreams.port;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A workflow run as GitHub describes it (REST or the {@code workflow_run} event). Every field but
 * {@code id} is the run's to shape (its title comes from the workflow file): only compared, never obeyed.
 */
public record WorkflowRun(long id, String displayTitle, String status, Optional<String> conclusion, String htmlUrl,
    String runStartedAt, String updatedAt) {

  public boolean completed() {
    return status.equals("completed");
  }

  /** From the run's start to its last update: the agent time of a finished run; zero when GitHub did not say. */
  public Duration duration() {
    try {
      Duration d = Duration.between(Instant.parse(runStartedAt), Instant.parse(updatedAt));
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }
}
