package dev.workstreams.workflow.plans;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.e2e.PlanEvents;
import dev.workstreams.e2e.PullRequestEvents;
import dev.workstreams.port.Permission;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.testing.Events;
import dev.workstreams.testing.FakeGitHubGateway;
import dev.workstreams.testing.FakePlanStore;
import dev.workstreams.testing.FakeRepoConfigs;
import dev.workstreams.workflow.EventRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan workflows wired as in production, over plain-value fakes of GitHub, the store and the
 * repository config: issue 7 of octo/hello, written by {@code writer}, read by {@code reader}.
 * {@link #advanced} records each time a reaction moved the plan forward.
 */
public final class PlanFixture {

  public static final String EXAMPLE = read(Path.of("examples/plan-issue.md"));
  public static final String OVERLAPPING = """
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

  public final FakeGitHubGateway github = FakeGitHubGateway.octoHello("README.md", "src/billing/Invoice.java")
      .withPermission("writer", Permission.WRITE)
      .withPermission("admin", Permission.ADMIN)
      .withPermission("reader", Permission.READ);
  public final FakePlanStore store = new FakePlanStore();
  public final FakeRepoConfigs configs = new FakeRepoConfigs();
  public final List<StoredPlan> advanced = new ArrayList<>();
  public final EventRouter router = PlanWorkflows.register(new EventRouter(), store, github, configs,
      Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC), Optional.empty(), (gateway, plan) -> advanced.add(plan));

  public void labelled(String body, String label, String sender) throws Exception {
    router.route(Events.context("issues", PlanEvents.labeled(body, label, sender)));
  }

  public void unlabelled(String body, String label, String sender) throws Exception {
    router.route(Events.context("issues", PlanEvents.unlabeled(body, label, sender)));
  }

  public void edited(String body, String sender) throws Exception {
    router.route(Events.context("issues", PlanEvents.edited(body, "plan", sender)));
  }

  public void commented(String text, long commentId, String sender) throws Exception {
    router.route(Events.context("issue_comment", PlanEvents.comment(text, commentId, sender)));
  }

  /** A person merges (or closes) a workstream pull request on GitHub, and GitHub tells the App. */
  public void closed(int number, boolean merged) throws Exception {
    ObservedPullRequest pr = github.close(number, merged);
    ObjectNode json = JsonNodeFactory.instance.objectNode()
        .put("number", number).put("state", "closed").put("title", pr.title()).put("body", pr.body())
        .put("draft", pr.draft()).put("merged", merged);
    if (merged) {
      json.put("merged_at", "2026-12-05T12:30:00Z");
    }
    json.putObject("head").put("ref", github.headOf(number)).put("sha", "head-" + number);
    router.route(Events.context("pull_request", PlanEvents.closed(json, "writer")));
  }

  /** A person reopens a pull request closed without merging. */
  public void reopened(int number) throws Exception {
    router.route(Events.context("pull_request", PullRequestEvents.event("reopened", pullRequestJson(number), "writer", "User")));
  }

  /** The pull request as GitHub's payloads carry it, with a head commit of {@code head-<number>}. */
  public ObjectNode pullRequestJson(int number) {
    ObservedPullRequest pr = github.pullRequest(number);
    ObjectNode json = JsonNodeFactory.instance.objectNode()
        .put("number", number).put("title", pr.title()).put("body", pr.body()).put("draft", pr.draft());
    json.putObject("head").put("ref", github.headOf(number)).put("sha", "head-" + number);
    return json;
  }

  public StoredPlan plan() {
    return store.plan(github.repository(), 7).orElseThrow(() -> new AssertionError("no plan recorded for #7"));
  }

  public int pullRequestOf(String taskId) {
    return github.pullRequests().stream().filter(pr -> github.headOf(pr.number()).equals("workstreams/7-" + taskId))
        .findFirst().orElseThrow(() -> new AssertionError("no pull request for " + taskId)).number();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
