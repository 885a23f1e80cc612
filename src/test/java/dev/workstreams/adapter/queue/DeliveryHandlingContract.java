package dev.workstreams.adapter.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Storage and job behaviour that must hold on every database the server supports; one subclass
 * per database provides the environment that points a server at it.
 */
abstract class DeliveryHandlingContract {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  protected final String secret = TestServers.newSecret();

  /** The environment of a server on the database under test; every call returns the same database. */
  abstract Map<String, String> environment();

  abstract DeliveryTable table();

  @Test
  void handlesEveryStoredDeliveryExactlyOnce() {
    RecordingHandler handler = RecordingHandler.succeeding();
    EventRouter router = new EventRouter().on("issues", handler).on("pull_request", handler).on("push", handler);
    List<String> ids = new ArrayList<>();
    try (WorkstreamsServer server = TestServers.start(environment(), router)) {
      WebhookClient client = new WebhookClient(server.port(), secret);
      for (int i = 0; i < 4; i++) {
        ids.add(post(client, "issues", "issues-labeled-bug"));
        ids.add(post(client, "pull_request", "pull_request-opened-basic"));
        ids.add(post(client, "push", "push-none-basic"));
      }
      Eventually.await("all handled", PATIENCE, () -> ids.stream().allMatch(id -> "handled".equals(table().state(id))));
      Eventually.await("no job left", PATIENCE, () -> ids.stream().allMatch(id -> jobsOf(id) == 0));
    }
    for (String id : ids) {
      assertEquals(1, handler.callsFor(id), id);
    }
  }

  @Test
  void retriesAFailingHandlerWithGrowingDelaysThenParksItAndKeepsServing() {
    RecordingHandler failing = RecordingHandler.failing();
    RecordingHandler succeeding = RecordingHandler.succeeding();
    EventRouter router = new EventRouter().on("issues", failing).on("push", succeeding);
    try (WorkstreamsServer server = TestServers.start(environment(), router)) {
      WebhookClient client = new WebhookClient(server.port(), secret);

      String doomed = post(client, "issues", "issues-labeled-bug");
      Eventually.await("delivery parked", PATIENCE, () -> "parked".equals(table().state(doomed)));

      assertEquals(3, failing.callsFor(doomed));
      assertEquals(3, table().failures(doomed));
      Eventually.await("a parked delivery keeps no job", PATIENCE, () -> jobsOf(doomed) == 0);
      List<RecordingHandler.Call> attempts = failing.calls();
      long spanMillis = (attempts.get(2).startNanos() - attempts.get(0).startNanos()) / 1_000_000;
      assertTrue(spanMillis >= 100 + 200, "the second and third attempts wait 100 ms then 200 ms; took " + spanMillis);
      String metrics = client.get("/metrics").body();
      assertTrue(metrics.contains("workstreams_deliveries_parked_total 1.0"), metrics);
      assertTrue(metrics.contains("workstreams_deliveries_failed_total 3.0"), metrics);

      String fine = post(client, "push", "push-none-basic");
      Eventually.await("later delivery handled", PATIENCE, () -> "handled".equals(table().state(fine)));
      assertEquals(1, succeeding.callsFor(fine));
    }
  }

  @Test
  void handlesAfterARestartADeliveryAcknowledgedBeforeItsJobRan() {
    Map<String, String> intakeOnly = environment();
    intakeOnly.put("JOB_WORKERS", "0");
    String id;
    try (WorkstreamsServer first = TestServers.start(intakeOnly, new EventRouter())) {
      id = post(new WebhookClient(first.port(), secret), "issues", "issues-labeled-bug");
    }
    assertEquals("pending", table().state(id));
    assertEquals(1, jobsOf(id));

    RecordingHandler handler = RecordingHandler.succeeding();
    try (WorkstreamsServer second = TestServers.start(environment(), new EventRouter().on("issues.labeled", handler))) {
      Eventually.await("handled after restart", PATIENCE, () -> "handled".equals(table().state(id)));
      Eventually.await("job removed", PATIENCE, () -> jobsOf(id) == 0);
    }
    assertEquals(1, handler.callsFor(id));
  }

  @Test
  void neverRunsTwoDeliveriesOfOneIssueAtOnceAndRunsThemInTheOrderReceived() throws Exception {
    RecordingHandler handler = RecordingHandler.takingTime(Duration.ofMillis(25));
    List<String> ids = new ArrayList<>();
    int issue = uniqueIssueNumber();
    try (WorkstreamsServer server = TestServers.start(environment(), new EventRouter().on("issues", handler))) {
      WebhookClient client = new WebhookClient(server.port(), secret);
      for (int i = 0; i < 12; i++) {
        ids.add(postForIssue(client, issue));
      }
      Eventually.await("burst handled", PATIENCE, () -> ids.stream().allMatch(id -> "handled".equals(table().state(id))));
    }
    List<RecordingHandler.Call> calls = handler.calls();
    assertEquals(ids.size(), calls.size());
    assertNoOverlap(calls);
    assertEquals(ids, calls.stream().sorted(Comparator.comparingLong(RecordingHandler.Call::startNanos))
        .map(RecordingHandler.Call::deliveryId).toList());
  }

  @Test
  void storesADeliveryForAnIssueWithOneWaitingAsleepBehindIt() {
    Map<String, String> env = environment();
    env.put("JOB_WORKERS", "0"); // nothing handled: every delivery stays waiting
    env.put("SUBJECT_WAIT_FALLBACK_MS", "600000");
    int busy = uniqueIssueNumber();
    int other = busy + 1;
    List<String> ids = new ArrayList<>();
    try (WorkstreamsServer server = TestServers.start(env, new EventRouter())) {
      WebhookClient client = new WebhookClient(server.port(), secret);
      ids.add(postForIssue(client, busy));
      ids.add(postForIssue(client, other));
      ids.add(postForIssue(client, busy));
      ids.add(postForIssue(client, busy));
    }
    List<String> asleep = table().ids("SELECT t.task_instance FROM scheduled_tasks t JOIN deliveries d"
        + " ON t.task_instance = d.delivery_id WHERE t.execution_time > d.received_at + INTERVAL '5' MINUTE"
        + " AND d.delivery_id IN (?, ?, ?, ?) ORDER BY d.seq", ids.toArray(String[]::new));
    assertEquals(List.of(ids.get(2), ids.get(3)), asleep, "only the later deliveries of the busy issue sleep");
  }

  @Test
  void keepsTheSubjectForAHandlerThatOutlivesItsLease() {
    Map<String, String> env = environment();
    env.put("SUBJECT_LEASE_MS", "400");
    RecordingHandler handler = RecordingHandler.takingTime(Duration.ofMillis(1200));
    int issue = uniqueIssueNumber();
    List<String> ids = new ArrayList<>();
    try (WorkstreamsServer server = TestServers.start(env, new EventRouter().on("issues", handler))) {
      WebhookClient client = new WebhookClient(server.port(), secret);
      ids.add(postForIssue(client, issue));
      ids.add(postForIssue(client, issue));
      Eventually.await("both handled", PATIENCE, () -> ids.stream().allMatch(id -> "handled".equals(table().state(id))));
    }
    assertNoOverlap(handler.calls());
  }

  @Test
  void refusesAnUnstorableDeliveryAloneAndStoresTheOnesSentWithIt() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    try (WorkstreamsServer server = TestServers.start(environment(), new EventRouter().on("issues", handler))) {
      WebhookClient client = new WebhookClient(server.port(), secret);
      ObjectMapper json = new ObjectMapper();
      ObjectNode wide = (ObjectNode) json.readTree(Fixtures.webhook("issues-labeled-bug"));
      wide.put("action", "a".repeat(101));
      ObjectNode nul = (ObjectNode) json.readTree(Fixtures.webhook("issues-labeled-bug"));
      ((ObjectNode) nul.get("repository")).put("full_name", "octo/hel" + (char) 0 + "lo");
      Map<String, byte[]> bad = Map.of("wide-" + UUID.randomUUID(), json.writeValueAsBytes(wide),
          "nul-" + UUID.randomUUID(), json.writeValueAsBytes(nul));
      List<String> good = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        good.add(UUID.randomUUID().toString());
      }
      // All at once, so that the bad ones would share a batch with good ones if they reached the store.
      ExecutorService senders = Executors.newFixedThreadPool(14);
      Map<String, Future<Integer>> statuses = new java.util.HashMap<>();
      bad.forEach((id, body) -> statuses.put(id, senders.submit(() -> client.deliver("issues", id, body).statusCode())));
      byte[] fine = Fixtures.webhook("issues-labeled-bug");
      good.forEach(id -> statuses.put(id, senders.submit(() -> client.deliver("issues", id, fine).statusCode())));
      senders.shutdown();
      for (String id : good) {
        assertEquals(202, statuses.get(id).get(), id);
      }
      for (String id : bad.keySet()) {
        assertEquals(400, statuses.get(id).get(), id);
        assertEquals(null, table().state(id), id);
      }
      Eventually.await("the good ones handled", PATIENCE, () -> good.stream().allMatch(id -> "handled".equals(table().state(id))));
    }
  }

  protected String post(WebhookClient client, String event, String fixture) {
    return post(client, event, Fixtures.webhook(fixture));
  }

  protected String post(WebhookClient client, String event, byte[] body) {
    String id = UUID.randomUUID().toString();
    int status = client.deliver(event, id, body).statusCode();
    assertEquals(202, status, "delivery " + id);
    return id;
  }

  /** A labelled-issue delivery about issue {@code number} of the fixture's repository. */
  protected String postForIssue(WebhookClient client, int number) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode payload = (ObjectNode) json.readTree(Fixtures.webhook("issues-labeled-bug"));
      ((ObjectNode) payload.get("issue")).put("number", number);
      return post(client, "issues", json.writeValueAsBytes(payload));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static int uniqueIssueNumber() {
    return 1000 + (int) (Math.random() * 1_000_000);
  }

  protected static void assertNoOverlap(List<RecordingHandler.Call> calls) {
    List<RecordingHandler.Call> ordered =
        calls.stream().sorted(Comparator.comparingLong(RecordingHandler.Call::startNanos)).toList();
    for (int i = 1; i < ordered.size(); i++) {
      assertTrue(ordered.get(i).startNanos() >= ordered.get(i - 1).endNanos(),
          "deliveries " + ordered.get(i - 1).deliveryId() + " and " + ordered.get(i).deliveryId() + " ran at the same time");
    }
  }

  protected long jobsOf(String deliveryId) {
    return table().count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", deliveryId);
  }
}
