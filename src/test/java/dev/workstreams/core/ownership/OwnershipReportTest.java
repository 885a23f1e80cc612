package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OwnershipReportTest {

  private static final List<Violation> THREE = List.of(
      new Violation("db/schema.sql", Optional.of("schema")),
      new Violation("README.md", Optional.empty()),
      new Violation("ui/x.ts", Optional.of("ui")));

  private static OwnershipReport report(List<Violation> violations, boolean complete) {
    return new OwnershipReport("api", 7, List.of("api/**", "test/api/**"), "0123456789abcdef", violations,
        Map.of("schema", 101, "api", 102), complete, 5);
  }

  @Test
  void listsEachFileOutsideTheTaskWithTheTaskAndPullRequestThatOwnIt() {
    OwnershipReport report = report(THREE, true);

    assertFalse(report.passed());
    assertEquals("""
        ### Ownership of task `api` (plan #7)

        Checked at `0123456`.

        3 files are outside the task's ownership:

        - `db/schema.sql`: owned by task `schema` (#101)
        - `README.md`: owned by no task
        - `ui/x.ts`: owned by task `ui` (no pull request yet)

        Only the task's globs (`api/**`, `test/api/**`) and the repository's `shared` paths may change in this pull \
        request: move these changes to the workstream that owns them, or change the plan.
        """, report.comment());
    assertEquals("3 files outside task api", report.checkTitle());
    assertEquals("""
        5 paths checked against task `api` of plan #7 (`api/**`, `test/api/**`) and the repository's `shared` paths.

        3 files are outside the task's ownership:

        - `db/schema.sql`: owned by task `schema` (#101)
        - `README.md`: owned by no task
        - `ui/x.ts`: owned by task `ui` (no pull request yet)
        """, report.checkSummary());
  }

  @Test
  void saysOneFileInTheSingular() {
    OwnershipReport report = report(THREE.subList(1, 2), true);

    assertEquals("1 file outside task api", report.checkTitle());
    assertTrue(report.comment().contains("\n1 file is outside the task's ownership:\n"), report.comment());
  }

  @Test
  void aCleanPushPassesAndTheCommentSaysTheViolationsAreGone() {
    OwnershipReport report = report(List.of(), true);

    assertTrue(report.passed());
    assertEquals("""
        ### Ownership of task `api` (plan #7)

        Checked at `0123456`. All files are inside the task's ownership now.
        """, report.comment());
    assertEquals("All files inside task api", report.checkTitle());
    assertEquals("""
        5 paths checked against task `api` of plan #7 (`api/**`, `test/api/**`) and the repository's `shared` paths.

        All files are inside the task's ownership.
        """, report.checkSummary());
  }

  @Test
  void failsClosedWhenGitHubCutTheListEvenIfEveryListedFileIsInside() {
    OwnershipReport report = report(List.of(), false);

    assertFalse(report.passed());
    assertEquals("Cannot verify every file", report.checkTitle());
    String cap = "workstreams cannot verify every file: GitHub lists at most 3,000 files of a pull request, and this one "
        + "reaches that limit. The files past it were not checked, so the check fails until the pull request is split "
        + "into smaller ones.";
    assertEquals("### Ownership of task `api` (plan #7)\n\nChecked at `0123456`.\n\n:warning: " + cap
        + "\n\nNo listed file is outside the task's ownership.\n", report.comment());
    assertEquals(cap + "\n\n5 paths checked against task `api` of plan #7 (`api/**`, `test/api/**`) and the "
        + "repository's `shared` paths.\n", report.checkSummary());
  }

  @Test
  void overTheCapTheCommentSaysSoAndStillListsWhatItFound() {
    OwnershipReport report = report(THREE.subList(0, 1), false);

    assertTrue(report.comment().contains(":warning: " + OwnershipReport.CAP + "\n\n1 file is outside"), report.comment());
    assertTrue(report.checkSummary().startsWith(OwnershipReport.CAP + "\n\n"), report.checkSummary());
    assertEquals("Cannot verify every file", report.checkTitle());
  }

  @Test
  void aPathHoldingABacktickCannotBreakOutOfItsCodeSpan() {
    OwnershipReport report = report(List.of(new Violation("docs/`rm -rf`.md", Optional.empty())), true);

    assertTrue(report.comment().contains("- `` docs/`rm -rf`.md ``: owned by no task\n"), report.comment());
  }

  @Test
  void thousandsOfViolationsStayUnderGitHubsCommentAndSummaryLimits() {
    List<Violation> many = IntStream.range(0, 3_000)
        .mapToObj(i -> new Violation("generated/some/deep/folder/structure/file-number-" + i + ".json", Optional.empty()))
        .toList();
    OwnershipReport report = report(many, false);

    assertTrue(report.comment().length() < 65_536, "comment of " + report.comment().length());
    assertTrue(report.checkSummary().length() < 65_535, "summary of " + report.checkSummary().length());
    assertTrue(report.comment().matches("(?s).*\n- … and \\d+ more\n\nOnly the task's globs.*"), report.comment());
  }
}
