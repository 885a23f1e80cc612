package dev.workstreams.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.config.Enforcement;
import dev.workstreams.port.ActionsAttempt;
import dev.workstreams.port.ActionsAttempt.State;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.testing.Postgres;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Actions attempts in H2 and PostgreSQL: recorded once, claimed once, by the run the dispatch named. */
class JdbcActionsAttemptsIT {

  static final RepositoryId REPO = new RepositoryId(7, "octo", "hello");
  static final AgentAssignment ASSIGNMENT = new AgentAssignment(REPO, 12, "auth", "Add login", "runners", "main",
      "prompt", List.of("src/auth/**"), List.of("go.sum"), Enforcement.BLOCK, List.of(".github/**"), false, 2);
  static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

  static ActionsAttempt attempt(String key, Optional<Long> run) {
    return new ActionsAttempt(REPO, key, ASSIGNMENT, "workstreams-agent.yml", "a".repeat(40), run, State.DISPATCHING, false,
        AT, AT.plusSeconds(3600));
  }

  @Test
  void onH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:attempts" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    exercise(h2, "classpath:db/migration/h2");
  }

  @Test
  void onPostgres() throws Exception {
    Postgres.assumeAvailable();
    try (Postgres.Schema schema = Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      exercise(postgres, "classpath:db/migration/postgresql");
    }
  }

  static void exercise(DataSource dataSource, String migrations) throws Exception {
    Flyway.configure().dataSource(dataSource).locations(migrations).load().migrate();
    JdbcActionsAttempts attempts = new JdbcActionsAttempts(dataSource);

    assertTrue(attempts.begin(attempt("12-auth-a2", Optional.empty())));
    assertFalse(attempts.begin(attempt("12-auth-a2", Optional.empty())), "dispatched once");
    attempts.dispatched(REPO, "12-auth-a2", Optional.of(9001L));
    ActionsAttempt read = attempts.find(REPO, "12-auth-a2").orElseThrow();
    assertEquals(ASSIGNMENT, read.assignment());
    assertEquals(Optional.of(9001L), read.runId());
    assertEquals(State.DISPATCHED, read.state());
    assertEquals(List.of(read), attempts.waiting());

    assertFalse(attempts.claim(REPO, "12-auth-a2", 666), "another run that only borrowed the title");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Boolean> claim = () -> attempts.claim(REPO, "12-auth-a2", 9001);
      List<Future<Boolean>> claims = pool.invokeAll(List.of(claim, claim, claim, claim));
      long won = 0;
      for (Future<Boolean> f : claims) {
        won += f.get() ? 1 : 0;
      }
      assertEquals(1, won, "one collector, however many deliveries and instances");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), attempts.waiting());
    attempts.done(REPO, "12-auth-a2");
    assertEquals(State.DONE, attempts.find(REPO, "12-auth-a2").orElseThrow().state());

    attempts.begin(attempt("12-auth-a3", Optional.empty()));
    attempts.requestCancel(REPO, "12-auth-a3");
    assertTrue(attempts.claim(REPO, "12-auth-a3", 77), "a run found by its title when the dispatch named none");
    ActionsAttempt cancelled = attempts.find(REPO, "12-auth-a3").orElseThrow();
    assertTrue(cancelled.cancelRequested());
    assertEquals(Optional.of(77L), cancelled.runId());

    awaitingPermission(attempts);
  }

  /** Refused for want of the permission: waits without a deadline; taken out of the wait by exactly one caller. */
  static void awaitingPermission(JdbcActionsAttempts attempts) throws Exception {
    attempts.begin(attempt("12-api-a1", Optional.empty()));
    attempts.needsPermission(REPO, "12-api-a1");
    ActionsAttempt waiting = attempts.find(REPO, "12-api-a1").orElseThrow();
    assertEquals(State.NEEDS_PERMISSION, waiting.state());
    assertFalse(waiting.waiting(), "no run is awaited: neither collected nor timed out");
    assertEquals(List.of(waiting), attempts.awaitingPermission());
    assertFalse(attempts.waiting().contains(waiting));
    assertFalse(attempts.claim(REPO, "12-api-a1", 5), "no run can claim it");

    Instant later = AT.plusSeconds(600);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Boolean> resume = () -> attempts.resume(REPO, "12-api-a1", "b".repeat(40), later, later.plusSeconds(7200));
      long won = 0;
      for (Future<Boolean> f : pool.invokeAll(List.of(resume, resume, resume, resume))) {
        won += f.get() ? 1 : 0;
      }
      assertEquals(1, won, "dispatched again once, however many instances try");
    } finally {
      pool.shutdownNow();
    }
    ActionsAttempt resumed = attempts.find(REPO, "12-api-a1").orElseThrow();
    assertEquals(State.DISPATCHING, resumed.state());
    assertEquals("b".repeat(40), resumed.expectedHead(), "the head the new run starts from");
    assertEquals(later, resumed.dispatchedAt());
    assertEquals(later.plusSeconds(7200), resumed.deadline());
    assertEquals(List.of(), attempts.awaitingPermission());
    assertFalse(attempts.dropAwaiting(REPO, "12-api-a1"), "a dispatched attempt is not dropped as a waiting one");

    attempts.needsPermission(REPO, "12-api-a1");
    assertTrue(attempts.dropAwaiting(REPO, "12-api-a1"), "refused again, then cancelled");
    assertFalse(attempts.dropAwaiting(REPO, "12-api-a1"));
    assertEquals(State.DONE, attempts.find(REPO, "12-api-a1").orElseThrow().state());
    assertFalse(attempts.resume(REPO, "12-api-a1", "c".repeat(40), later, later), "a dropped attempt is not resumed");
    attempts.needsPermission(REPO, "12-api-a1");
    assertEquals(State.DONE, attempts.find(REPO, "12-api-a1").orElseThrow().state(), "only a dispatching attempt waits");
  }
}
