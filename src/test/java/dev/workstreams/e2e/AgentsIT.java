package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents end to end: labelled plan → agents in working copies → commits pushed to a real (bare) repository. */
class AgentsIT {

  @TempDir Path dir;
  private PlanRig rig;
  private Path bare;
  private Path timeline;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private void start(String script, int concurrency) throws Exception {
    bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
    }
    Path agent = dir.resolve("agent.sh");
    Files.writeString(agent, script);
    timeline = dir.resolve("timeline.txt");
    Files.writeString(timeline, "");
    String agents = "profiles:\n  script:\n    command: [sh, " + agent + "]\n    timeout: 60s\n"
        + "    env: { TIMELINE: \"${TIMELINE}\" }\ndefault: script\n";
    AgentProfiles profiles = new AgentProfilesReader(Map.of("TIMELINE", timeline.toString(), "WEBHOOK_SECRET", "not-for-agents"))
        .parse(agents, "agents.yml");
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2)).withAgents(new PlanRig.Agents(profiles, bare, concurrency)));
    rig.github.permissions.put("mona", "write");
  }

  private static String plan(int maxParallel, String... ids) {
    StringBuilder plan = new StringBuilder("```plan\nmax_parallel: " + maxParallel + "\ntasks:\n");
    for (String id : ids) {
      plan.append("  - {id: ").append(id).append(", title: Task ").append(id).append(", owns: [").append(id).append("/**]}\n");
    }
    return plan.append("```\n").toString();
  }

  private List<String> pushedBranches() throws Exception {
    List<String> branches = new ArrayList<>();
    try (Git git = Git.open(bare.toFile())) {
      git.branchList().call().forEach(ref -> branches.add(ref.getName().replace("refs/heads/", "")));
    }
    branches.remove("main");
    branches.remove("workstreams/7-preview"); // the integration preview, pushed by the App itself
    return branches;
  }

  private RevCommit tip(String branch) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(repo.resolve("refs/heads/" + branch));
    }
  }

  private static final String WORKING_AGENT = """
      echo "start $WORKSTREAMS_TASK_ID $(date +%s%N)" >> "$TIMELINE"
      mkdir -p "$WORKSTREAMS_TASK_ID"
      echo "work of $WORKSTREAMS_TASK_ID" > "$WORKSTREAMS_TASK_ID/done.txt"
      env > "$WORKSTREAMS_TASK_ID/env.txt"
      sleep 1
      echo "end $WORKSTREAMS_TASK_ID $(date +%s%N)" >> "$TIMELINE"
      """;

  @Test
  void runsAgentsWithinMaxParallelAndPushesTheirCommitsAsTheBot() throws Exception {
    start(WORKING_AGENT, 4);

    rig.deliverAndWait("issues", PlanEvents.labeled(plan(2, "a", "b", "c", "d", "e"), "plan", "mona"));

    Eventually.await("two agents pushed", Duration.ofSeconds(60), () -> {
      try {
        return pushedBranches().size() == 2 && rig.github.pulls.stream().filter(p -> !p.path("draft").asBoolean()).count() == 2;
      } catch (Exception e) {
        return false;
      }
    });
    assertEquals(List.of("workstreams/7-a", "workstreams/7-b"), pushedBranches().stream().sorted().toList());
    RevCommit a = tip("workstreams/7-a");
    assertEquals("workstreams[bot]", a.getAuthorIdent().getName());
    assertEquals("190000001+workstreams[bot]@users.noreply.github.com", a.getAuthorIdent().getEmailAddress());
    assertEquals("190000001+workstreams[bot]@users.noreply.github.com", a.getCommitterIdent().getEmailAddress());
    assertTrue(a.getFullMessage().startsWith("workstreams: a for #7"), a.getFullMessage());
    List<String> lines = Files.readAllLines(timeline);
    assertEquals(4, lines.size(), lines.toString());
    String env = new String(Git.open(bare.toFile()).getRepository().open(
        treeEntry("workstreams/7-a", "a/env.txt")).getBytes());
    assertTrue(env.contains("WORKSTREAMS_TASK_ID=a"), env);
    assertTrue(!env.contains("not-for-agents") && !env.contains("whsec-"), env);
    Eventually.await("the tracking comment shows the queue", Duration.ofSeconds(30), () ->
        rig.github.commentsOn(7).get(0).path("body").asText().contains("queued: 3rd in line"));
  }

  @Test
  void aFailingAgentGetsACommentWithItsExitStatusAndLogAndNothingPushed() throws Exception {
    start("echo 'trying hard'\necho 'cannot do it' >&2\nexit 3\n", 2);

    rig.deliverAndWait("issues", PlanEvents.labeled(plan(2, "a"), "plan", "mona"));

    Eventually.await("a comment on the pull request", Duration.ofSeconds(60),
        () -> !rig.github.commentsOn(100).isEmpty());
    String comment = rig.github.commentsOn(100).get(0).path("body").asText();
    assertTrue(comment.contains("The agent failed (attempt 1): exited with status 3"), comment);
    assertTrue(comment.contains("cannot do it"), comment);
    assertEquals(List.of(), pushedBranches());
    Eventually.await("the tracking comment says failed", Duration.ofSeconds(30), () ->
        rig.github.commentsOn(7).get(0).path("body").asText().contains("agent failed"));
  }

  @Test
  void anAgentWhoseProcessWasLostIsReportedInterruptedAndRunsAgain() throws Exception {
    start("""
        if [ -f "$TIMELINE.first" ]; then
          mkdir -p "$WORKSTREAMS_TASK_ID" && echo done > "$WORKSTREAMS_TASK_ID/done.txt"
        else
          touch "$TIMELINE.first"
          sleep 1000
        fi
        """, 2);
    rig.deliverAndWait("issues", PlanEvents.labeled(plan(2, "a"), "plan", "mona"));
    Path first = Path.of(timeline + ".first");
    Eventually.await("the first run started", Duration.ofSeconds(60), () -> Files.exists(first));

    // What a dead server leaves behind: the row still RUNNING, its heartbeat old.
    try (var db = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").toAbsolutePath().resolve("workstreams")
        + ";DB_CLOSE_ON_EXIT=FALSE");
        var update = db.prepareStatement("UPDATE workstreams SET agent_heartbeat = ? WHERE task_id = 'a'")) {
      update.setObject(1, java.time.OffsetDateTime.now().minusMinutes(10));
      assertEquals(1, update.executeUpdate());
    }
    rig.reports.reportSilentAgents();

    Eventually.await("the second attempt pushed", Duration.ofSeconds(60), () -> {
      try {
        return pushedBranches().contains("workstreams/7-a");
      } catch (Exception e) {
        return false;
      }
    });
    String comment = rig.github.commentsOn(100).get(0).path("body").asText();
    assertTrue(comment.contains("The agent's process was lost"), comment);
    Eventually.await("ready for review", Duration.ofSeconds(30), () ->
        rig.github.commentsOn(7).get(0).path("body").asText().contains("ready for review"));
  }

  @Test
  void aDependentStartsOnlyAfterItsDependencyIsMergedAndSeesItsFiles() throws Exception {
    start("""
        mkdir -p "$WORKSTREAMS_TASK_ID"
        echo "start $WORKSTREAMS_TASK_ID" >> "$TIMELINE"
        if [ -f a/done.txt ]; then echo yes > "$WORKSTREAMS_TASK_ID/saw-a.txt"; else echo no > "$WORKSTREAMS_TASK_ID/saw-a.txt"; fi
        echo done > "$WORKSTREAMS_TASK_ID/done.txt"
        """, 2);
    String plan = "```plan\nmax_parallel: 2\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n"
        + "  - {id: b, title: B, owns: [b/**], depends_on: [a]}\n```\n";
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));
    Eventually.await("a pushed", Duration.ofSeconds(60), () -> branchExists("workstreams/7-a"));
    // The tracking comment is written after the scheduler decided on a's report: b would show as running had it started.
    Eventually.await("the scheduler decided after a's run", Duration.ofSeconds(60), () ->
        row("a").contains("ready for review") && row("b").contains("waiting for dependencies"));
    assertEquals(List.of("start a"), Files.readAllLines(timeline), "b waits for a's merge");

    mergeIntoMain("workstreams/7-a");
    var prA = rig.github.pullRequest("workstreams/7-a");
    rig.github.merge(prA.path("number").asInt(), java.time.Instant.now());
    rig.deliverAndWait("pull_request", PlanEvents.closed(prA, "mona"));

    Eventually.await("b pushed", Duration.ofSeconds(60), () -> branchExists("workstreams/7-b"));
    assertTrue(!Files.exists(dir.resolve("data/workspaces/octo/hello/7-a")), "a's working copy is removed once merged");
    assertTrue(Files.exists(dir.resolve("data/workspaces/octo/hello/7-b")), "b's working copy stays while its workstream lives");
    String saw = new String(Git.open(bare.toFile()).getRepository().open(treeEntry("workstreams/7-b", "b/saw-a.txt")).getBytes());
    assertEquals("yes\n", saw);
  }

  @Test
  void closingAWorkstreamBlocksItsDependentAndReopeningItReleasesIt() throws Exception {
    start(WORKING_AGENT, 2);
    String plan = "```plan\nmax_parallel: 2\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n"
        + "  - {id: b, title: B, owns: [b/**], depends_on: [a]}\n```\n";
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));
    var prA = rig.github.pullRequest("workstreams/7-a");
    String rowA = "`a` A | #" + prA.path("number").asInt() + " | ";
    Eventually.await("a ready for review", Duration.ofSeconds(60), () -> tracking().contains(rowA + "ready for review"));

    rig.deliverAndWait("pull_request", PlanEvents.closed(rig.github.close(prA.path("number").asInt(), java.time.Instant.now()), "mona"));
    assertTrue(tracking().contains(rowA + "closed without merging"), tracking());
    assertTrue(tracking().contains("blocked"), tracking());

    prA.put("state", "open").putNull("closed_at");
    rig.deliverAndWait("pull_request", PullRequestEvents.event("reopened", prA, "mona", "User"));

    assertTrue(tracking().contains(rowA + "ready for review"), tracking());
    assertTrue(!tracking().contains("blocked") && tracking().contains("waiting for dependencies"), tracking());
    assertEquals(1, Files.readAllLines(timeline).stream().filter(l -> l.startsWith("start a")).count(), "a's work is kept, not redone");
  }

  private String tracking() {
    return rig.github.commentsOn(7).get(0).path("body").asText();
  }

  /** The tracking comment's table row of one task; empty while the comment has none. */
  private String row(String taskId) {
    return tracking().lines().filter(l -> l.contains(" | `" + taskId + "` ")).findFirst().orElse("");
  }

  @Test
  void withMaxParallelTwoNoMoreThanTwoOfFiveAreEverInFlight() throws Exception {
    start(WORKING_AGENT, 4);
    rig.deliverAndWait("issues", PlanEvents.labeled(plan(2, "a", "b", "c", "d", "e"), "plan", "mona"));

    List<String> merged = new ArrayList<>();
    while (merged.size() < 5) {
      Eventually.await("another agent pushed", Duration.ofSeconds(60), () -> {
        try {
          return pushedBranches().stream().anyMatch(b -> !merged.contains(b));
        } catch (Exception e) {
          return false;
        }
      });
      String next = pushedBranches().stream().filter(b -> !merged.contains(b)).sorted().findFirst().orElseThrow();
      long inFlight = pushedBranches().stream().filter(b -> !merged.contains(b)).count()
          + Files.readAllLines(timeline).stream().filter(l -> l.startsWith("start")).count()
          - Files.readAllLines(timeline).stream().filter(l -> l.startsWith("end")).count();
      assertTrue(inFlight <= 2, "in flight: " + inFlight + " " + Files.readAllLines(timeline));
      mergeIntoMain(next);
      var pr = rig.github.pullRequest(next);
      rig.github.merge(pr.path("number").asInt(), java.time.Instant.now());
      rig.deliverAndWait("pull_request", PlanEvents.closed(pr, "mona"));
      merged.add(next);
    }
    assertEquals(10, Files.readAllLines(timeline).size());
    assertEquals(1, rig.wiremock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/app")).count(),
        "the App's slug is looked up once for five runs");
    assertEquals(1, rig.wiremock.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals("/users/workstreams%5Bbot%5D")).count());
    int running = 0;
    for (String line : Files.readAllLines(timeline)) {
      running += line.startsWith("start") ? 1 : -1;
      assertTrue(running <= 2, Files.readAllLines(timeline).toString());
    }
  }

  private boolean branchExists(String branch) {
    try {
      return pushedBranches().contains(branch);
    } catch (Exception e) {
      return false;
    }
  }

  /** What GitHub's merge button does to the repository: the branch merged into main. */
  private void mergeIntoMain(String branch) throws Exception {
    Path clone = dir.resolve("merge-" + branch.replace('/', '-'));
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setBranch("main").setDirectory(clone.toFile()).call()) {
      git.merge().include(git.getRepository().resolve("refs/remotes/origin/" + branch)).setMessage("Merge " + branch).call();
      git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("main:refs/heads/main")).call();
    }
  }

  private org.eclipse.jgit.lib.ObjectId treeEntry(String branch, String path) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        org.eclipse.jgit.treewalk.TreeWalk walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, path, tip(branch).getTree())) {
      return walk.getObjectId(0);
    }
  }
}
