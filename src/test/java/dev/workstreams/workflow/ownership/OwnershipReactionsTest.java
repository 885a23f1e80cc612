package dev.workstreams.workflow.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.e2e.PullRequestEvents;
import dev.workstreams.port.ChangedFile;
import dev.workstreams.port.IssueComment;
import dev.workstreams.testing.Events;
import dev.workstreams.testing.FakeGitHubGateway.CheckRun;
import dev.workstreams.workflow.plans.PlanFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ownership reactions over the plain-value fakes: a running example plan, pushes to its pull requests. */
class OwnershipReactionsTest {

  private final PlanFixture fixture = new PlanFixture();

  @BeforeEach
  void openThePlan() throws Exception {
    OwnershipWorkflows.register(fixture.router, fixture.store, fixture.github);
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    fixture.github.forgetCalls();
  }

  @Test
  void aPushWithinTheTasksGlobsPassesTheCheckAndLeavesNoComment() throws Exception {
    int schema = fixture.pullRequestOf("schema");
    fixture.github.withChangedFiles(schema, List.of(ChangedFile.of("db/migrations/001_teams.sql")));

    push(schema);

    assertEquals(List.of(new CheckRun("head-" + schema, CheckOwnershipOnPush.CHECK_NAME, true,
        lastCheck().title(), lastCheck().summary())), fixture.github.checkRuns());
    assertTrue(ownershipComments(schema).isEmpty());
  }

  @Test
  void aPushOutsideFailsTheCheckAndNamesTheFileAndTheTaskThatOwnsIt() throws Exception {
    int schema = fixture.pullRequestOf("schema");
    fixture.github.withChangedFiles(schema, List.of(ChangedFile.of("db/migrations/001_teams.sql"),
        ChangedFile.of("src/billing/invoices/Invoice.java")));

    push(schema);
    push(schema);

    assertFalse(lastCheck().success());
    List<IssueComment> comments = ownershipComments(schema);
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).body().contains("src/billing/invoices/Invoice.java"), comments.get(0).body());
    assertTrue(comments.get(0).body().contains("invoices"), comments.get(0).body());
  }

  @Test
  void aRenameCountsAtBothPaths() throws Exception {
    int docs = fixture.pullRequestOf("docs");
    fixture.github.withChangedFiles(docs, List.of(ChangedFile.renamed("src/billing/model/Team.java", "docs/teams/Team.md")));

    push(docs);

    assertFalse(lastCheck().success());
    assertTrue(ownershipComments(docs).get(0).body().contains("src/billing/model/Team.java"));
  }

  @Test
  void aPullRequestOutsideThePlanThatTouchesOwnedFilesIsWarnedOnce() throws Exception {
    int other = fixture.github.openPullRequest("feature/teams-hack", "main", "Quick fix", "no marker").number();
    fixture.github.withChangedFiles(other, List.of(ChangedFile.of("src/billing/api/teams/Create.java")));

    push(other);
    push(other);

    List<IssueComment> warnings = fixture.github.commentsOn(other).stream()
        .filter(c -> c.body().contains(Markers.CONFLICT_WARNING)).toList();
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).body().contains("team-api"), warnings.get(0).body());
    assertEquals(List.of(), fixture.github.checkRuns());
  }

  @Test
  void aForgedTaskMarkerOnSomeonesBranchIsNoWorkstream() throws Exception {
    String forged = Markers.task(7, "team-api");
    int other = fixture.github.openPullRequest("feature/forged", "main", "Looks legit", forged).number();
    fixture.github.withChangedFiles(other, List.of(ChangedFile.of("src/billing/api/teams/Create.java")));

    push(other);

    assertEquals(List.of(), fixture.github.checkRuns());
    assertEquals(1, fixture.github.commentsOn(other).size());
  }

  private void push(int number) throws Exception {
    ObjectNode pr = fixture.pullRequestJson(number);
    fixture.router.route(Events.context("pull_request", PullRequestEvents.synchronize(pr)));
  }

  private CheckRun lastCheck() {
    List<CheckRun> runs = fixture.github.checkRuns();
    return runs.get(runs.size() - 1);
  }

  private List<IssueComment> ownershipComments(int number) {
    return fixture.github.commentsOn(number).stream().filter(c -> c.body().contains(Markers.OWNERSHIP)).toList();
  }
}
