package dev.workstreams.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.RevisionStore;
import dev.workstreams.testing.Postgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcRevisionStoreIT {

  private static final RepositoryId REPO = new RepositoryId(7, "octo", "hello");
  private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void keepsTriggersOncePerKeyAndTheirOutcomesOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:revisions" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    exercise(h2, "classpath:db/migration/h2");
  }

  @Test
  void keepsTriggersOncePerKeyAndTheirOutcomesOnPostgres() {
    Postgres.assumeAvailable();
    try (Postgres.Schema schema = Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      exercise(postgres, "classpath:db/migration/postgresql");
    }
  }

  private static void exercise(DataSource dataSource, String migrations) {
    Flyway.configure().dataSource(dataSource).locations(migrations).load().migrate();
    RevisionStore store = new JdbcRevisionStore(dataSource);
    Trigger review = new Trigger.Review(11, "mona", false, "fix it",
        List.of(new Trigger.ReviewComment("a/x.txt", 2, "@@ -1 +1 @@", "here")), "sha1");
    Trigger checks = new Trigger.ChecksFailed("sha1", 5, List.of(new Trigger.FailedCheck("build", "failure", "t", "s",
        List.of(new Trigger.Annotation("a/x.txt", 3, "boom")), List.of("log line"))));

    assertTrue(store.record(REPO, 12, "a", review, AT));
    assertFalse(store.record(REPO, 12, "a", review, AT.plusSeconds(5)), "the same review again records nothing");
    assertTrue(store.record(REPO, 12, "a", checks, AT.plusSeconds(1)));
    assertEquals(Map.of("a", List.of(review, checks)), store.pending(REPO, 12));

    store.started(REPO, 12, "a", List.of(review.key()));
    store.dropped(REPO, 12, "a", checks.key(), "stale: the head moved");
    assertEquals(Map.of(), store.pending(REPO, 12));
    assertEquals(Optional.of("STARTED"), store.outcome(REPO, 12, "a", review.key()));
    assertEquals(Optional.of("stale: the head moved"), store.outcome(REPO, 12, "a", checks.key()));
    store.dropped(REPO, 12, "a", review.key(), "stale: the review was dismissed");
    assertEquals(Optional.of("STARTED"), store.outcome(REPO, 12, "a", review.key()), "an answered trigger stays answered");

    assertTrue(store.remember(REPO, 12, "a", "rerun:sha1", "failed jobs re-run", AT));
    assertFalse(store.remember(REPO, 12, "a", "rerun:sha1", "failed jobs re-run", AT));
    assertTrue(store.seen(REPO, 12, "a", "checks:sha1:"));
    assertFalse(store.seen(REPO, 12, "a", "checks:sha2:"));
    assertEquals(Map.of(), store.pending(REPO, 12), "a remembered key is never a pending trigger");

    store.saveRevisions(REPO, 12, "a", new RevisionStore.Revisions(1, "changes requested by @mona", false, "sha1"));
    store.saveRevisions(REPO, 12, "a", new RevisionStore.Revisions(2, "ci", true, "sha2"));
    assertEquals(Map.of("a", new RevisionStore.Revisions(2, "ci", true, "sha2")), store.revisions(REPO, 12));

    FollowThroughSettings settings = new FollowThroughSettings(2, 30 * 60, OptionalLong.of(5 * 3600), true);
    store.saveSettings(REPO, 12, FollowThroughSettings.DEFAULTS);
    store.saveSettings(REPO, 12, settings);
    assertEquals(Optional.of(settings), store.settings(REPO, 12));
    assertEquals(Optional.empty(), store.settings(REPO, 13));
  }
}
