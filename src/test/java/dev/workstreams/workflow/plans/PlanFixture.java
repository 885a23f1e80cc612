package dev.workstreams.workflow.plans;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.e2e.PlanEvents;
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

/**
 * The plan workflows wired as in production, over plain-value fakes of GitHub, the store and the
 * repository config: issue 7 of octo/hello, written by {@code writer}, read by {@code reader}.
 * {@link #advanced} records each time a reaction moved the plan forward.
 */
final class PlanFixture {

  static final String EXAMPLE = read(Path.of("examples/plan-issue.md"));
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

  final FakeGitHubGateway github = FakeGitHubGateway.octoHello("README.md", "src/billing/Invoice.java")
      .withPermission("writer", Permission.WRITE)
      .withPermission("admin", Permission.ADMIN)
      .withPermission("reader", Permission.READ);
  final FakePlanStore store = new FakePlanStore();
  final FakeRepoConfigs configs = new FakeRepoConfigs();
  final List<StoredPlan> advanced = new ArrayList<>();
  final EventRouter router = PlanWorkflows.register(new EventRouter(), store, github, configs,
      Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC), (gateway, plan) -> advanced.add(plan));

  void labelled(String body, String label, String sender) throws Exception {
    router.route(Events.context("issues", PlanEvents.labeled(body, label, sender)));
  }

  void unlabelled(String body, String label, String sender) throws Exception {
    router.route(Events.context("issues", PlanEvents.unlabeled(body, label, sender)));
  }

  void edited(String body, String sender) throws Exception {
    router.route(Events.context("issues", PlanEvents.edited(body, "plan", sender)));
  }

  void commented(String text, long commentId, String sender) throws Exception {
    router.route(Events.context("issue_comment", PlanEvents.comment(text, commentId, sender)));
  }

  /** A person merges (or closes) a workstream pull request on GitHub, and GitHub tells the App. */
  void closed(int number, boolean merged) throws Exception {
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

  StoredPlan plan() {
    return store.plan(github.repository(), 7).orElseThrow(() -> new AssertionError("no plan recorded for #7"));
  }

  int pullRequestOf(String taskId) {
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
