package dev.workstreams.e2e;

import static dev.workstreams.e2e.FakeFilesAndChecks.changed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.e2e.LostAnswers.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GitHub applies a write and the answer is lost (a 502, or the connection reset after the request
 * went out): whatever the share of lost answers, a plan ends with one of everything. Comments and
 * check runs, which GitHub keeps no key for, are looked up before they are made again.
 */
class LostAnswersIT {

  private static final String COMMENT_CREATION = "POST /repos/octo/hello/issues/\\d+/comments";
  private static final String CHECK_RUN_CREATION = "POST /repos/octo/hello/check-runs";
  private static final int SEEDS = 20;

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Loss.class)
  void everyCommentAndCheckRunCreationLosingItsAnswerStillMakesOneOfEach(Loss loss) throws IOException {
    try (PlanRig rig = new PlanRig(PlanRig.Setup.of(dataDir, PlanRig.quickPolicy(4)))) {
      rig.github.lostAnswers.always(COMMENT_CREATION, loss);
      rig.github.lostAnswers.always(CHECK_RUN_CREATION, loss);

      Outcome outcome = runAPlan(rig);

      assertTrue(rig.github.lostAnswers.lost().stream().anyMatch(w -> w.endsWith("/check-runs")), rig.github.lostAnswers.lost().toString());
      assertTrue(rig.github.lostAnswers.lost().stream().anyMatch(w -> w.endsWith("/comments")), rig.github.lostAnswers.lost().toString());
      outcome.assertOneOfEverything(rig);
    }
  }

  @Test
  void aThirdOfAllWritesLosingTheirAnswersNeverDuplicatesAnything() throws IOException {
    List<Integer> labelCalls = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      try (PlanRig rig = new PlanRig(PlanRig.Setup.of(dataDir.resolve("seed-" + seed), PlanRig.quickPolicy(6)))) {
        rig.github.lostAnswers.share(0.3, seed, seed % 2 == 0 ? Loss.BAD_GATEWAY : Loss.CONNECTION_RESET);

        Outcome outcome = runAPlan(rig);

        assertFalse(rig.github.lostAnswers.lost().isEmpty(), "seed " + seed);
        outcome.assertOneOfEverything(rig);
        labelCalls.add(outcome.labelCalls());
      }
    }
    Collections.sort(labelCalls);
    // README's table of GitHub calls quotes these figures
    System.out.println("A 5-task plan with 30% of write answers lost cost " + labelCalls + " calls; median "
        + (labelCalls.get(SEEDS / 2 - 1) + labelCalls.get(SEEDS / 2)) / 2.0);
  }

  /** What the App was asked to do, and the calls the labelling cost. */
  private record Outcome(int labelCalls, int violatingPr, List<String> heads) {

    void assertOneOfEverything(PlanRig rig) {
      FakeGitHub github = rig.github;
      assertEquals(6, github.refs.size(), github.refs.toString());
      assertEquals(5, github.pulls.size());
      assertEquals(3, github.labels.size());
      for (ObjectNode pr : github.pulls) {
        assertEquals(1, pr.path("labels").size(), pr.toString());
      }
      Map<String, Long> onIssue = github.commentsOn(7).stream()
          .collect(Collectors.groupingBy(c -> c.path("body").asText().lines().findFirst().orElse(""), Collectors.counting()));
      assertEquals(Map.of("<!-- workstreams:tracking -->", 1L, "<!-- workstreams:reply 901 -->", 1L,
          "<!-- workstreams:reply 902 -->", 1L), onIssue);
      List<ObjectNode> onPr = github.commentsOn(violatingPr);
      assertEquals(1, onPr.size(), onPr.toString());
      assertTrue(onPr.get(0).path("body").asText().startsWith("<!-- workstreams:ownership -->"));
      for (String head : heads) {
        List<ObjectNode> runs = github.filesAndChecks.checkRunsOn(head);
        assertEquals(1, runs.size(), head + ": " + runs);
        assertEquals("failure", runs.get(0).path("conclusion").asText());
      }
      Map<String, Long> runsByHeadAndName = github.filesAndChecks.checkRuns().stream()
          .collect(Collectors.groupingBy(r -> r.path("head_sha").asText() + " " + r.path("name").asText(), Collectors.counting()));
      assertTrue(runsByHeadAndName.values().stream().allMatch(n -> n == 1), runsByHeadAndName.toString());
    }
  }

  /** A 5-task plan labelled, two commands, a violating push delivered twice, then a second push. */
  private static Outcome runAPlan(PlanRig rig) throws IOException {
    rig.github.permissions.put("mona", "maintain");
    String plan = Files.readString(Path.of("examples/plan-issue.md"));
    rig.deliverAndWait("issues", PlanEvents.labeled(plan, "plan", "mona"));
    int labelCalls = rig.apiCalls().size();
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams status", 901, "mona"));
    byte[] unknown = PlanEvents.comment("/workstreams frobnicate", 902, "mona");
    rig.deliverAndWait("issue_comment", unknown);
    rig.deliverAndWait("issue_comment", unknown);

    int adminUi = rig.github.pullRequest("workstreams/7-admin-ui").path("number").asInt();
    Function<String, byte[]> push = sha -> PullRequestEvents.synchronize(
        rig.github.push(adminUi, sha, List.of(changed("web/src/pages/team-settings/Page.tsx"), changed("db/migrations/002.sql"))));
    byte[] first = push.apply("bad00001");
    rig.deliverAndWait("pull_request", first);
    rig.deliverAndWait("pull_request", first);
    rig.deliverAndWait("pull_request", push.apply("bad00002"));
    return new Outcome(labelCalls, adminUi, List.of("bad00001", "bad00002"));
  }
}
