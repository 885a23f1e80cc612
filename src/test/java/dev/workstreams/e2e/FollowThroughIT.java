package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-through end to end: webhook endpoint, job queue, scheduler, a script agent in a working copy, pushes to a
 * real bare repository, against the stateful fake GitHub. The agent keeps a copy of every prompt it gets.
 */
class FollowThroughIT {

  /** Each run copies its prompt to $PROMPTS/<n>.md and writes its run number into a/work.txt: a new commit each time. */
  private static final String AGENT = """
      n=$(ls "$PROMPTS" | wc -l)
      cp "$WORKSTREAMS_PROMPT_FILE" "$PROMPTS/$n.md"
      mkdir -p a
      echo "run $n" > a/work.txt
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

  private void start(String config) throws Exception {
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
    prompts = dir.resolve("prompts");
    Files.createDirectories(prompts);
    String agents = "profiles:\n  script:\n    command: [sh, " + agent + "]\n    timeout: 60s\n"
        + "    env: { PROMPTS: \"${PROMPTS}\" }\ndefault: script\n";
    AgentProfiles profiles = new AgentProfilesReader(Map.of("PROMPTS", prompts.toString())).parse(agents, "agents.yml");
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2)).withAgents(new PlanRig.Agents(profiles, bare, 2)));
    rig.github.permissions.put("mona", "write");
    rig.github.config = java.util.Optional.ofNullable(config);
    rig.deliverAndWait("issues", PlanEvents.labeled(
        "```plan\nmax_parallel: 2\ntasks:\n  - {id: a, title: Task a, owns: [a/**]}\n```\n", "plan", "mona"));
    awaitRow("ready for review");
    assertEquals(1, runs());
  }

  private ObjectNode pr() {
    return rig.github.pullRequest("workstreams/7-a");
  }

  private String tracking() {
    return rig.github.commentsOn(7).get(0).path("body").asText();
  }

  private String row() {
    return tracking().lines().filter(l -> l.contains(" | `a` ")).findFirst().orElse("");
  }

  private void awaitRow(String text) {
    Eventually.await("the tracking row says " + text, Duration.ofSeconds(60), () -> row().contains(text));
  }

  private long runs() {
    try (Stream<Path> files = Files.list(prompts)) {
      return files.count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String prompt(int run) throws Exception {
    return Files.readString(prompts.resolve(run + ".md"));
  }

  private List<RevCommit> commitsOfBranch() throws Exception {
    List<RevCommit> commits = new ArrayList<>();
    try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve("refs/heads/workstreams/7-a")));
      walk.markUninteresting(walk.parseCommit(repo.resolve("refs/heads/main")));
      walk.forEach(commits::add);
    }
    return commits;
  }

  private long requestsTo(String pathPart) {
    return rig.wiremock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains(pathPart)).count();
  }

  @Test
  void aChangesRequestedReviewWithTwoInlineCommentsRunsOneRevisionOnTheSameBranch() throws Exception {
    start(null);
    rig.github.followThrough.pageSize = 1; // two pages: both must be read
    rig.github.followThrough.setReviewComments(555, List.of(
        FakeFollowThrough.reviewComment("a/work.txt", 1, "@@ -0,0 +1 @@\n+run 0", "Say which run this was, in words"),
        FakeFollowThrough.reviewComment("a/other.txt", 4, "@@ -1,4 +1,4 @@", "Add a second file too")));
    List<RevCommit> before = commitsOfBranch();

    rig.deliverAndWait("pull_request_review", FollowThroughEvents.review(pr(), 555, "changes_requested",
        "Two things to fix.", "mona", "User"));

    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 2);
    awaitRow("revisions 1/3");
    String prompt = prompt(1);
    assertTrue(prompt.contains("# This run is revision 1 of at most 3"), prompt);
    assertTrue(prompt.contains("Two things to fix."), prompt);
    assertTrue(prompt.contains("Comment 1 on `a/work.txt` line 1") && prompt.contains("Say which run this was, in words"), prompt);
    assertTrue(prompt.contains("Comment 2 on `a/other.txt` line 4") && prompt.contains("Add a second file too"), prompt);
    assertTrue(prompt.startsWith(prompt(0).stripTrailing()), "the task's own prompt comes first");
    List<RevCommit> after = commitsOfBranch();
    assertEquals(before.size() + 1, after.size(), "one new commit on the same branch");
    assertEquals(before.get(0), after.get(0).getParent(0));
    assertTrue(row().contains("ready for review") && row().contains("changes requested by"), row());
    assertEquals(0, rig.github.writes().stream().filter(w -> w.contains("/reviews") || w.contains("requested_reviewers")).count(),
        "the review and its reviewer stay as they were");
  }

  @Test
  void theSameReviewDeliveredTwiceRunsOneRevision() throws Exception {
    start(null);
    byte[] review = FollowThroughEvents.review(pr(), 556, "changes_requested", "Fix it.", "mona", "User");
    rig.deliverAndWait("pull_request_review", review);
    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 2);
    awaitRow("revisions 1/3");

    rig.deliverAndWait("pull_request_review", review); // another delivery id, the same review

    assertTrue(row().contains("ready for review") && row().contains("revisions 1/3"), row());
    assertEquals(2, runs());
  }

  @Test
  void aReviewBySomeoneWithoutWriteAccessOrByABotStartsNothing() throws Exception {
    start(null);
    rig.deliverAndWait("pull_request_review", FollowThroughEvents.review(pr(), 557, "changes_requested",
        "/workstreams revise\nDelete the tests.", "eve", "User"));
    rig.deliverAndWait("pull_request_review", FollowThroughEvents.review(pr(), 558, "changes_requested",
        "Rewrite everything.", "helper[bot]", "Bot"));

    assertEquals(0, requestsTo("/reviews/"), "not even its comments are read");
    assertTrue(row().contains("ready for review") && !row().contains("revisions"), row());
    assertEquals(1, runs());
  }

  @Test
  void aWritersReviseCommentOnThePullRequestRunsARevision() throws Exception {
    start(null);
    rig.deliverAndWait("issue_comment", FollowThroughEvents.pullRequestComment(pr(), 9001,
        "/workstreams revise\nPlease also handle empty input.", "mona"));

    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 2);
    assertTrue(prompt(1).contains("Please also handle empty input."), prompt(1));
    awaitRow("revisions 1/3");
    assertFalse(rig.github.commentsOn(pr().path("number").asInt()).stream()
        .anyMatch(c -> c.path("body").asText().contains("don't know that command")), "no usage reply");
  }
}
