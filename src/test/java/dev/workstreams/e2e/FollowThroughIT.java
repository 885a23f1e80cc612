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

  /**
   * Each run copies its prompt to $PROMPTS/<n>.md (whole, by a rename: the test counts the files while agents run)
   * and writes its run number into a/work.txt: a new commit each time. */
  private static final String AGENT = """
      date +%s%N >> "$PROMPTS.starts"
      n=$(ls "$PROMPTS" | wc -l)
      cp "$WORKSTREAMS_PROMPT_FILE" "$PROMPTS.next" && mv "$PROMPTS.next" "$PROMPTS/$n.md"
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

  /** A new head on the pull request (what the revision pushed, as GitHub reports it) and its synchronize event. */
  private ObjectNode pushed(String headSha) {
    ObjectNode pr = rig.github.push(pr().path("number").asInt(), headSha, List.of(FakeFilesAndChecks.changed("a/work.txt")));
    rig.deliverAndWait("pull_request", PullRequestEvents.synchronize(pr));
    return pr;
  }

  /** An Actions job on the head that ended with {@code conclusion}, with annotations when it failed. */
  private ObjectNode actionsJob(String headSha, String name, String conclusion) {
    ObjectNode run = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("head_sha", headSha).put("name", name).put("status", "completed").put("conclusion", conclusion)
        .put("details_url", "https://github.com/octo/hello/actions/runs/4242/job/77");
    run.putObject("app").put("slug", "github-actions");
    run.putObject("output").put("title", name + " " + conclusion).put("summary", "2 tests failed in FooTest");
    return rig.github.filesAndChecks.addForeignCheckRun(run);
  }

  @Test
  void aFailedCheckSuiteWithAnnotationsRunsOneRevisionAndGreenCiAfterItRunsNothing() throws Exception {
    start(null);
    ObjectNode pr = pushed("head1");
    ObjectNode job = actionsJob("head1", "test", "failure");
    actionsJob("head1", "lint", "success");
    rig.github.followThrough.setAnnotations(job.path("id").asLong(), List.of(
        FakeFollowThrough.annotation("a/work.txt", 1, "expected 'run 1' but was 'run 0'")));
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 250; i++) {
      log.append("log line ").append(i).append('\n');
    }
    rig.github.actions.failedJobLogs.put(job.path("id").asLong(), log + "FooTest > works FAILED\n");

    rig.deliverAndWait("check_suite", FollowThroughEvents.checkSuiteCompleted(pr, 31, "failure"));

    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 2);
    awaitRow("revisions 1/3");
    String prompt = prompt(1);
    assertTrue(prompt.contains("## CI failed on head1"), prompt);
    assertTrue(prompt.contains("### Check `test`: failure") && prompt.contains("2 tests failed in FooTest"), prompt);
    assertTrue(prompt.contains("a/work.txt:1: expected 'run 1' but was 'run 0'"), prompt);
    assertFalse(prompt.contains("`lint`"), "a passing check is not a failure");
    assertTrue(prompt.contains("FooTest > works FAILED") && prompt.contains("log line 52\n"), "the job log's last 200 lines");
    assertFalse(prompt.contains("log line 51\n"), "not more than the last 200 lines");
    assertTrue(row().contains("1 failed check on head1"), row());

    ObjectNode green = pushed("head2");
    actionsJob("head2", "test", "success");
    rig.deliverAndWait("check_suite", FollowThroughEvents.checkSuiteCompleted(green, 32, "success"));
    assertTrue(row().contains("ready for review") && row().contains("revisions 1/3"), row());
    assertEquals(2, runs());
  }

  @Test
  void threeFailingRoundsWithMaxRevisionsTwoNeedAHumanAndRunNoThirdRevision() throws Exception {
    start("max_revisions: 2\n");
    for (int round = 1; round <= 3; round++) {
      ObjectNode pr = pushed("red" + round);
      actionsJob("red" + round, "test", "failure");
      rig.deliverAndWait("check_suite", FollowThroughEvents.checkSuiteCompleted(pr, 40 + round, "failure"));
      if (round < 3) {
        int expected = round + 1;
        Eventually.await("revision " + round + " ran", Duration.ofSeconds(60), () -> runs() == expected);
        awaitRow("revisions " + round + "/2");
      }
    }
    int number = pr().path("number").asInt();
    assertTrue(rig.github.pullRequest("workstreams/7-a").path("labels").toString().contains("workstreams:needs-human"));
    List<String> notes = rig.github.commentsOn(number).stream().map(c -> c.path("body").asText())
        .filter(b -> b.contains("needs a person")).toList();
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("the limit of 2 revisions is reached") && notes.get(0).contains("/workstreams revise"), notes.get(0));
    assertTrue(row().contains("needs human"), row());
    assertEquals(3, runs(), "the first run and two revisions, no third");
  }

  @Test
  void rerunFailedChecksAsksGitHubOnceBeforeAnAgent() throws Exception {
    start("rerun_failed_checks: true\n");
    ObjectNode pr = pushed("flaky1");
    actionsJob("flaky1", "test", "failure");
    rig.deliverAndWait("check_suite", FollowThroughEvents.checkSuiteCompleted(pr, 51, "failure"));
    assertEquals(List.of(4242L), rig.github.followThrough.reruns());
    assertEquals(1, runs());

    // The re-run failed again: now the agent is asked.
    rig.deliverAndWait("check_suite", FollowThroughEvents.checkSuiteCompleted(pr, 51, "failure"));
    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 2);
    assertEquals(List.of(4242L), rig.github.followThrough.reruns(), "re-run once only");
  }

  /** The REST calls GitHub saw since the journal was last reset, as {@code METHOD route}, token requests left out. */
  /**
   * The revision's calls. The conflict radar's read of the pull request's comments, on the agent's push, is its own
   * job that may come before or after the tracking comment's last edit: it is counted with the radar, not here.
   */
  private List<String> calls() {
    return rig.apiCalls().stream().map(e -> e.getRequest().getMethod().getName() + " "
        + e.getRequest().getUrl().replaceAll("\\?.*", ""))
        .filter(call -> !call.matches("GET /repos/octo/hello/issues/\\d+/comments")).toList();
  }

  private static List<String> sorted(String... calls) {
    return Stream.of(calls).sorted().toList();
  }

  @Test
  void githubCallsPerRevisionByTrigger() throws Exception {
    start(null);
    int number = pr().path("number").asInt();
    rig.github.followThrough.setReviewComments(600, List.of(FakeFollowThrough.reviewComment("a/work.txt", 1, "", "Fix")));
    rig.wiremock.resetRequests();
    long sentMillis = System.currentTimeMillis();
    rig.deliverAndWait("pull_request_review", FollowThroughEvents.review(pr(), 600, "changes_requested", "x", "mona", "User"));
    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 2);
    awaitRow("revisions 1/3");
    // The report's calls come after the agent's start: waited for, then compared whole.
    Eventually.await("the revision's report", Duration.ofSeconds(30), () -> calls().size() >= 5);
    String repo = "/repos/octo/hello";
    // The trigger: who asked, the review's comments (one page here); the scheduler: the tracking comment as the
    // revision starts; the report: the pull request's draft state, the tracking comment as it ends.
    assertEquals(sorted("GET " + repo + "/collaborators/mona/permission", "GET " + repo + "/pulls/100/reviews/600/comments",
        "PATCH " + repo + "/issues/comments/5001", "GET " + repo + "/pulls/100", "PATCH " + repo + "/issues/comments/5001"),
        sorted(calls().toArray(String[]::new)));
    List<String> starts = Files.readAllLines(Path.of(prompts + ".starts"));
    // Printed, not asserted (no timing assertions): the README's trigger-to-agent-start figure comes from here.
    System.out.println("trigger to agent start: " + (Long.parseLong(starts.get(1)) / 1_000_000 - sentMillis) + " ms");

    ObjectNode pr = pushed("ci1");
    ObjectNode job = actionsJob("ci1", "test", "failure");
    rig.github.followThrough.setAnnotations(job.path("id").asLong(), List.of(FakeFollowThrough.annotation("a/x", 1, "m")));
    rig.wiremock.resetRequests();
    rig.deliverAndWait("check_suite", FollowThroughEvents.checkSuiteCompleted(pr, 70, "failure"));
    Eventually.await("the revision ran", Duration.ofSeconds(60), () -> runs() == 3);
    awaitRow("revisions 2/3");
    Eventually.await("the revision's report", Duration.ofSeconds(30), () -> calls().size() >= 7);
    // The trigger: the head's check runs (one page), the failed run's annotations and its job's log (a redirect to
    // storage, which gets no token); then as for a review.
    assertEquals(sorted("GET " + repo + "/commits/ci1/check-runs", "GET " + repo + "/check-runs/" + job.path("id").asLong()
        + "/annotations", "GET " + repo + "/actions/jobs/" + job.path("id").asLong() + "/logs",
        "GET /storage/logs/" + job.path("id").asLong(), "PATCH " + repo + "/issues/comments/5001", "GET " + repo + "/pulls/100",
        "PATCH " + repo + "/issues/comments/5001"), sorted(calls().toArray(String[]::new)));
  }
}
