package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.WorkflowRun;
import dev.workstreams.workflow.EventContext;
import java.util.Optional;

/** A {@code workflow_run} event, read once from its payload: which repository, and the run as GitHub describes it. */
public record WorkflowRunPayload(RepositoryId repository, String event, WorkflowRun run) {

  /** Empty for a delivery the App cannot act on: no installation, repository or run id in the payload. */
  public static Optional<WorkflowRunPayload> from(EventContext context) {
    JsonNode run = context.payload().path("workflow_run");
    if (context.installationId().isEmpty() || context.repository().isEmpty() || !run.path("id").canConvertToLong()) {
      return Optional.empty();
    }
    return Optional.of(new WorkflowRunPayload(
        RepositoryId.of(context.installationId().getAsLong(), context.repository().get()),
        run.path("event").asText(""), WorkflowRun.of(run)));
  }
}
