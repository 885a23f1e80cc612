package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sibling merged, end to end: two workstreams edit the same shared lock file; one is merged; the other's branch
 * conflicts, so its agent (a script) resolves the merge left in progress in its working copy and the App pushes
 * the merge commit. A third, untouched by the conflict, is brought up to date by GitHub's update-branch.
 */
class SiblingMergeIT {

  private static final String AGENT = """
      f="$PROMPTS/$WORKSTREAMS_TASK_ID-$(date +%s%N).md"; cp "$WORKSTREAMS_PROMPT_FILE" "$PROMPTS.next-$WORKSTREAMS_TASK_ID" && mv "$PROMPTS.next-$WORKSTREAMS_TASK_ID" "$f"
      if grep -q "conflicts in these paths" "$WORKSTREAMS_PROMPT_FILE"; then
        printf 'lock of a\\nlock of b\\n' > shared/lock.txt
        exit 0
      fi
      mkdir -p "$WORKSTREAMS_TASK_ID" && echo work > "$WORKSTREAMS_TASK_ID/work.txt"
      if [ "$WORKSTREAMS_TASK_ID" != c ]; then mkdir -p shared && echo "lock of $WORKSTREAMS_TASK_ID" > shared/lock.txt; fi
      """;

  @TempDir Path dir;
  private PlanRig rig;
  private Path bare;
  private Path prompts;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private long runsOf(String task) {
    try (Stream<Path> files = Files.list(prompts)) {
      return files.filter(f -> f.getFileName().toString().startsWith(task + "-")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean branchExists(String branch) {
    try (Repository repo = Git.open(bare.toFile()).getRepository()) {
      return repo.resolve("refs/heads/" + branch) != null;
    } catch (Exception e) {
      return false;
    }
  }

  private RevCommit tip(String branch) {
    try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(repo.resolve("refs/heads/" + branch));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String file(String branch, String path) throws Exception {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        TreeWalk walk = TreeWalk.forPath(repo, path, tip(branch).getTree())) {
      return new String(repo.open(walk.getObjectId(0)).getBytes());
    }
  }

  @Test
  void theConflictingSiblingIsResolvedByItsAgentAndTheMergeCommitPushed() throws Exception {
    bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.createDirectories(seed.resolve("shared"));
      Files.writeString(seed.resolve("shared/lock.txt"), "lock\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    }
    Files.writeString(dir.resolve("agent.sh"), AGENT);
    prompts = Files.createDirectories(dir.resolve("prompts"));
    AgentProfiles profiles = new AgentProfilesReader(Map.of("PROMPTS", prompts.toString())).parse(
        "profiles:\n  script:\n    command: [sh, " + dir.resolve("agent.sh") + "]\n    timeout: 60s\n"
            + "    env: { PROMPTS: \"${PROMPTS}\" }\ndefault: script\n", "agents.yml");
    Path data = Files.createDirectories(dir.resolve("data"));
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2)).withAgents(new PlanRig.Agents(profiles, bare, 3)));
    rig.github.permissions.put("mona", "write");
    rig.github.config = Optional.of("shared: [shared/lock.txt]\n");
    rig.deliverAndWait("issues", PlanEvents.labeled("```plan\nmax_parallel: 3\ntasks:\n"
        + "  - {id: a, title: A, owns: [a/**]}\n  - {id: b, title: B, owns: [b/**]}\n  - {id: c, title: C, owns: [c/**]}\n```\n",
        "plan", "mona"));
    Eventually.await("three agents pushed", Duration.ofSeconds(90),
        () -> branchExists("workstreams/7-a") && branchExists("workstreams/7-b") && branchExists("workstreams/7-c")
            && rig.github.commentsOn(7).get(0).path("body").asText().split("ready for review", -1).length == 4);
    RevCommit before = tip("workstreams/7-b");

    // What GitHub's merge button does: a merged into main, the pull request closed as merged.
    Path clone = dir.resolve("merge-a");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setBranch("main").setDirectory(clone.toFile()).call()) {
      git.merge().include(git.getRepository().resolve("refs/remotes/origin/workstreams/7-a")).setMessage("Merge a").call();
      git.push().setRefSpecs(new RefSpec("main:refs/heads/main")).call();
    }
    ObjectNode prA = rig.github.pullRequest("workstreams/7-a");
    int prB = rig.github.pullRequest("workstreams/7-b").path("number").asInt();
    int prC = rig.github.pullRequest("workstreams/7-c").path("number").asInt();
    rig.github.followThrough.updateBranchStatus.put(prB, 422); // GitHub: merge conflict
    rig.github.merge(prA.path("number").asInt(), Instant.now());
    rig.deliverAndWait("pull_request", PlanEvents.closed(prA, "mona"));

    Eventually.await("b's conflict resolved and pushed", Duration.ofSeconds(90),
        () -> !tip("workstreams/7-b").equals(before));
    RevCommit merge = tip("workstreams/7-b");
    assertEquals(2, merge.getParentCount(), "a merge commit");
    assertEquals(before, merge.getParent(0));
    assertEquals(tip("main"), merge.getParent(1));
    assertEquals("lock of a\nlock of b\n", file("workstreams/7-b", "shared/lock.txt"));
    assertTrue(file("workstreams/7-b", "a/work.txt").equals("work\n"), "the sibling's work came in with the merge");
    assertEquals(List.of(prB, prC), rig.github.followThrough.branchUpdates().stream().sorted().toList());
    assertEquals(2, runsOf("b"));
    assertEquals(1, runsOf("c"), "brought up to date by GitHub, no agent");
    try (Stream<Path> files = Files.list(prompts)) {
      String revision = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("b-")).sorted()
          .reduce((x, y) -> y).orElseThrow());
      assertTrue(revision.contains("conflicts with your branch") && revision.contains("- `shared/lock.txt`"), revision);
    }
  }
}
