package dev.workstreams.web;

import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.adapter.queue.DeliveryBatchWriter;
import dev.workstreams.adapter.queue.IntakePressure;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.config.DatabaseTarget;
import dev.workstreams.config.Secret;
import dev.workstreams.json.Json;
import dev.workstreams.workflow.DeliveryInbox;
import dev.workstreams.workflow.IncomingDelivery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook intake without HTTP, so that a regression shows without wrk (issue 18): the signature of
 * the 13,790-byte {@code issues.labeled} payload, its scan, and the store of a batch of
 * {@link #BATCH} such deliveries with their jobs (through the real {@link DeliveryBatchWriter}, one
 * commit and, on H2, one CHECKPOINT), each apart and all three together. Per operation: one
 * delivery for {@code sign} and {@code scan}, one batch for {@code storeBatch} and {@code intakeBatch}.
 * Run with {@code -prof gc} for the allocation per operation. PostgreSQL: {@code -p database=postgresql}
 * and {@code BENCH_POSTGRES_URL} (default the local test database).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class IntakeBenchmark {
  static final int BATCH = 32;

  @Param({"h2"})
  public String database;

  private final AtomicLong nextId = new AtomicLong();
  private final Clock clock = Clock.systemUTC();
  private byte[] payload;
  private WebhookSignature signature;
  private PayloadScan scan;
  private Path dataDir;
  private Database db;
  private DeliveryBatchWriter writer;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path file = Path.of(System.getProperty("payload", "src/test/resources/webhooks/issues-labeled-bug.json"));
    payload = Files.readAllBytes(file.isAbsolute() || Files.exists(file) ? file : Path.of("..").resolve(file));
    signature = new WebhookSignature(Secret.of("bench-secret"));
    scan = new PayloadScan(Json.mapper().getFactory());
    DatabaseTarget target;
    if (database.equals("postgresql")) {
      target = DatabaseTarget.parse(Optional.ofNullable(System.getenv("BENCH_POSTGRES_URL"))
          .orElse("jdbc:postgresql://127.0.0.1:5432/bench_intake?user=postgres"));
    } else {
      dataDir = Files.createTempDirectory("intake-bench");
      target = DatabaseTarget.embedded(dataDir);
    }
    db = Database.open(target, 4);
    writer = new DeliveryBatchWriter(db, new AutodetectJdbcCustomization(db.dataSource()), Duration.ofSeconds(30),
        new DeliveryMetrics(new SimpleMeterRegistry()), new IntakePressure(clock), subjects -> {});
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException, IOException {
    writer.close();
    if (database.equals("postgresql")) {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("DELETE FROM scheduled_tasks WHERE task_instance LIKE 'jmh-%'");
        s.execute("DELETE FROM delivery_payloads WHERE seq IN (SELECT seq FROM deliveries WHERE delivery_id LIKE 'jmh-%')");
        s.execute("DELETE FROM deliveries WHERE delivery_id LIKE 'jmh-%'");
      }
    }
    db.close();
    if (dataDir != null) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The HMAC over the body, read as the route reads it. */
  @Benchmark
  public boolean sign() throws IOException {
    return signed(payload);
  }

  @Benchmark
  public PayloadScan.Result scan() {
    return scan.scan(payload);
  }

  /** A batch of fresh deliveries stored with their jobs: returns when all are committed (and checkpointed). */
  @Benchmark
  public int storeBatch() {
    return store(writer);
  }

  /** Signature, scan and store of a batch: intake's work for {@link #BATCH} deliveries, less HTTP. */
  @Benchmark
  public int intakeBatch() throws IOException {
    for (int i = 0; i < BATCH; i++) {
      if (!signed(payload) || scan.scan(payload).fields().isEmpty()) {
        throw new IllegalStateException("the payload did not pass intake");
      }
    }
    return store(writer);
  }

  private boolean signed(byte[] body) throws IOException {
    BodyBudget.Reservation room = BodyBudget.defaults().reserve(body.length);
    BoundedBody.Outcome outcome = BoundedBody.read(
        new ByteArrayInputStream(body), body.length, WebhookRoute.MAX_BODY_BYTES, signature.streaming(), room);
    return outcome instanceof BoundedBody.Outcome.Read;
  }

  private int store(DeliveryInbox inbox) {
    PayloadFields fields = scan.scan(payload).fields().orElseThrow();
    List<CompletableFuture<DeliveryInbox.Receipt>> receipts = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      receipts.add(inbox.accept(new IncomingDelivery("jmh-" + nextId.incrementAndGet(), "issues", fields.action(),
          fields.installationId(), fields.repository(), fields.subject(), payload, clock.instant())));
    }
    CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).join();
    return receipts.size();
  }
}
