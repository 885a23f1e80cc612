package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.EventRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handler that throws an {@link Error} uses up its attempts like any failure: the delivery is
 * parked after JOB_MAX_ATTEMPTS (3 in tests), and its issue gets one comment saying the App gave up,
 * through the real server, job queue, plan workflows and REST gateway against a fake GitHub.
 */
class ReportGiveUpWhenParkedIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String MARKER = "<!-- workstreams:gave-up {\"delivery\":\"";

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(strings = {"OutOfMemoryError", "StackOverflowError", "AssertionError"})
  void countsAnErrorAsAFailedAttemptParksTheDeliveryAndSaysSoOnceOnTheIssue(String kind) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    EventHandler throwing = context -> {
      calls.incrementAndGet();
      throw error(kind);
    };
    FakeGitHub github = new FakeGitHub();
    try (Rig rig = new Rig(dataDir, github, router -> router.on("issues.opened", throwing))) {
      String id = rig.deliver("issues", opened());

      Eventually.await("delivery parked", PATIENCE, () -> "parked".equals(rig.deliveries.state(id)));
      assertEquals(3, rig.deliveries.failures(id));
      assertEquals(3, calls.get());
      Eventually.await("gave-up comment posted", PATIENCE, () -> !github.commentsOn(7).isEmpty());
      Eventually.await("gave-up event handled", PATIENCE, () -> rig.gaveUpEvents().stream()
          .allMatch(event -> "handled".equals(rig.deliveries.state(event))));
    }
    List<ObjectNode> comments = github.commentsOn(7);
    assertEquals(1, comments.size(), comments.toString());
    String body = comments.get(0).path("body").asText();
    assertTrue(body.startsWith(MARKER), body);
    assertTrue(body.contains("The App gave up on delivery `"), body);
    assertTrue(body.contains("(`issues.opened`) after 3 failed attempts; last error: `java.lang." + kind), body);
    assertEquals(2, body.lines().count(), "marker and one line: " + body);
  }

  @Test
  void aGaveUpEventThatFailsItselfIsParkedWithoutReportingAgain() throws Exception {
    RecordingHandler failing = RecordingHandler.failing();
    FakeGitHub github = new FakeGitHub();
    // Every event of the App's own fails too, the gave-up report among them.
    try (Rig rig = new Rig(dataDir, github, router -> router.on("issues.opened", failing).on("workstreams", failing))) {
      String id = rig.deliver("issues", opened());

      Eventually.await("delivery parked", PATIENCE, () -> "parked".equals(rig.deliveries.state(id)));
      Eventually.await("its report stored", PATIENCE, () -> rig.gaveUpEvents().size() == 1);
      String report = rig.gaveUpEvents().get(0);
      Eventually.await("the report parked in turn", PATIENCE, () -> "parked".equals(rig.deliveries.state(report)));
      // Another delivery after it is handled: by then any report of the report would be stored.
      String later = rig.deliver("issues", opened());
      Eventually.await("later delivery parked", PATIENCE, () -> "parked".equals(rig.deliveries.state(later)));
      Eventually.await("its report parked", PATIENCE, () -> rig.gaveUpEvents().size() == 2
          && rig.gaveUpEvents().stream().allMatch(event -> "parked".equals(rig.deliveries.state(event))));
      assertEquals(2, rig.gaveUpEvents().size(), "one report per parked webhook, none for a parked report");
    }
    assertTrue(github.commentsOn(7).isEmpty());
  }

  private static Error error(String kind) {
    return switch (kind) {
      case "OutOfMemoryError" -> new OutOfMemoryError("Java heap space");
      case "StackOverflowError" -> new StackOverflowError();
      default -> new AssertionError("an invariant broke");
    };
  }

  private static byte[] opened() {
    String labeled = new String(PlanEvents.labeled("no plan here", "bug", "octocat"), java.nio.charset.StandardCharsets.UTF_8);
    return labeled.replaceFirst("\"action\":\"labeled\"", "\"action\":\"opened\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The App as production assembles it, against a fake GitHub, with extra handlers beside its own. */
  private static final class Rig implements AutoCloseable {
    final PlanRig app;
    final DeliveryTable deliveries;

    Rig(Path dataDir, FakeGitHub github, Consumer<EventRouter> extraHandlers) {
      app = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(0)).over(github));
      // Before the first delivery is posted, so that every delivery finds them.
      extraHandlers.accept(app.app.router());
      deliveries = app.deliveries;
    }

    String deliver(String event, byte[] body) {
      String id = UUID.randomUUID().toString();
      assertEquals(202, app.webhooks.deliver(event, id, body).statusCode());
      return id;
    }

    /** Ids of the App's own gave-up events stored so far. */
    List<String> gaveUpEvents() {
      return deliveries.ids("SELECT delivery_id FROM deliveries WHERE event = 'workstreams' AND action = 'gave_up' ORDER BY seq");
    }

    @Override
    public void close() {
      app.close();
    }
  }
}
