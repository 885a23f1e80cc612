package dev.workstreams.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.PlanStore.PlanTask;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.testing.Postgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcPlanStoreIT {

  private static final RepositoryId REPO = new RepositoryId(7, "octo", "hello");
  private JdbcPlanStore store;

  @BeforeEach
  void migrate() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:plans" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/h2").load().migrate();
    store = new JdbcPlanStore(h2);
  }

  private static StoredPlan plan(PlanState state) {
    return new StoredPlan(REPO, 12, state, "```plan\n...\n```", "main", 3, Optional.of("claude"),
        List.of("package-lock.json", "go.sum"), Enforcement.BLOCK, Instant.parse("2026-11-24T10:00:00Z"),
        Optional.empty(), Optional.empty(), "");
  }

  @Test
  void savesAndUpdatesAPlan() {
    store.savePlan(plan(PlanState.ACTIVE));
    store.savePlan(plan(PlanState.ACTIVE).withTrackingComment(555L, "<!-- workstreams:tracking -->")
        .withFinishedAt(Instant.parse("2026-11-24T12:00:00Z")));

    StoredPlan read = store.plan(REPO, 12).orElseThrow();
    assertEquals(Optional.of(555L), read.trackingCommentId());
    assertEquals(List.of("package-lock.json", "go.sum"), read.shared());
    assertEquals(Enforcement.BLOCK, read.enforcement());
    assertEquals(Optional.of(Instant.parse("2026-11-24T12:00:00Z")), read.finishedAt());
    assertEquals(List.of(read), store.activePlans(REPO));
    store.savePlan(read.withState(PlanState.CANCELLED));
    assertEquals(List.of(), store.activePlans(REPO));
    assertTrue(store.plan(REPO, 13).isEmpty());
  }

  @Test
  void savesTheProtectedGlobsAndWhetherAnAdminLabelledThePlan() {
    StoredPlan admins = new StoredPlan(REPO, 12, PlanState.ACTIVE, "body", "main", 3, Optional.empty(), List.of(),
        Enforcement.COMMENT, Instant.parse("2026-11-24T10:00:00Z"), Optional.empty(), Optional.empty(), "",
        List.of("deploy/**", "CODEOWNERS"), true);
    store.savePlan(admins);
    assertEquals(admins, store.plan(REPO, 12).orElseThrow());

    StoredPlan nothingProtected = new StoredPlan(REPO, 12, PlanState.ACTIVE, "body", "main", 3, Optional.empty(),
        List.of(), Enforcement.COMMENT, Instant.parse("2026-11-24T10:00:00Z"), Optional.empty(), Optional.empty(), "",
        List.of(), false);
    store.savePlan(nothingProtected.withTrackingComment(9L, "t"));
    assertEquals(List.of(), store.plan(REPO, 12).orElseThrow().protectedPaths());
    assertEquals(false, store.plan(REPO, 12).orElseThrow().labelledByAdmin());
  }

  @Test
  void plansRecordedBeforeTheProtectedColumnGetTheDefaultListOnBothDatabases() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:old" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    assertOldPlansGetTheDefaults(h2, "classpath:db/migration/h2");

    Postgres.assumeAvailable();
    try (Postgres.Schema schema = Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      assertOldPlansGetTheDefaults(postgres, "classpath:db/migration/postgresql");
    }
  }

  private static void assertOldPlansGetTheDefaults(DataSource dataSource, String migrations) throws Exception {
    Flyway.configure().dataSource(dataSource).locations(migrations).target("3").load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO plans (repository, issue_number, installation_id, state, issue_body, base_branch,"
          + " max_parallel, shared_paths, enforcement, labelled_at) VALUES ('octo/hello', 12, 7, 'ACTIVE', 'body', 'main',"
          + " 3, '', 'COMMENT', TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+00')");
    }
    Flyway.configure().dataSource(dataSource).locations(migrations).load().migrate();

    StoredPlan old = new JdbcPlanStore(dataSource).plan(REPO, 12).orElseThrow();
    assertEquals(RepoConfig.DEFAULT_PROTECTED, old.protectedPaths());
    assertEquals(false, old.labelledByAdmin());
  }

  @Test
  void keepsARejectedEditUntilAValidPlanReplacesIt() {
    keepsARejectedEdit(store);
  }

  @Test
  void keepsARejectedEditInPostgres() throws Exception {
    dev.workstreams.testing.Postgres.assumeAvailable();
    try (dev.workstreams.testing.Postgres.Schema schema = dev.workstreams.testing.Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      Flyway.configure().dataSource(postgres).locations("classpath:db/migration/postgresql").load().migrate();
      keepsARejectedEdit(new JdbcPlanStore(postgres));
    }
  }

  @Test
  void keepsTheIntegrationNoteOnBothDatabases() throws Exception {
    keepsTheIntegrationNote(store);
    dev.workstreams.testing.Postgres.assumeAvailable();
    try (dev.workstreams.testing.Postgres.Schema schema = dev.workstreams.testing.Postgres.newSchema()) {
      DataSource postgres = schema.dataSource();
      Flyway.configure().dataSource(postgres).locations("classpath:db/migration/postgresql").load().migrate();
      keepsTheIntegrationNote(new JdbcPlanStore(postgres));
    }
  }

  private static void keepsTheIntegrationNote(JdbcPlanStore store) {
    String note = "**Conflicts**\n\n- `api` (#3) and `ui` (#4): `package-lock.json`\n";
    store.savePlan(plan(PlanState.ACTIVE).withIntegrationNote(note));
    StoredPlan read = store.plan(REPO, 12).orElseThrow();
    assertEquals(note, read.integrationNote());
    assertEquals(note, read.withTrackingComment(9L, "body").withRejectedEdit("x").withState(PlanState.CANCELLED)
        .withFinishedAt(java.time.Instant.EPOCH).integrationNote());
    store.savePlan(read.withIntegrationNote(""));
    assertEquals("", store.plan(REPO, 12).orElseThrow().integrationNote());
  }

  private static void keepsARejectedEdit(JdbcPlanStore store) {
    store.savePlan(plan(PlanState.ACTIVE).withRejectedEdit("**The last edit of the plan was not applied**"));
    StoredPlan read = store.plan(REPO, 12).orElseThrow();
    assertEquals("**The last edit of the plan was not applied**", read.rejectedEdit());
    assertEquals(read.rejectedEdit(), read.withTrackingComment(9L, "body").withState(PlanState.ACTIVE).rejectedEdit());

    store.savePlan(plan(PlanState.ACTIVE));
    assertEquals("", store.plan(REPO, 12).orElseThrow().rejectedEdit());
  }

  @Test
  void savesWorkstreamsWithTheirPullRequests() {
    StoredWorkstream fresh = StoredWorkstream.pending("api", "workstreams/12-api");
    store.saveWorkstream(REPO, 12, fresh);
    ObservedPullRequest pr = new ObservedPullRequest(40, ObservedPullRequest.State.OPEN, "API", "body",
        Set.of("merge-order:2", "x"), true);
    StoredWorkstream running = fresh.withPullRequest(pr).withState(WorkstreamState.RUNNING, "since 10:00")
        .withAgentRun(2, Optional.of(Instant.parse("2026-11-24T10:00:00Z")), Optional.empty(), Duration.ofSeconds(90))
        .withRequested(Optional.of("cancel"));
    store.saveWorkstream(REPO, 12, running);
    store.saveWorkstream(REPO, 12, StoredWorkstream.pending("docs", "workstreams/12-docs"));

    assertEquals(List.of(running, StoredWorkstream.pending("docs", "workstreams/12-docs")), store.workstreams(REPO, 12));
    assertEquals(Optional.of(new PlanTask(12, "api")), store.taskOfPullRequest(REPO, 40));
    assertEquals(Optional.empty(), store.taskOfPullRequest(REPO, 41));
  }
}
