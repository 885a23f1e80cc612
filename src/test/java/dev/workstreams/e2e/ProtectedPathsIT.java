package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository config's {@code protected} paths end to end: an agent that changes CODEOWNERS and a
 * workflow gets them left out of its push and named on its pull request, unless its task owns them
 * and an admin labelled the plan.
 */
class ProtectedPathsIT {

  private static final String AGENT = """
      mkdir -p ci .github/workflows
      echo "* @agent" > CODEOWNERS
      if [ -f .github/workflows/ci.yml ]; then
        echo "# again" >> .github/workflows/ci.yml
      else
        printf 'on: push\\njobs: {}\\n' > .github/workflows/ci.yml
      fi
      echo done > ci/done.txt
      """;

  @TempDir Path dir;
  private PlanRig rig;
  private Path bare;

  @BeforeEach
  void start() throws Exception {
    bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    }
    Path agent = dir.resolve("agent.sh");
    Files.writeString(agent, AGENT);
    AgentProfiles profiles = new AgentProfilesReader(Map.of())
        .parse("profiles:\n  script:\n    command: [sh, " + agent + "]\n    timeout: 60s\ndefault: script\n", "agents.yml");
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2)).withAgents(new PlanRig.Agents(profiles, bare, 1)));
    rig.github.permissions.put("mona", "write");
    rig.github.permissions.put("octocat", "admin");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static String plan(String owns) {
    return "```plan\ntasks:\n  - {id: ci, title: Set up CI, owns: [" + owns + "]}\n```\n";
  }

  private void awaitPush() {
    Eventually.await("the agent's work pushed", Duration.ofSeconds(60), () -> {
      try (Repository repo = Git.open(bare.toFile()).getRepository()) {
        return repo.resolve("refs/heads/workstreams/7-ci") != null
            && rig.github.pulls.stream().anyMatch(p -> !p.path("draft").asBoolean());
      } catch (Exception e) {
        return false;
      }
    });
  }

  private Optional<String> pushed(String path) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
      var tip = walk.parseCommit(repo.resolve("refs/heads/workstreams/7-ci"));
      try (TreeWalk tree = TreeWalk.forPath(repo, path, tip.getTree())) {
        return tree == null ? Optional.empty() : Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes()));
      }
    }
  }

  @Test
  void aWritersPlanGetsCodeownersAndWorkflowsLeftOutAndNamedEvenWhenItsTaskOwnsThem() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("ci/**, .github/workflows/**, CODEOWNERS"), "plan", "mona"));

    awaitPush();

    assertEquals(Optional.of("done\n"), pushed("ci/done.txt"));
    assertEquals(Optional.empty(), pushed("CODEOWNERS"));
    assertEquals(Optional.empty(), pushed(".github/workflows/ci.yml"));
    Eventually.await("a comment on the pull request", Duration.ofSeconds(30), () -> !rig.github.commentsOn(100).isEmpty());
    String comment = rig.github.commentsOn(100).get(0).path("body").asText();
    assertTrue(comment.contains("left out of the push: `.github/workflows/ci.yml`, `CODEOWNERS` (protected by the"
        + " repository config `protected`; only a task that owns it in a plan labelled by an admin may change it)"), comment);
    String tracking = rig.github.commentsOn(7).get(0).path("body").asText();
    assertTrue(tracking.contains("which covers paths the repository config `protected` lists")
        && tracking.contains("will be left out of its pushes, because only a plan labelled by an admin may change them"),
        tracking);
  }

  @Test
  void anAdminsPlanPushesTheProtectedPathsItsTaskOwnsAndOnlyThose() throws Exception {
    rig.deliverAndWait("issues", PlanEvents.labeled(plan("ci/**, .github/workflows/**"), "plan", "octocat"));

    awaitPush();

    assertEquals(Optional.of("on: push\njobs: {}\n"), pushed(".github/workflows/ci.yml"));
    assertEquals(Optional.of("done\n"), pushed("ci/done.txt"));
    assertEquals(Optional.empty(), pushed("CODEOWNERS"), "the task does not own CODEOWNERS");
    Eventually.await("a comment on the pull request", Duration.ofSeconds(30), () -> !rig.github.commentsOn(100).isEmpty());
    String comment = rig.github.commentsOn(100).get(0).path("body").asText();
    assertTrue(comment.contains("left out of the push: `CODEOWNERS` (protected by"), comment);
    assertTrue(!comment.contains("ci.yml"), comment);
    assertTrue(!rig.github.commentsOn(7).get(0).path("body").asText().contains("will be left out of its pushes"));
  }

  @Test
  void anEditByAWriterWithdrawsTheAdminsExceptionForTheNextRun() throws Exception {
    String body = plan("ci/**, .github/workflows/**");
    rig.deliverAndWait("issues", PlanEvents.labeled(body, "plan", "octocat"));
    awaitPush();
    Eventually.await("the first run's comment", Duration.ofSeconds(30), () -> rig.github.commentsOn(100).size() == 1);

    rig.deliverAndWait("issues", PlanEvents.edited(body, "plan", "mona"));
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams retry ci", 901, "mona"));

    Eventually.await("the second run's comment", Duration.ofSeconds(60), () -> rig.github.commentsOn(100).size() == 2);
    String comment = rig.github.commentsOn(100).get(1).path("body").asText();
    // CODEOWNERS again too: the first run's copy of it was never pushed, so the agent's write is a change once more.
    assertTrue(comment.contains("left out of the push: `.github/workflows/ci.yml`, `CODEOWNERS` (protected by"), comment);
    assertEquals(Optional.of("on: push\njobs: {}\n"), pushed(".github/workflows/ci.yml"), "the first run's version stays");
  }
}
