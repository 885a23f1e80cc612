package dev.workstreams.workflow.followthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.testing.FakeRevisionStore;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.plans.PlanFixture;
import dev.workstreams.workflow.plans.support.PlanProgress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The dashboard's revise: one revision trigger per request, keyed by the request, never a retry or a cancel. */
class ReviseWhenAskedOnTheDashboardTest {

  private final PlanFixture fx = new PlanFixture();
  private final FakeRevisionStore revisions = new FakeRevisionStore();
  private final ReviseWhenAskedOnTheDashboard handler = new ReviseWhenAskedOnTheDashboard(fx.github, fx.store,
      new TriggerIntake(fx.store, revisions, fx.configs, PlanProgress.NONE,
          Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC)));

  private EventContext request(String verb, String task, long id) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("repository", "octo/hello").put("issue", 7)
        .put("task", task).put("verb", verb).put("login", "writer").put("request", id);
    return new EventContext("delivery-" + id, "workstreams", Optional.of("dashboard_request"),
        OptionalLong.of(fx.github.repository().installationId()), Optional.of("octo/hello"), payload);
  }

  private List<Trigger> pending() {
    return revisions.pending(fx.github.repository(), 7).getOrDefault("schema", List.of());
  }

  @Test
  void aReviseRecordsOneRevisionTriggerThatResetsTheCountAndARedeliveryNoSecond() throws Exception {
    fx.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    handler.handle(request("revise", "schema", 42));
    handler.handle(request("revise", "schema", 42));

    assertEquals(1, pending().size(), pending()::toString);
    Trigger.Review review = assertInstanceOf(Trigger.Review.class, pending().get(0));
    assertEquals("revise:42", review.key());
    assertTrue(review.command(), "a person's revise starts the count again");
    assertEquals("writer", review.reviewer());
  }

  @Test
  void retryCancelAndUnknownTasksAreNotRevisions() throws Exception {
    fx.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    handler.handle(request("retry", "schema", 43));
    handler.handle(request("cancel", "schema", 44));
    handler.handle(request("revise", "nosuchtask", 45));

    assertTrue(revisions.pending(fx.github.repository(), 7).isEmpty());
  }
}
