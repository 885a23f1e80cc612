package dev.workstreams.workflow.drafts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.e2e.PlanEvents;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.Permission;
import dev.workstreams.port.Planner;
import dev.workstreams.testing.FakeGitHubGateway;
import dev.workstreams.testing.FakePlanStore;
import dev.workstreams.testing.FakeRepoConfigs;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventRouter;
import dev.workstreams.workflow.plans.PlanWorkflows;
import dev.workstreams.workflow.plans.support.PlanProgress;
import java.time.Clock;
import dev.workstreams.core.schedule.WorkDuration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DraftWorkflowsTest {

  static final String VALID = """
      Here is my plan.

      ```plan
      tasks:
        - id: api
          title: API
          owns: [src/api/**]
          estimate: 2h
        - id: web
          title: Web
          owns: [src/web/**]
          depends_on: [api]
          estimate: 1h
      ```
      """;
  static final String OVERLAPPING = """
      ```plan
      tasks:
        - id: api
          title: API
          owns: [src/**]
        - id: web
          title: Web
          owns: [src/web/**]
      ```
      """;
  private static final String ISSUE = "Add a web front end for the API.";

  private final FakeGitHubGateway github = FakeGitHubGateway.octoHello("README.md", "src/api/Api.java")
      .withPermission("writer", Permission.WRITE)
      .withPermission("reader", Permission.READ)
      .withIssueBody(7, ISSUE);
  private final FakePlanStore store = new FakePlanStore();
  private final FakeRepoConfigs configs = new FakeRepoConfigs();
  private ScriptedPlanner planner = new ScriptedPlanner();
  private int deliveries;

  private EventRouter router(Planner planner) {
    return PlanWorkflows.register(new EventRouter(), store, github, configs,
        Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC), Optional.empty(), PlanProgress.NONE, planner);
  }

  private void deliver(Planner planner, String event, byte[] payload, String deliveryId) throws Exception {
    JsonNode json = new ObjectMapper().readTree(payload);
    router(planner).route(new EventContext(deliveryId, event, Optional.ofNullable(json.path("action").textValue()),
        OptionalLong.of(json.path("installation").path("id").asLong()),
        Optional.ofNullable(json.path("repository").path("full_name").textValue()), json));
  }

  private void commented(String text, String sender) throws Exception {
    deliveries++;
    deliver(planner, "issue_comment", PlanEvents.comment(text, 1000 + deliveries, sender), "delivery-" + deliveries);
  }

  private List<IssueComment> drafts() {
    return github.commentsWithMarker(7, Markers.DRAFT);
  }

  @Test
  void aValidDraftIsOneCommentWithThePlanItsAnalysisAndItsSimulation() throws Exception {
    planner.answering(VALID);

    commented("/workstreams draft", "writer");

    assertEquals(1, planner.prompts.size());
    assertEquals(1, drafts().size());
    String body = drafts().get(0).body();
    assertTrue(body.contains("### workstreams: drafted plan"), body);
    assertTrue(body.contains("```plan\ntasks:\n  - id: api\n"), body);
    assertTrue(body.contains("Critical path: `api` → `web`."), body);
    assertTrue(body.contains("Expected wall time at max_parallel 4: **4h** (one at a time: 4h"), body);
    assertTrue(body.contains("| **4** (plan) | 4h |"), body);
    // nothing created before acceptance
    assertTrue(github.pullRequests().isEmpty());
    assertEquals(List.of("write comment #7"), github.writes());
  }

  @Test
  void thePromptHoldsTheIssueAsQuotedUntrustedTextTheFilesAndTheRules() throws Exception {
    planner.answering(VALID);

    commented("/workstreams draft", "writer");

    String prompt = planner.prompts.get(0);
    assertTrue(prompt.contains("# The issue (text written by a user of the repository)"), prompt);
    assertTrue(prompt.contains("> Title: "), prompt);
    assertTrue(prompt.contains("README.md\nsrc/api/Api.java\n"), prompt);
    assertTrue(prompt.contains("Two tasks must never be able to own the same path"), prompt);
    assertTrue(prompt.contains("This is round 1 of at most 3."), prompt);
  }

  @Test
  void anOverlappingFirstPlanGoesBackToThePlannerWithItsErrors() throws Exception {
    planner.answering(OVERLAPPING, VALID);

    commented("/workstreams draft", "writer");

    assertEquals(2, planner.prompts.size());
    String second = planner.prompts.get(1);
    assertTrue(second.contains("This is round 2 of at most 3."), second);
    assertTrue(second.contains("# Problems in your previous plan"), second);
    assertTrue(second.contains("tasks `api` and `web` can both own `src/web/"), second);
    String body = drafts().get(0).body();
    assertTrue(body.contains("drafted this plan from `main` in 2 rounds"), body);
  }

  @Test
  void aPlannerThatNeverProducesAValidPlanLeavesTheRemainingErrorsAfterThreeRounds() throws Exception {
    planner.answering(OVERLAPPING, "I could not decide.", OVERLAPPING);

    commented("/workstreams draft", "writer");

    assertEquals(3, planner.prompts.size());
    assertTrue(planner.prompts.get(2).contains("the output holds no plan block"), planner.prompts.get(2));
    String body = drafts().get(0).body();
    assertTrue(body.contains("### workstreams: no valid plan drafted"), body);
    assertTrue(body.contains("After 3 rounds"), body);
    assertTrue(body.contains("can both own"), body);
    assertTrue(body.contains("```text\n"), body);
    assertFalse(body.contains("```plan"), body);
  }

  @Test
  void aFailingPlannerCountsAsARoundAndItsEndingIsFedBack() throws Exception {
    planner.failing("timed out after 10m").answering(VALID);

    commented("/workstreams draft", "writer");

    assertTrue(planner.prompts.get(1).contains("the planner did not finish: timed out after 10m"), planner.prompts.get(1));
    assertTrue(drafts().get(0).body().contains("### workstreams: drafted plan"));
  }

  @Test
  void aRedeliveredRequestDraftsNothingTwice() throws Exception {
    planner.answering(VALID);
    byte[] payload = PlanEvents.comment("/workstreams draft", 55, "writer");

    deliver(planner, "issue_comment", payload, "same-delivery");
    deliver(planner, "issue_comment", payload, "same-delivery");

    assertEquals(1, planner.prompts.size());
    assertEquals(1, github.commentsOn(7).size());
  }

  @Test
  void aLaterDraftEditsTheSameComment() throws Exception {
    planner.answering(OVERLAPPING, OVERLAPPING, OVERLAPPING, VALID);

    commented("/workstreams draft", "writer");
    commented("/workstreams draft", "writer");

    assertEquals(1, drafts().size());
    assertTrue(drafts().get(0).body().contains("### workstreams: drafted plan"));
    assertTrue(github.writes().contains("write comment edit " + drafts().get(0).id()), github.writes().toString());
  }

  @Test
  void aNonWritersDraftIsRefusedAndThePlannerNeverRuns() throws Exception {
    commented("/workstreams draft", "reader");

    assertTrue(planner.prompts.isEmpty());
    assertTrue(drafts().isEmpty());
    assertTrue(github.commentsWithMarker(7, Markers.PERMISSION).get(0).body().contains("can draft a plan"));
  }

  @Test
  void withoutAPlannerTheDraftCommentSaysSo() throws Exception {
    deliver(Planner.NONE, "issue_comment", PlanEvents.comment("/workstreams draft", 9, "writer"), "d-1");

    assertTrue(drafts().get(0).body().contains("names no `planner:` profile"), drafts().get(0).body());
  }

  @Test
  void theDraftLabelAsksForADraftAndOtherLabelsDoNot() throws Exception {
    planner.answering(VALID);

    deliver(planner, "issues", PlanEvents.labeled(ISSUE, "bug", "writer"), "d-1");
    assertTrue(planner.prompts.isEmpty());

    deliver(planner, "issues", PlanEvents.labeled(ISSUE, "plan:draft", "writer"), "d-2");
    assertEquals(1, planner.prompts.size());
    assertEquals(1, drafts().size());
  }

  @Test
  void theRepositoryNamesItsOwnDraftLabel() throws Exception {
    configs.answering(new RepoConfigResult.Valid(new RepoConfig("plan", 2, Optional.empty(), List.of(),
        Enforcement.COMMENT, RepoConfig.DEFAULT_PROTECTED, WorkDuration.ofHours(1), "needs-plan")));
    planner.answering(VALID);

    deliver(planner, "issues", PlanEvents.labeled(ISSUE, "plan:draft", "writer"), "d-1");
    assertTrue(planner.prompts.isEmpty());
    deliver(planner, "issues", PlanEvents.labeled(ISSUE, "needs-plan", "writer"), "d-2");

    String body = drafts().get(0).body();
    assertTrue(body.contains("Review time 1h per pull request"), body);
    assertTrue(body.contains("at max_parallel 2"), body);
  }

  @Test
  void acceptAppendsThePlanOnceAddsTheTriggerLabelAndOpensTheWorkstreams() throws Exception {
    planner.answering(VALID);
    commented("/workstreams draft", "writer");

    commented("/workstreams accept", "writer");
    commented("/workstreams accept", "writer");

    String body = github.issueBody(7);
    assertTrue(body.startsWith(ISSUE + "\n\n" + Markers.DRAFTED_PLAN + "\n```plan\ntasks:\n  - id: api\n"), body);
    assertEquals(1, github.writes().stream().filter(w -> w.equals("write issue body #7")).count(), github.writes().toString());
    assertTrue(github.labelsOn(7).contains("plan"));
    assertEquals(2, github.pullRequests().size());
    assertTrue(github.branchNames().contains("workstreams/7-api"));
  }

  @Test
  void aNonWritersAcceptIsRefusedAndChangesNothing() throws Exception {
    planner.answering(VALID);
    commented("/workstreams draft", "writer");
    github.forgetCalls();

    commented("/workstreams accept", "reader");

    assertEquals(List.of("write comment #7"), github.writes());
    assertEquals(ISSUE, github.issueBody(7));
    assertTrue(github.commentsOn(7).get(1).body().contains("only people with write, maintain or admin permission can accept"));
  }

  @Test
  void acceptNeverReplacesAPlanAPersonWrote() throws Exception {
    planner.answering(VALID);
    commented("/workstreams draft", "writer");
    github.withIssueBody(7, OVERLAPPING);

    commented("/workstreams accept", "writer");

    assertEquals(OVERLAPPING, github.issueBody(7));
    assertTrue(github.pullRequests().isEmpty());
    assertTrue(github.commentsOn(7).get(1).body().contains("the issue already holds a plan block"));
  }

  @Test
  void acceptWithoutAValidDraftAcceptsNothing() throws Exception {
    planner.answering(OVERLAPPING, OVERLAPPING, OVERLAPPING);
    commented("/workstreams draft", "writer");

    commented("/workstreams accept", "writer");

    assertEquals(ISSUE, github.issueBody(7));
    assertTrue(github.commentsOn(7).get(1).body().contains("there is no drafted plan to accept"));
  }
}
