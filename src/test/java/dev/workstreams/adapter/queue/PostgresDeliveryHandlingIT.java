package dev.workstreams.adapter.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.WorkstreamsServer;
import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.Postgres;
import dev.workstreams.testing.RecordingHandler;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same contract on PostgreSQL, plus what only a shared database allows: several instances
 * taking deliveries for one issue at once, and still handling them one at a time.
 */
class PostgresDeliveryHandlingIT extends DeliveryHandlingContract {
  private static Postgres.Schema schema;
  @TempDir Path dataDir;

  @BeforeAll
  static void createSchema() {
    Postgres.assumeAvailable();
    schema = Postgres.newSchema();
  }

  @AfterAll
  static void dropSchema() {
    if (schema != null) {
      schema.close();
    }
  }

  @Override
  Map<String, String> environment() {
    Map<String, String> env = TestServers.environment(dataDir, secret);
    env.put("DATABASE_URL", schema.jdbcUrl());
    return env;
  }

  @Override
  DeliveryTable table() {
    return new DeliveryTable(schema.jdbcUrl());
  }

  @Test
  void compressesPayloadsWithLz4() {
    try (WorkstreamsServer server = TestServers.start(environment(), new EventRouter())) {
      String id = post(new WebhookClient(server.port(), secret), "issues", "issues-labeled-bug");
      assertEquals(List.of("l"), table().ids("SELECT attcompression::text FROM pg_attribute"
          + " WHERE attrelid = 'delivery_payloads'::regclass AND attname = 'payload'"));
      // The stored body is the signed body, byte for byte, whatever the compression.
      assertEquals(List.of("true"), table().ids("SELECT (p.payload = ?::bytea)::text FROM delivery_payloads p JOIN deliveries d ON d.seq = p.seq WHERE d.delivery_id = ?",
          "\\x" + HexFormat.of().formatHex(Fixtures.webhook("issues-labeled-bug")), id));
    }
  }

  @Test
  void twoInstancesHandleABurstForOneIssueOnceEachAndNeverTwoAtATime() throws Exception {
    RecordingHandler handler = RecordingHandler.takingTime(Duration.ofMillis(20));
    int issue = uniqueIssueNumber();
    List<String> ids = new CopyOnWriteArrayList<>();
    try (WorkstreamsServer one = TestServers.start(environment(), new EventRouter().on("issues", handler));
        WorkstreamsServer two = TestServers.start(environment(), new EventRouter().on("issues", handler))) {
      List<WebhookClient> clients = List.of(new WebhookClient(one.port(), secret), new WebhookClient(two.port(), secret));
      ExecutorService burst = Executors.newFixedThreadPool(8);
      for (int i = 0; i < 30; i++) {
        WebhookClient client = clients.get(i % 2);
        burst.execute(() -> ids.add(postForIssue(client, issue)));
      }
      burst.shutdown();
      burst.awaitTermination(30, TimeUnit.SECONDS);
      assertEquals(30, ids.size());
      Eventually.await("burst handled", Duration.ofSeconds(30), () -> ids.stream().allMatch(id -> "handled".equals(table().state(id))));
    }
    for (String id : ids) {
      assertEquals(1, handler.callsFor(id), id);
    }
    assertNoOverlap(handler.calls());
  }
}
