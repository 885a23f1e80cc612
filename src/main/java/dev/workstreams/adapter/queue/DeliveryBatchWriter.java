package dev.workstreams.adapter.queue;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.workflow.DeliveryInbox;
import dev.workstreams.workflow.IncomingDelivery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores deliveries in batches: a writer thread takes every delivery that arrived while the
 * previous commit was running, writes them and their jobs in one transaction, commits, and only
 * then completes the futures the webhook requests wait on. One commit per batch instead of one
 * per request is what lets intake keep up with a burst while every 202 still follows a commit.
 */
public final class DeliveryBatchWriter implements DeliveryInbox, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryBatchWriter.class);
  private static final int MAX_BATCH = 512;
  /** Past this many waiting deliveries the database is not keeping up: refuse rather than pile up memory. */
  private static final int MAX_WAITING = 20_000;
  private static final String SQL_UNIQUE_VIOLATION = "23505";
  /**
   * Writer threads, measured per database (bench/webhook-load.sh's load, alternated A/B runs): on
   * PostgreSQL two, so that one batch is inserted while the other waits for its commit (two gave
   * 1,501–1,685 deliveries a second, one 1,197–1,230, four 1,364–1,380); on H2 one, since there two
   * writers' per-batch CHECKPOINTs each rewrite the pages both touched, and one writer's batches are
   * twice as large (one gave 8,063–8,605 a second for 193–210 µs of CPU each, two 6,285–6,732 for 255–277).
   */
  private static final int POSTGRES_WRITERS = 2;
  private static final int H2_WRITERS = 1;

  private final Database database;
  private final DataSource dataSource;
  private final DeliveryBatchInsert insert;
  private final DeliveryMetrics metrics;
  private final Consumer<Set<String>> afterCommit;
  private final IntakePressure pressure;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_WAITING);
  private final List<Thread> threads = new ArrayList<>();
  private final ExecutorService acknowledger;
  private volatile boolean running = true;

  /**
   * @param afterCommit told, after each commit, the subjects whose new deliveries were stored
   *     asleep behind an earlier one (see {@link DeliveryBatchInsert#insert})
   */
  public DeliveryBatchWriter(
      Database database,
      JdbcCustomization jdbc,
      Duration subjectWaitFallback,
      DeliveryMetrics metrics,
      IntakePressure pressure,
      Consumer<Set<String>> afterCommit) {
    this.pressure = pressure;
    this.database = database;
    this.dataSource = database.dataSource();
    this.insert = new DeliveryBatchInsert(jdbc, subjectWaitFallback, !database.isPostgres());
    this.metrics = metrics;
    this.afterCommit = afterCommit;
    int writers = database.isPostgres() ? POSTGRES_WRITERS : H2_WRITERS;
    this.acknowledger = Executors.newFixedThreadPool(writers, r -> new Thread(r, "delivery-ack"));
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::run, "delivery-writer-" + i);
      thread.start();
      threads.add(thread);
    }
  }

  @Override
  public CompletableFuture<Receipt> accept(IncomingDelivery delivery) {
    CompletableFuture<Receipt> receipt = new CompletableFuture<>();
    Optional<String> misfit = DeliveryColumns.misfit(delivery);
    if (misfit.isPresent()) {
      receipt.completeExceptionally(new UnstorableDeliveryException(misfit.get()));
    } else if (!running) {
      receipt.completeExceptionally(new StoreUnavailableException("shutting down; delivery " + delivery.deliveryId() + " not stored"));
    } else if (!queue.offer(new Pending(delivery, receipt))) {
      receipt.completeExceptionally(new StoreUnavailableException(
          "more than " + MAX_WAITING + " deliveries waiting to be stored; delivery " + delivery.deliveryId() + " refused"));
    }
    return receipt;
  }

  /** Stores what is already queued, then stops. */
  @Override
  public void close() {
    running = false;
    try {
      for (Thread thread : threads) {
        thread.join(30_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failAll(drain(), new StoreUnavailableException("shutting down"));
    acknowledger.shutdown();
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      List<Pending> batch = nextBatch();
      if (!batch.isEmpty()) {
        write(batch);
      }
    }
  }

  private List<Pending> nextBatch() {
    List<Pending> batch = new ArrayList<>();
    try {
      Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
    return batch;
  }

  private void write(List<Pending> batch) {
    Map<String, Pending> first = new HashMap<>();
    List<Pending> repeats = new ArrayList<>();
    List<IncomingDelivery> candidates = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      if (first.putIfAbsent(pending.delivery().deliveryId(), pending) == null) {
        candidates.add(pending.delivery());
      } else {
        repeats.add(pending);
      }
    }
    try {
      Stored stored = storeAll(candidates);
      Set<String> duplicates = stored.duplicates();
      // The answers are written by whoever completes the futures: not this thread, which has the next batch to store.
      acknowledger.execute(() -> {
        first.forEach((id, pending) -> pending.receipt().complete(duplicates.contains(id) ? Receipt.DUPLICATE : Receipt.STORED));
        repeats.forEach(pending -> pending.receipt().complete(Receipt.DUPLICATE));
      });
      metrics.stored(candidates.size() - duplicates.size());
      pressure.stored(batch.size());
      metrics.duplicates(duplicates.size() + repeats.size());
      afterCommit.accept(stored.deferredSubjects());
    } catch (SQLException | RuntimeException e) {
      log.error("could not store {} deliveries (first {}): {}", batch.size(), batch.get(0).delivery().deliveryId(), e.toString());
      failAll(batch, new StoreUnavailableException("delivery store failed: " + e.getMessage()));
    }
  }

  /** Writes the batch in one transaction. */
  private Stored storeAll(List<IncomingDelivery> candidates) throws SQLException {
    try {
      return storeInOneTransaction(candidates);
    } catch (SQLException e) {
      if (!SQL_UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      // Another instance stored one of these ids between our check and our insert (a redelivery
      // that reached two instances at once). Store one by one so that the others still go in.
      Set<String> duplicates = new HashSet<>();
      Set<String> deferred = new HashSet<>();
      for (IncomingDelivery delivery : candidates) {
        try {
          Stored one = storeInOneTransaction(List.of(delivery));
          duplicates.addAll(one.duplicates());
          deferred.addAll(one.deferredSubjects());
        } catch (SQLException single) {
          if (!SQL_UNIQUE_VIOLATION.equals(single.getSQLState())) {
            throw single;
          }
          duplicates.add(delivery.deliveryId());
        }
      }
      return new Stored(duplicates, deferred);
    }
  }

  private Stored storeInOneTransaction(List<IncomingDelivery> candidates) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Set<String> existing = insert.existing(connection, candidates);
        Set<String> deferred = insert.insert(connection, DeliveryBatchInsert.without(candidates, existing));
        connection.commit();
        database.makeDurable(connection);
        return new Stored(existing, deferred);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private List<Pending> drain() {
    List<Pending> rest = new ArrayList<>();
    queue.drainTo(rest);
    return rest;
  }

  private static void failAll(List<Pending> batch, RuntimeException cause) {
    batch.forEach(pending -> pending.receipt().completeExceptionally(cause));
  }

  /** What a commit did: which ids were stored already, which subjects got sleeping deliveries. */
  private record Stored(Set<String> duplicates, Set<String> deferredSubjects) {}

  private record Pending(IncomingDelivery delivery, CompletableFuture<Receipt> receipt) {}
}
