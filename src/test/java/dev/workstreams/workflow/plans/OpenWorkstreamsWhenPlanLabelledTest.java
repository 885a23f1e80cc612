package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.config.ConfigProblem;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.PlanState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenWorkstreamsWhenPlanLabelledTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void aWriterLabellingAValidPlanGetsABranchADraftPullRequestAndAMergeOrderPerTaskAndOneTrackingComment() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    assertEquals(Set.of("main", "workstreams/7-schema", "workstreams/7-team-api", "workstreams/7-invoices",
        "workstreams/7-admin-ui", "workstreams/7-docs"), fixture.github.branchNames());
    assertEquals(5, fixture.github.pullRequests().size());
    assertTrue(fixture.github.pullRequests().stream().allMatch(ObservedPullRequest::draft));
    assertEquals(Set.of("merge-order:1"), fixture.github.labelsOn(fixture.pullRequestOf("schema")));
    assertEquals(Set.of("merge-order:2"), fixture.github.labelsOn(fixture.pullRequestOf("team-api")));
    assertEquals(Set.of("merge-order:3"), fixture.github.labelsOn(fixture.pullRequestOf("admin-ui")));
    List<IssueComment> tracking = fixture.github.commentsOn(7);
    assertEquals(1, tracking.size());
    assertTrue(tracking.get(0).body().startsWith(Markers.TRACKING), tracking.get(0).body());
    assertEquals(PlanState.ACTIVE, fixture.plan().state());
    assertEquals(1, fixture.advanced.size());
  }

  @Test
  void handlingTheSameLabelAgainCreatesNothingTwice() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    fixture.github.forgetCalls();

    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    assertEquals(List.of(), fixture.github.writes());
    assertEquals(5, fixture.github.pullRequests().size());
    assertEquals(1, fixture.github.commentsOn(7).size());
  }

  @Test
  void someoneWithoutWriteAccessGetsOneExplanationAndNothingIsCreated() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "reader");
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "reader");

    assertEquals(Set.of("main"), fixture.github.branchNames());
    List<IssueComment> comments = fixture.github.commentsOn(7);
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).body().contains("@reader, only people with write, maintain or admin permission"),
        comments.get(0).body());
    assertTrue(fixture.store.plan(fixture.github.repository(), 7).isEmpty());
  }

  @Test
  void anotherLabelOrABotCostsNoCallToGitHub() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "bug", "writer");
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "dependabot[bot]");

    assertEquals(List.of(), fixture.github.calls());
  }

  @Test
  void anInvalidRepositoryConfigIsReportedForTheDefaultTriggerLabelOnly() throws Exception {
    fixture.configs.answering(new RepoConfigResult.Invalid(List.of(new ConfigProblem(3, "max_parallel must be a number"))));

    fixture.labelled(PlanFixture.EXAMPLE, "ready", "writer");
    assertEquals(List.of(), fixture.github.writes());

    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");
    List<IssueComment> comments = fixture.github.commentsOn(7);
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).body().contains("max_parallel must be a number"), comments.get(0).body());
    assertEquals(Set.of("main"), fixture.github.branchNames());
  }

  @Test
  void anInvalidPlanIsRejectedAsAWholeWithEveryProblemInTheTrackingComment() throws Exception {
    fixture.labelled(PlanFixture.OVERLAPPING, "plan", "writer");

    assertEquals(Set.of("main"), fixture.github.branchNames());
    assertEquals(PlanState.REJECTED, fixture.plan().state());
    List<IssueComment> comments = fixture.github.commentsOn(7);
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).body().contains("src/web/**"), comments.get(0).body());
    assertEquals(List.of(), fixture.advanced);
  }
}
