package dev.workstreams.workflow.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.reconcile.Markers.TaskRef;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.testing.FakePlanStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WorkstreamPullRequestsTest {

  private static final String APP = "workstreams[bot]";

  private static final RepositoryId REPO = new RepositoryId(7, "octo", "hello");
  private static final String PLAN = """
      ```plan
      tasks:
        - {id: schema, title: Schema, owns: [db/**]}
        - {id: api, title: API, owns: [api/**]}
      ```
      """;

  private final FakePlanStore store = new FakePlanStore();
  private final WorkstreamPullRequests workstreams = new WorkstreamPullRequests(store);

  private static StoredPlan plan(int issue, PlanState state, String body) {
    return new StoredPlan(REPO, issue, state, body, "main", 4, Optional.empty(), List.of("package-lock.json"),
        Enforcement.COMMENT, Instant.EPOCH, Optional.empty(), Optional.empty(), "");
  }

  /** A pull request the App opened (its bot user is the author), unless the test says otherwise. */
  private static PullRequestEvent pr(int number, String body, String head, boolean sameRepository) {
    return new PullRequestEvent(REPO, number, body, head, "abc", sameRepository, Optional.of(APP));
  }

  /** A real {@code pull_request.opened} payload with this body, head branch and author. */
  private static PullRequestEvent fromPayload(String fixture, String body, String head, String author, String authorType)
      throws Exception {
    ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(dev.workstreams.testing.Fixtures.webhook(fixture));
    ObjectNode pull = (ObjectNode) payload.path("pull_request");
    pull.put("body", body);
    ((ObjectNode) pull.path("head")).put("ref", head);
    ((ObjectNode) pull.path("user")).put("login", author).put("type", authorType);
    var context = new dev.workstreams.workflow.EventContext("d1", "pull_request", Optional.of("opened"), OptionalLong.of(7),
        Optional.of(payload.path("repository").path("full_name").asText()), payload);
    return PullRequestEvent.from(context).orElseThrow();
  }

  private String taskOf(PullRequestEvent pr) throws Exception {
    return workstreams.find(pr, () -> APP).map(w -> w.planIssue() + ":" + w.task().id()).orElse("none");
  }

  @Test
  void knowsAWorkstreamByItsRecordedPullRequestOrByTheAppsPullRequestFromTheTaskBranch() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));
    store.saveWorkstream(REPO, 7, StoredWorkstream.pending("schema", "workstreams/7-schema")
        .withPullRequest(new ObservedPullRequest(100, ObservedPullRequest.State.OPEN, "Schema", "", Set.of(), true)));

    assertEquals("7:schema", taskOf(pr(100, "", "renamed-by-someone", true)));
    assertEquals("7:api", taskOf(pr(102, "", "workstreams/7-api", true)));
    assertEquals("7:api", taskOf(pr(103, Markers.task(7, "api"), "workstreams/7-api", true)));
  }

  @Test
  void aTaskMarkerAloneMakesNoWorkstream() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));

    assertEquals("none", taskOf(pr(101, Markers.task(7, "api"), "other", true)));
    assertEquals("none", taskOf(pr(102, Markers.task(7, "api"), "workstreams/7-schema", true)));
  }

  @Test
  void aPersonsPullRequestFromATaskBranchWithTheTaskMarkerIsNoWorkstream() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));
    String body = "Looks legit.\n" + Markers.task(7, "api");

    PullRequestEvent byPerson = fromPayload("pull_request-opened-basic", body, "workstreams/7-api", "Codertocat", "User");
    PullRequestEvent byApp = fromPayload("pull_request-opened-basic", body, "workstreams/7-api", "workstreams[bot]", "Bot");

    assertEquals(Optional.empty(), workstreams.claimedTask(byPerson, () -> APP));
    assertEquals("7:api", taskOf(byApp));
  }

  @Test
  void anotherAppsPullRequestFromATaskBranchIsNoWorkstream() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));
    String body = Markers.task(7, "api");

    PullRequestEvent byOtherApp = fromPayload("pull_request-opened-basic", body, "workstreams/7-api", "evil[bot]", "Bot");

    assertEquals(Optional.empty(), workstreams.claimedTask(byOtherApp, () -> APP));
  }

  @Test
  void aForkedPullRequestWithTheTaskMarkerIsNoWorkstreamWhoeverOpenedIt() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));
    String body = Markers.task(7, "api");

    PullRequestEvent fork = fromPayload("pull_request-opened-fork", body, "workstreams/7-api", "Mallory", "User");
    PullRequestEvent forkByABot = fromPayload("pull_request-opened-fork", body, "workstreams/7-api", "evil[bot]", "Bot");

    assertFalse(fork.sameRepository());
    assertEquals(Optional.empty(), workstreams.claimedTask(fork, () -> APP));
    assertEquals(Optional.empty(), workstreams.claimedTask(forkByABot, () -> APP));
  }

  @Test
  void aTaskBranchInAForkIsNoWorkstream() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));

    assertEquals(Optional.empty(), workstreams.claimedTask(pr(102, "", "workstreams/7-api", false), () -> APP));
  }

  @Test
  void aClaimOnATaskTheStoredPlanDoesNotHaveIsNoWorkstream() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));
    PullRequestEvent unknownTask = pr(103, "", "workstreams/7-docs", true);
    PullRequestEvent unknownPlan = pr(104, "", "workstreams/8-api", true);

    assertEquals(Optional.of(new TaskRef(7, "docs")), workstreams.claimedTask(unknownTask, () -> APP));
    assertEquals("none", taskOf(unknownTask));
    assertEquals("none", taskOf(unknownPlan));
  }

  @Test
  void aPlanRejectedFromTheStartHoldsNoWorkstream() throws Exception {
    store.savePlan(plan(7, PlanState.REJECTED, "no plan here"));

    assertEquals("none", taskOf(pr(102, "", "workstreams/7-api", true)));
  }

  @Test
  void theRulesAreTheStoredPlansWithItsSharedPaths() throws Exception {
    store.savePlan(plan(7, PlanState.ACTIVE, PLAN));

    OwnershipRules rules = workstreams.find(pr(102, "", "workstreams/7-api", true), () -> APP).orElseThrow().rules();

    assertTrue(rules.matcher().isShared("package-lock.json"));
    assertEquals(Optional.of("schema"), rules.matcher().ownerOf("db/x.sql"));
  }
}
