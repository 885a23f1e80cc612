package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.testing.Eventually;
import dev.workstreams.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents on GitHub Actions end to end: a labelled plan under a {@code runner: actions} profile →
 * workflow dispatches; the test plays the runner with the shipped action's script
 * ({@code action/run-agent.sh}) on a clone of a real bare repository and uploads a real zip with a
 * real bundle; {@code workflow_run.completed} deliveries → the App verifies, enforces ownership and
 * pushes, once, and reports on the pull request.
 */
class ActionsAgentsIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SCRIPT = Path.of("action/run-agent.sh").toAbsolutePath();

  @TempDir Path dir;
  PlanRig rig;
  Path bare;
  FakeActions actions;

  @BeforeEach
  void start() throws Exception {
    bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
    }
    Files.createDirectories(dir.resolve("data"));
    rig = app(new FakeGitHub());
    rig.github.permissions.put("mona", "write");
    rig.github.config = Optional.of("enforcement: block\n");
    actions = rig.github.actions;
  }

  /** The App on {@code data} with an {@code actions} profile, against {@code github}: a new one, or the one before a restart. */
  PlanRig app(FakeGitHub github) throws Exception {
    return app(github, "2h");
  }

  PlanRig app(FakeGitHub github, String timeout) throws Exception {
    AgentProfiles profiles = new AgentProfilesReader(Map.of()).parse(
        "profiles:\n  runners:\n    runner: actions\n    timeout: " + timeout + "\ndefault: runners\n", "agents.yml");
    return new PlanRig(PlanRig.Setup.of(dir.resolve("data"), PlanRig.quickPolicy(2)).over(github)
        .withAgents(new PlanRig.Agents(profiles, bare, 2)));
  }

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  static String plan(String... ids) {
    StringBuilder plan = new StringBuilder("```plan\nmax_parallel: 2\ntasks:\n");
    for (String id : ids) {
      plan.append("  - {id: ").append(id).append(", title: Task ").append(id).append(", owns: [").append(id).append("/**]}\n");
    }
    return plan.append("```\n").toString();
  }

  /** The dispatch of a task, once the App made it. */
  JsonNode dispatchOf(String task) {
    Eventually.await("a dispatch for " + task, Duration.ofSeconds(60), () -> dispatch(task).isPresent());
    return dispatch(task).orElseThrow();
  }

  Optional<JsonNode> dispatch(String task) {
    synchronized (actions) {
      return actions.dispatches.stream().filter(d -> d.path("inputs").path("task").asText().equals(task))
          .map(d -> (JsonNode) d.deepCopy()).findFirst();
    }
  }

  long runOf(JsonNode dispatch) {
    String title = "workstreams " + dispatch.path("inputs").path("attempt_key").asText();
    synchronized (actions) {
      return actions.runs.values().stream().filter(r -> r.path("display_title").asText().equals(title))
          .mapToLong(r -> r.path("id").asLong()).findFirst().orElseThrow();
    }
  }

  /** Plays the runner: the action's script in a clone of the task branch; returns the artifact's zip. */
  byte[] runner(JsonNode dispatch, String agent) throws Exception {
    JsonNode in = dispatch.path("inputs");
    Path checkout = dir.resolve("runner-" + in.path("attempt_key").asText());
    Process clone = new ProcessBuilder("git", "clone", "--quiet", "--branch", in.path("branch").asText(), bare.toString(),
        checkout.toString()).redirectErrorStream(true).start();
    assertEquals(0, clone.waitFor(), new String(clone.getInputStream().readAllBytes()));
    String prompt = rig.github.commentsOn(in.path("pull_request").asInt()).stream()
        .filter(c -> c.path("id").asText().equals(in.path("prompt_comment").asText()))
        .map(c -> c.path("body").asText()).findFirst().orElseThrow();
    Files.writeString(dir.resolve("prompt.md"), prompt.substring(prompt.indexOf('\n') + 1));
    Path out = dir.resolve("out-" + in.path("attempt_key").asText());
    ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString()).directory(checkout.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("runner.log").toFile());
    run.environment().putAll(Map.of("WORKSTREAMS_HEAD", in.path("head").asText(),
        "WORKSTREAMS_BRANCH", in.path("branch").asText(), "WORKSTREAMS_ATTEMPT_KEY", in.path("attempt_key").asText(),
        "WORKSTREAMS_AGENT_COMMAND", agent, "WORKSTREAMS_PROMPT_FILE", dir.resolve("prompt.md").toString(),
        "WORKSTREAMS_OUT", out.toString(), "GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1"));
    run.start().waitFor();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip); Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        z.putNextEntry(new ZipEntry(f.getFileName().toString()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    return zip.toByteArray();
  }

  byte[] completed(long runId, String conclusion) {
    ObjectNode payload = JSON.createObjectNode().put("action", "completed");
    payload.set("workflow_run", actions.complete(runId, conclusion));
    ObjectNode repo = payload.putObject("repository").put("full_name", "octo/hello").put("name", "hello");
    repo.putObject("owner").put("login", "octo");
    payload.putObject("installation").put("id", 7);
    payload.putObject("sender").put("login", "workstreams[bot]").put("type", "Bot");
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }

  Optional<String> file(String branch, String path) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
      var tip = repo.resolve("refs/heads/" + branch);
      if (tip == null) {
        return Optional.empty();
      }
      try (TreeWalk tree = TreeWalk.forPath(repo, path, walk.parseCommit(tip).getTree())) {
        return tree == null ? Optional.empty() : Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes()));
      }
    }
  }

  String tip(String branch) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository()) {
      return repo.resolve("refs/heads/" + branch).name();
    }
  }

  int prOf(String task) {
    return rig.github.pullRequest("workstreams/7-" + task).path("number").asInt();
  }

  boolean draft(String task) {
    return rig.github.pullRequest("workstreams/7-" + task).path("draft").asBoolean();
  }

  @Test
  void twoTasksAreDispatchedAndTheirRunsCommitsPushedOnceWithOwnershipEnforced() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a", "b"), "plan", "mona"));

    JsonNode a = dispatchOf("a");
    JsonNode b = dispatchOf("b");
    JsonNode in = a.path("inputs");
    assertEquals("workstreams-agent.yml", a.path("workflow").asText());
    assertEquals("main", a.path("ref").asText(), "the repository's default branch");
    List<String> names = new ArrayList<>();
    in.fieldNames().forEachRemaining(names::add);
    assertEquals(dev.workstreams.adapter.actions.ActionsAgents.INPUTS, names, "what the example workflow declares");
    assertEquals("7", in.path("issue").asText());
    assertEquals("workstreams/7-a", in.path("branch").asText());
    assertEquals("7-a-a1", in.path("attempt_key").asText());
    assertEquals(String.valueOf(prOf("a")), in.path("pull_request").asText());
    assertEquals(tip("workstreams/7-a"), in.path("head").asText(), "the branch the runner checks out is on GitHub");
    String prompt = rig.github.commentsOn(prOf("a")).get(0).path("body").asText();
    assertTrue(prompt.startsWith("<!-- workstreams:prompt 7-a-a1 -->\n"), prompt);
    assertTrue(prompt.contains("Task a"), prompt);

    byte[] zipA = runner(a, "mkdir -p a && cat > a/done.txt && echo sneaky > README.md && git add -A && git commit -qm work"
        + " && echo more > a/more.txt");
    actions.upload(runOf(a), "workstreams-7-a-a1", zipA);
    actions.upload(runOf(b), "workstreams-7-b-a1", runner(b, "mkdir -p b && echo b > b/done.txt"));
    byte[] doneA = completed(runOf(a), "success");
    rig.deliverAndWait("workflow_run", doneA);
    rig.deliverAndWait("workflow_run", completed(runOf(b), "success"));

    Eventually.await("both pull requests out of draft", Duration.ofSeconds(60), () -> !draft("a") && !draft("b"));
    assertTrue(file("workstreams/7-a", "a/done.txt").orElseThrow().contains("Task a"), "the prompt reached the agent");
    assertEquals(Optional.of("more\n"), file("workstreams/7-a", "a/more.txt"), "left uncommitted, committed by the action");
    assertEquals(Optional.of("hello\n"), file("workstreams/7-a", "README.md"), "outside the task: left out (block)");
    assertEquals(Optional.of("b\n"), file("workstreams/7-b", "b/done.txt"));
    Eventually.await("the left-out file is reported", Duration.ofSeconds(30), () -> rig.github.commentsOn(prOf("a")).stream()
        .anyMatch(c -> c.path("body").asText().contains("README.md")));

    String pushed = tip("workstreams/7-a");
    int downloads = actions.downloads.size();
    int comments = rig.github.commentsOn(prOf("a")).size();
    rig.deliverAndWait("workflow_run", doneA);
    assertEquals(downloads, actions.downloads.size(), "a redelivered run is not collected again");
    assertEquals(pushed, tip("workstreams/7-a"));
    assertEquals(comments, rig.github.commentsOn(prOf("a")).size());
    assertEquals(List.of("", ""), actions.storageAuthorizations, "no token goes to the artifact storage");
  }

  @Test
  void whenTheTimeoutPassesARunWhoseEventWasLostIsCollectedAndOneStillRunningIsCancelled() throws Exception {
    rig.close();
    rig = app(new FakeGitHub(), "3s");
    rig.github.permissions.put("mona", "write");
    rig.github.config = Optional.of("enforcement: block\n");
    actions = rig.github.actions;
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a", "b"), "plan", "mona"));
    JsonNode a = dispatchOf("a");
    long runB = runOf(dispatchOf("b"));
    actions.upload(runOf(a), "workstreams-7-a-a1", runner(a, "mkdir -p a && echo done > a/done.txt"));
    actions.complete(runOf(a), "success"); // finished on GitHub, but its workflow_run never arrives

    var sweeping = rig.app.actionsAgents().orElseThrow();
    Eventually.await("a's commits pushed by the sweep", Duration.ofSeconds(60), () -> {
      sweeping.sweep();
      try {
        return file("workstreams/7-a", "a/done.txt").isPresent();
      } catch (Exception e) {
        return false; // the branch not there yet
      }
    });
    Eventually.await("b's run cancelled and reported", Duration.ofSeconds(60), () -> {
      sweeping.sweep();
      return rig.github.commentsOn(prOf("b")).stream().anyMatch(c -> c.path("body").asText().contains("The agent failed"));
    });
    synchronized (actions) {
      assertTrue(actions.cancelled.contains(runB), "the run still going at its timeout is cancelled on GitHub");
    }
    assertTrue(failure("b").contains("did not finish within 3s and was cancelled"), failure("b"));
    assertNoFailureOn("a");
    int downloads;
    synchronized (actions) {
      downloads = actions.downloads.size();
    }
    sweeping.sweep();
    rig.deliverAndWait("workflow_run", completed(runOf(a), "success")); // the lost event, late
    synchronized (actions) {
      assertEquals(downloads, actions.downloads.size(), "collected once: neither a later sweep nor the late event again");
    }
  }

  @Test
  void aFailedRunIsReportedWithItsExitStatusAndTheJobsLogTail() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a"), "plan", "mona"));
    JsonNode a = dispatchOf("a");
    long run = runOf(a);
    actions.upload(run, "workstreams-7-a-a1", runner(a, "echo half > a.txt; exit 3"));
    actions.failedJobLogs.put(run, "Run workstreams agent\nagent: cannot do it\nError: Process completed with exit code 3.\n");

    rig.deliverAndWait("workflow_run", completed(run, "failure"));

    Eventually.await("a comment with the failure", Duration.ofSeconds(60), () -> rig.github.commentsOn(prOf("a")).stream()
        .anyMatch(c -> c.path("body").asText().contains("The agent failed")));
    String comment = failure("a");
    assertTrue(comment.contains("the agent exited with status 3 on GitHub Actions"), comment);
    assertTrue(comment.contains("cannot do it"), comment);
    assertTrue(comment.contains("https://github.com/octo/hello/actions/runs/" + run), comment);
    assertTrue(draft("a"));
  }

  @Test
  void aRunWithoutItsArtifactIsAFailureWithItsReason() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a"), "plan", "mona"));
    long run = runOf(dispatchOf("a"));

    rig.deliverAndWait("workflow_run", completed(run, "success"));

    Eventually.await("a comment with the failure", Duration.ofSeconds(60), () -> rig.github.commentsOn(prOf("a")).stream()
        .anyMatch(c -> c.path("body").asText().contains("The agent failed")));
    assertTrue(failure("a").contains("left no artifact"), failure("a"));
  }

  @Test
  void aCancelCommandCancelsTheRunOnGitHub() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a"), "plan", "mona"));
    long run = runOf(dispatchOf("a"));

    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams cancel a", 905, "mona"));

    Eventually.await("the run cancelled on GitHub", Duration.ofSeconds(60), () -> {
      synchronized (actions) {
        return actions.cancelled.contains(run);
      }
    });
    rig.deliverAndWait("workflow_run", completed(run, "cancelled"));
    Eventually.await("the cancel reported", Duration.ofSeconds(60), () -> rig.github.commentsOn(prOf("a")).stream()
        .anyMatch(c -> c.path("body").asText().contains("The agent was cancelled")));
  }

  @Test
  void aServerWithoutRunDetailsIsAskedAgainAndItsRunFoundByTitle() throws Exception {
    actions.returnsRunDetails = false;
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a"), "plan", "mona"));
    JsonNode a = dispatchOf("a");
    assertFalse(a.has("return_run_details"));
    long run = runOf(a);
    actions.upload(run, "workstreams-7-a-a1", runner(a, "mkdir -p a && echo x > a/x.txt"));

    rig.deliverAndWait("workflow_run", completed(run, "success"));

    Eventually.await("pushed", Duration.ofSeconds(60), () -> !draft("a"));
    assertEquals(Optional.of("x\n"), file("workstreams/7-a", "a/x.txt"));
  }

  @Test
  void anInstallationWithoutTheActionsPermissionGetsOneNoticeAndItsTasksWaitUntilItIsAccepted() throws Exception {
    actions.permissionAccepted = false;
    String labelled = rig.deliverAndWait("issues", PlanEvents.labeled(plan("a", "b"), "plan", "mona"));

    Eventually.await("both tasks waiting in the notice", Duration.ofSeconds(60),
        () -> notices().size() == 1 && notices().get(0).contains("`a`, `b`"));
    String notice = notices().get(0);
    assertTrue(notice.contains("has not accepted the `actions: write` permission"), notice);
    assertTrue(notice.contains("to dispatch the agent workflow"), notice);
    assertTrue(notice.contains(rig.wiremock.baseUrl() + "/organizations/octo/settings/installations/7"), notice);
    int refused = refusedDispatches();
    assertEquals(4, refused, "each task's dispatch tried once more with a new token, then no more");
    assertNoFailureOn("a");
    assertNoFailureOn("b");

    rig.deliverAndWait("issues", labelled, PlanEvents.labeled(plan("a", "b"), "plan", "mona"));
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a", "b"), "plan", "mona"));
    rig.reports.reportSilentAgents();
    assertEquals(1, notices().size(), "a redelivery or a relabel adds no comment");
    assertEquals(notice, notices().get(0));
    assertEquals(refused, refusedDispatches(), "no dispatch is tried again while the permission is missing");
    assertEquals(0, dispatchCount());

    actions.permissionAccepted = true;
    byte[] accepted = permissionsAccepted();
    rig.deliverAndWait("installation", accepted);

    JsonNode a = dispatchOf("a");
    JsonNode b = dispatchOf("b");
    assertEquals("7-a-a1", a.path("inputs").path("attempt_key").asText(), "the same attempt, dispatched now");
    assertEquals("7-b-a1", b.path("inputs").path("attempt_key").asText());
    assertEquals(tip("workstreams/7-a"), a.path("inputs").path("head").asText());
    Eventually.await("the notice says the work resumed", Duration.ofSeconds(60),
        () -> notices().size() == 1 && notices().get(0).contains("was accepted"));
    assertTrue(notices().get(0).contains("`a`, `b`"), notices().get(0));
    rig.deliverAndWait("installation", permissionsAccepted());
    assertEquals(2, dispatchCount(), "each task dispatched once");
    assertEquals(1, notices().size());

    actions.upload(runOf(a), "workstreams-7-a-a1", runner(a, "mkdir -p a && echo a > a/done.txt"));
    rig.deliverAndWait("workflow_run", completed(runOf(a), "success"));
    Eventually.await("the resumed run's commits pushed", Duration.ofSeconds(60), () -> !draft("a"));
    assertEquals(Optional.of("a\n"), file("workstreams/7-a", "a/done.txt"));
  }

  @Test
  void aTaskRefusedAgainAfterTheAcceptanceKeepsWaitingAndACancelEndsTheWait() throws Exception {
    actions.permissionAccepted = false;
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a"), "plan", "mona"));
    Eventually.await("the notice", Duration.ofSeconds(60), () -> notices().size() == 1);
    String notice = notices().get(0);

    rig.deliverAndWait("installation", permissionsAccepted());
    assertEquals(4, refusedDispatches(), "tried again once (with a new token), refused, and waiting again");
    assertEquals(List.of(notice), notices(), "still waiting: the notice is unchanged");
    assertNoFailureOn("a");

    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams cancel a", 906, "mona"));
    Eventually.await("the cancel reported", Duration.ofSeconds(60), () -> rig.github.commentsOn(prOf("a")).stream()
        .anyMatch(c -> c.path("body").asText().contains("The agent was cancelled")));
    assertNoFailureOn("a");
    synchronized (actions) {
      assertEquals(List.of(), actions.cancelled, "no run existed to cancel on GitHub");
    }
    Eventually.await("the notice says no task waits any more", Duration.ofSeconds(60),
        () -> notices().size() == 1 && notices().get(0).contains("No agent of this plan waits"));

    actions.permissionAccepted = true;
    rig.deliverAndWait("installation", permissionsAccepted());
    assertEquals(0, dispatchCount(), "the dropped attempt is not dispatched");
    assertEquals(4, refusedDispatches());
  }

  @Test
  void theWaitOutlivesARestart() throws Exception {
    actions.permissionAccepted = false;
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("a"), "plan", "mona"));
    Eventually.await("the notice", Duration.ofSeconds(60), () -> notices().size() == 1);

    FakeGitHub github = rig.github;
    rig.close();
    rig = null;
    rig = app(github);
    actions.permissionAccepted = true;
    rig.deliverAndWait("installation", permissionsAccepted());

    assertEquals("7-a-a1", dispatchOf("a").path("inputs").path("attempt_key").asText());
    Eventually.await("the notice says the work resumed", Duration.ofSeconds(60),
        () -> notices().size() == 1 && notices().get(0).contains("was accepted"));
    assertEquals(1, dispatchCount());
    assertNoFailureOn("a");
  }

  /** GitHub's {@code installation.new_permissions_accepted} (shared fixture) as installation 7 receives it. */
  static byte[] permissionsAccepted() throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(Fixtures.webhook("installation-new_permissions_accepted-basic"));
    ((ObjectNode) payload.path("installation")).put("id", 7);
    return JSON.writeValueAsBytes(payload);
  }

  /** The permission notices on the plan issue. */
  List<String> notices() {
    return rig.github.commentsOn(7).stream().map(c -> c.path("body").asText())
        .filter(body -> body.contains("<!-- workstreams:actions-permission -->")).toList();
  }

  int refusedDispatches() {
    synchronized (actions) {
      return actions.refused.size();
    }
  }

  int dispatchCount() {
    synchronized (actions) {
      return actions.dispatches.size();
    }
  }

  void assertNoFailureOn(String task) {
    List<String> bodies = rig.github.commentsOn(prOf(task)).stream().map(c -> c.path("body").asText()).toList();
    assertTrue(bodies.stream().noneMatch(body -> body.contains("The agent failed")), String.join("\n---\n", bodies));
  }

  String failure(String task) {
    List<String> bodies = new ArrayList<>();
    rig.github.commentsOn(prOf(task)).forEach(c -> bodies.add(c.path("body").asText()));
    return bodies.stream().filter(b -> b.contains("The agent failed")).findFirst().orElse(String.join("\n---\n", bodies));
  }
}
