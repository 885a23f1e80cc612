package dev.workstreams.port;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** A run as the REST API ({@code GET …/actions/runs/{id}}) and the {@code workflow_run} event's payload describe it. */
  public static WorkflowRun of(JsonNode run) {
    JsonNode conclusion = run.path("conclusion");
    return new WorkflowRun(run.path("id").asLong(), run.path("display_title").asText(""), run.path("status").asText(""),
        conclusion.isTextual() ? Optional.of(conclusion.asText()) : Optional.empty(), run.path("html_url").asText(""),
        run.path("run_started_at").asText(""), run.path("updated_at").asText(""));
  }

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
