package dev.workstreams.adapter.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.testing.Postgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Sessions and sign-in states on both databases the App runs on, through the V8 migration. */
class SessionStoreIT {

  @Test
  void onH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:sessions" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    exercise(h2, "classpath:db/migration/h2");
  }

  @Test
  void onPostgres() {
    Postgres.assumeAvailable();
    try (Postgres.Schema schema = Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      exercise(postgres, "classpath:db/migration/postgresql");
    }
  }

  private static void exercise(DataSource dataSource, String migrations) {
    Flyway.configure().dataSource(dataSource).locations(migrations).load().migrate();
    SessionStore store = new SessionStore(dataSource);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<ReachableRepository> reach = List.of(new ReachableRepository(1, "octo/hello"), new ReachableRepository(2, "octo/other"));
    DashboardSession session = new DashboardSession("hash-1", 4242, "mona", "sealed", "csrf", reach, now, now);
    store.create(session);

    DashboardSession read = store.find("hash-1").orElseThrow();
    assertEquals(session, read);
    assertTrue(read.reach("OCTO/hello").isPresent());
    assertFalse(read.reach("octo/secret").isPresent());

    store.saveReach(read.withReach(List.of(), now.plusSeconds(600)));
    assertEquals(List.of(), store.find("hash-1").orElseThrow().repositories());
    assertEquals(now.plusSeconds(600), store.find("hash-1").orElseThrow().checkedAt());

    store.addState("state-1", now);
    assertFalse(store.consumeState("state-1", now.plusSeconds(1)), "too old");
    store.addState("state-2", now);
    assertTrue(store.consumeState("state-2", now.minus(Duration.ofMinutes(10))));
    assertFalse(store.consumeState("state-2", now.minus(Duration.ofMinutes(10))), "used once only");

    store.deleteCreatedBefore(now.plusSeconds(1));
    assertTrue(store.find("hash-1").isEmpty());
    store.create(session);
    store.delete("hash-1");
    assertTrue(store.find("hash-1").isEmpty());
  }
}
