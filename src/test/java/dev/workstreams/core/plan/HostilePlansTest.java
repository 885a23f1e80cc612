package dev.workstreams.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The plans of issue 11 that cost seconds, gigabytes or a silent failure: the checker must answer them from a bounded
 * amount of work, with a message the author can act on. (Their time is measured by the plan-engine benchmark,
 * {@code HostilePlanBenchmark}; tests assert what is reported, not how fast.)
 */
class HostilePlansTest {

  private final PlanChecker checker = new PlanChecker();

  static String plan(int tasks, int globsPerTask, BiFunction<Integer, Integer, String> glob) {
    StringBuilder out = new StringBuilder("```plan\ntasks:\n");
    for (int t = 0; t < tasks; t++) {
      out.append("  - id: t").append(t).append("\n    title: Task ").append(t).append("\n    owns: [");
      for (int g = 0; g < globsPerTask; g++) {
        out.append(g == 0 ? "" : ", ").append('"').append(glob.apply(t, g)).append('"');
      }
      out.append("]\n");
    }
    return out.append("```\n").toString();
  }

  private static List<String> errors(PlanReport report) {
    return report.errors().stream().map(PlanProblem::toString).toList();
  }

  @Test
  void refusesABodyOverGitHubsLimitWithoutReadingIt() {
    String body = "```plan\ntasks: [" + " ".repeat(PlanChecker.MAX_BODY_CHARS) + "]\n```\n";

    PlanReport report = checker.check(body, List.of());

    assertEquals(List.of("the text is 65,558 characters long; a plan is read from at most 65,536 (GitHub's limit for "
        + "an issue body): shorten it"), errors(report));
    assertTrue(report.plan().tasks().isEmpty());
  }

  @Test
  void readsABodyOfExactlyGitHubsLimit() {
    String plan = "```plan\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n```\n";
    String body = plan + "x".repeat(PlanChecker.MAX_BODY_CHARS - plan.length());

    PlanReport report = checker.check(body, List.of());

    assertEquals(PlanChecker.MAX_BODY_CHARS, body.length());
    assertTrue(report.valid(), () -> errors(report).toString());
  }

  @Test
  void stopsAtTheTaskLimitWithoutComparingTasks() {
    String body = plan(1_000, 1, (t, g) -> "**");

    PlanReport report = checker.check(body, List.of());

    assertEquals(List.of("line 2: more than 50 tasks (1000): split the plan into several plans; tasks are not checked "
        + "against each other (dependencies, overlaps) until it has 50 or fewer"), errors(report));
    assertTrue(report.schedule().isEmpty());
  }

  @Test
  void listsTheFirstTwentyOverlapsOfTasksThatAllOwnEverything() {
    PlanReport report = checker.check(plan(50, 1, (t, g) -> "**"), List.of());

    List<String> errors = errors(report);
    assertEquals(21, errors.size());
    assertEquals("line 6: tasks `t0` and `t1` can both own `a`: `**` (t0) and `**` (t1) overlap; narrow one of them, "
        + "or list the path under `shared` in .github/workstreams.yml", errors.get(0));
    assertTrue(errors.stream().anyMatch(e -> e.contains("… and more overlapping tasks: only the first 20 overlaps are "
        + "listed; the plan is checked again once they are fixed")), errors::toString);
  }

  @Test
  void acceptsThirtyTasksOfTwentyFiveGlobs() {
    PlanReport report = checker.check(plan(30, 25, (t, g) -> "t" + t + "/dir" + g + "/**"), List.of());

    assertTrue(report.valid(), () -> errors(report).toString());
    assertEquals(30, report.plan().tasks().size());
  }

  @Test
  void refusesMoreThanAHundredGlobsInOneTask() {
    PlanReport report = checker.check(plan(1, 101, (t, g) -> "dir" + g + "/**"), List.of());

    assertEquals(List.of("line 5: task `t0`: `owns` lists 101 globs; at most 100 are allowed (a folder glob such as "
        + "`src/auth/**` covers many files)"), errors(report));
  }

  @Test
  void findsNoPlanInAFenceFollowedByManySpacesAndABacktick() {
    String body = "```" + " ".repeat(65_000) + "`\n";

    PlanReport report = checker.check(body, List.of());

    assertFalse(report.valid());
    assertTrue(errors(report).get(0).startsWith("no plan found"), errors(report)::toString);
  }

  @Test
  void saysThatAnEmptyGlobIsEmpty() {
    PlanReport report = checker.check("```plan\ntasks:\n  - {id: a, title: A, owns: [\"\"]}\n```\n", List.of());

    assertEquals(List.of("line 3: task `a`: every entry of `owns` must be text, but one is empty",
        "line 3: task `a`: `owns` is empty: a task must own at least one glob"), errors(report));
  }

  @Test
  void quotesUnknownKeysAsInertCode() {
    PlanReport report = checker.check(
        "```plan\ntasks:\n  - {id: a, title: A, owns: [a/**], \"x`<!-- workstreams:tracking -->\": 1}\n```\n",
        List.of());

    assertEquals(List.of("line 3: unknown key `` x`<\u200B!-- workstreams:tracking --> `` in task `a`; allowed keys: "
        + "id, title, owns, depends_on, prompt, estimate"), errors(report));
  }
}
