package dev.workstreams.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.plan.Plan;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.ObservedPullRequest.State;
import dev.workstreams.core.reconcile.Step.AddLabel;
import dev.workstreams.core.reconcile.Step.CreateBranch;
import dev.workstreams.core.reconcile.Step.EnsureLabel;
import dev.workstreams.core.reconcile.Step.FlagRemoved;
import dev.workstreams.core.reconcile.Step.OpenPullRequest;
import dev.workstreams.core.reconcile.Step.RemoveLabel;
import dev.workstreams.core.reconcile.Step.UpdatePullRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  private static final String PLAN = """
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: api, title: API, owns: [api/**], depends_on: [schema]}
        - {id: ui, title: UI, owns: [ui/**], depends_on: [api]}
      """;

  private static DesiredPlan desired(String yaml) {
    PlanReport report = new PlanChecker().check("```plan\n" + yaml + "```\n", List.of());
    assertTrue(report.valid(), report.errors().toString());
    return new DesiredPlan(7, "main", report.plan(), report.schedule().orElseThrow());
  }

  /** A tiny GitHub: applies steps to the observed state the way the workflow records them. */
  private static final class FakeRepository {
    ObservedPlan observed = ObservedPlan.empty();
    int nextNumber = 100;
    int calls;

    void apply(List<Step> steps) {
      for (Step step : steps) {
        calls++;
        observed = applied(step);
      }
    }

    private ObservedPlan applied(Step step) {
      if (step instanceof CreateBranch s) {
        return observed.withBranch(s.branch());
      } else if (step instanceof OpenPullRequest s) {
        return observed.withPullRequest(s.taskId(),
            new ObservedPullRequest(nextNumber++, State.OPEN, s.title(), s.body(), Set.of(), true));
      } else if (step instanceof UpdatePullRequest s) {
        return observed.withPullRequest(s.taskId(),
            observed.pullRequests().get(s.taskId()).withTitleAndBody(s.title(), s.body()));
      } else if (step instanceof EnsureLabel s) {
        return observed.withLabel(s.name());
      } else if (step instanceof AddLabel s) {
        return relabel(s.taskId(), s.label(), true);
      } else if (step instanceof RemoveLabel s) {
        return relabel(s.taskId(), s.label(), false);
      } else {
        return relabel(((FlagRemoved) step).taskId(), MergeOrderLabels.REMOVED, true);
      }
    }

    private ObservedPlan relabel(String taskId, String label, boolean add) {
      ObservedPullRequest pr = observed.pullRequests().get(taskId);
      Set<String> labels = new HashSet<>(pr.labels());
      if (add) {
        labels.add(label);
      } else {
        labels.remove(label);
      }
      return observed.withPullRequest(taskId, pr.withLabels(labels));
    }

    int converge(DesiredPlan desired) {
      int rounds = 0;
      for (List<Step> steps = Reconciler.nextSteps(desired, observed); !steps.isEmpty();
          steps = Reconciler.nextSteps(desired, observed)) {
        apply(steps);
        rounds++;
        assertTrue(rounds < 20, "no convergence: " + steps);
      }
      return rounds;
    }
  }

  @Test
  void aFreshPlanStartsWithOneBranchPerTask() {
    List<Step> steps = Reconciler.nextSteps(desired(PLAN), ObservedPlan.empty());

    assertEquals(List.of(
        new CreateBranch("schema", "workstreams/7-schema", "workstreams: start `schema` of #7"),
        new CreateBranch("api", "workstreams/7-api", "workstreams: start `api` of #7"),
        new CreateBranch("ui", "workstreams/7-ui", "workstreams: start `ui` of #7")), steps);
  }

  @Test
  void convergesToOnePullRequestPerTaskWithItsMergeOrderLabel() {
    FakeRepository repo = new FakeRepository();
    repo.converge(desired(PLAN));

    ObservedPlan end = repo.observed;
    assertEquals(Set.of("workstreams/7-schema", "workstreams/7-api", "workstreams/7-ui"), end.branches());
    assertEquals(Set.of("merge-order:1"), end.pullRequests().get("schema").labels());
    assertEquals(Set.of("merge-order:2"), end.pullRequests().get("api").labels());
    assertEquals(Set.of("merge-order:3"), end.pullRequests().get("ui").labels());
    assertEquals(100, end.pullRequests().get("schema").number());
    String apiBody = end.pullRequests().get("api").body();
    assertTrue(apiBody.startsWith("<!-- workstreams:task {\"issue\":7,\"task\":\"api\"} -->\n"), apiBody);
    assertTrue(apiBody.contains("Depends-On: #100\n"), apiBody);
    // 3 tasks × (branch, pull request, label) + 3 labels created once each
    assertEquals(12, repo.calls);
  }

  @Test
  void aCompletePlanNeedsNothing() {
    FakeRepository repo = new FakeRepository();
    DesiredPlan plan = desired(PLAN);
    repo.converge(plan);

    assertEquals(List.of(), Reconciler.nextSteps(plan, repo.observed));
  }

  @Test
  void anEditedPlanUpdatesBodiesAndMovesMergeOrderLabels() {
    FakeRepository repo = new FakeRepository();
    repo.converge(desired(PLAN));
    int before = repo.calls;

    repo.converge(desired("""
        tasks:
          - {id: schema, title: Schema v2, owns: [db/**]}
          - {id: api, title: API, owns: [api/**]}
          - {id: ui, title: UI, owns: [ui/**], depends_on: [api]}
        """));

    ObservedPlan end = repo.observed;
    assertEquals("Schema v2", end.pullRequests().get("schema").title());
    assertEquals(Set.of("merge-order:1"), end.pullRequests().get("api").labels());
    assertEquals(Set.of("merge-order:2"), end.pullRequests().get("ui").labels());
    assertTrue(!end.pullRequests().get("api").body().contains("Depends-On"));
    // schema and api bodies, ui body (merge order in it), api: -2 +1, ui: -3 +2
    assertEquals(7, repo.calls - before);
  }

  @Test
  void aRemovedTaskIsFlaggedOnceAndLeftOpen() {
    FakeRepository repo = new FakeRepository();
    repo.converge(desired(PLAN));
    DesiredPlan shorter = desired("tasks:\n  - {id: schema, title: Schema, owns: [db/**]}\n");

    List<Step> steps = Reconciler.nextSteps(shorter, repo.observed);

    assertEquals(new EnsureLabel("workstreams:removed", "d93f0b", "This workstream's task was removed from its plan"), steps.get(0));
    assertEquals(List.of("api", "ui"), steps.stream().filter(s -> s instanceof FlagRemoved).map(s -> ((FlagRemoved) s).taskId()).toList());
    repo.converge(shorter);
    assertEquals(List.of(), Reconciler.nextSteps(shorter, repo.observed));
    assertTrue(repo.observed.pullRequests().get("ui").open());
  }

  @Test
  void leavesMergedAndClosedPullRequestsAlone() {
    FakeRepository repo = new FakeRepository();
    repo.converge(desired(PLAN));
    ObservedPullRequest schema = repo.observed.pullRequests().get("schema");
    repo.observed = repo.observed.withPullRequest("schema",
        new ObservedPullRequest(schema.number(), State.MERGED, "old title", "old body", Set.of(), false));

    assertEquals(List.of(), Reconciler.nextSteps(desired(PLAN), repo.observed));
  }

  @Test
  void opensADependentOnlyOnceItsDependencyHasAPullRequest() {
    ObservedPlan branchesOnly = ObservedPlan.empty()
        .withBranch("workstreams/7-schema").withBranch("workstreams/7-api").withBranch("workstreams/7-ui");

    List<Step> steps = Reconciler.nextSteps(desired(PLAN), branchesOnly);

    assertEquals(1, steps.size());
    assertEquals("schema", ((OpenPullRequest) steps.get(0)).taskId());
  }

  @Test
  void thePullRequestBodyNamesEverythingAReviewerNeeds() {
    Plan plan = desired(PLAN).plan();
    String body = PullRequestBody.render(7, plan.task("api").orElseThrow(), 2, java.util.Map.of("schema", 100));

    assertEquals("""
        <!-- workstreams:task {"issue":7,"task":"api"} -->
        Part of #7: workstream `api`, merge order 2.

        ### Task
        API

        ### Owns
        - `api/**`

        Changes outside these paths are reported by the `workstreams/ownership` check.

        ### Depends on
        - `schema`: #100

        Review and merge those first.

        Depends-On: #100
        """, body);
    assertEquals(new Markers.TaskRef(7, "api"), Markers.taskOf(body).orElseThrow());
  }

  @Test
  void aPullRequestBodyWithALongOwnsListFitsInGitHubsLimit() {
    List<String> owns = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      owns.add("services/service-" + i + "/" + "deeply/nested/folder/".repeat(20) + "**");
    }
    String prompt = "Implement it.\n".repeat(3_500);
    Task task = new Task("big", "Big @alice", owns, List.of(), prompt, 3);

    String body = PullRequestBody.render(7, task, 1, java.util.Map.of());

    assertTrue(body.length() <= 65_536, "length " + body.length());
    assertTrue(body.startsWith("<!-- workstreams:task {\"issue\":7,\"task\":\"big\"} -->\n"), body.substring(0, 100));
    assertTrue(body.contains("### Task\nBig @\u200Balice\n"), "the title pings nobody");
    assertTrue(body.contains("more (the plan in the issue lists them all)\n"), "the owns list is cut by item");
    assertEquals(new Markers.TaskRef(7, "big"), Markers.taskOf(body).orElseThrow());
  }
}
