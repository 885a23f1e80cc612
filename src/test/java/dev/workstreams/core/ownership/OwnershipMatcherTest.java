package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipMatcherTest {

  private final OwnershipMatcher matcher = OwnershipMatcher.compile(
      List.of(
          new OwnedGlobs("auth", List.of("src/auth/**", "test/auth/**")),
          new OwnedGlobs("api", List.of("src/**/api/**", "docs/api.md")),
          new OwnedGlobs("docs", List.of("docs/"))),
      List.of("package-lock.json", "**/*.snap"));

  @Test
  void reportsPathsOutsideTheTaskWithTheirOwner() {
    List<Violation> violations = matcher.violations(
        "auth",
        List.of(
            "src/auth/Login.java", "docs/guide.md", "README.md", "test/auth/LoginTest.java", "src/core/api/X.java"));

    assertEquals(
        List.of(
            new Violation("docs/guide.md", Optional.of("docs")),
            new Violation("README.md", Optional.empty()),
            new Violation("src/core/api/X.java", Optional.of("api"))),
        violations);
  }

  @Test
  void sharedPathsAreNeverViolations() {
    assertEquals(
        List.of(), matcher.violations("docs", List.of("package-lock.json", "src/auth/__snapshots__/a.snap")));
  }

  @Test
  void theOwnerIsTheFirstTaskInPlanOrder() {
    assertEquals(Optional.of("auth"), matcher.ownerOf("src/auth/api/Token.java"));
    assertEquals(Optional.of("api"), matcher.ownerOf("docs/api.md"));
    assertEquals(Optional.of("docs"), matcher.ownerOf("docs/a/b.md"));
    assertEquals(Optional.empty(), matcher.ownerOf("docs"));
    assertEquals(Optional.empty(), matcher.ownerOf("package-lock.json"));
  }

  @Test
  void aPathOwnedByTheTaskIsFineEvenWhenAnEarlierTaskOwnsItToo() {
    assertEquals(List.of(), matcher.violations("api", List.of("src/auth/api/Token.java")));
    assertEquals(List.of(), matcher.violations("docs", List.of("docs/api.md")));
  }

  @Test
  void tellsSharedPaths() {
    assertTrue(matcher.isShared("package-lock.json"));
    assertTrue(matcher.isShared("a/b/c.snap"));
    assertFalse(matcher.isShared("web/package-lock.json"));
  }

  @Test
  void listsEachViolationOnceInTheOrderGiven() {
    List<Violation> violations = matcher.violations("docs", List.of("b.txt", "a.txt", "b.txt"));

    assertEquals(
        List.of(new Violation("b.txt", Optional.empty()), new Violation("a.txt", Optional.empty())), violations);
  }

  @Test
  void rejectsAnUnknownTask() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> matcher.violations("nope", List.of("a")));

    assertEquals("no task 'nope' in this plan", thrown.getMessage());
  }

  @Test
  void rejectsInvalidGlobsAtCompileTime() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OwnershipMatcher.compile(List.of(new OwnedGlobs("a", List.of("src/{a"))), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> OwnershipMatcher.compile(List.of(new OwnedGlobs("a", List.of("src/**"))), List.of("/abs")));
  }

  @Test
  void givesTheSameAnswersWhenThePlanIsTooLargeForOneAutomaton() {
    PlanGlobs plan = PlanGlobs.compile(
        List.of(new OwnedGlobs("a", List.of("src/**", "**/*.md")), new OwnedGlobs("b", List.of("src/b/*.md"))),
        List.of("src/shared/*"));
    PlanAutomaton combined = PlanAutomaton.build(plan, PlanAutomaton.MAX_STATES);
    PlanAutomaton oneByOne = PlanAutomaton.build(plan, 1);

    for (String path : List.of("src/a", "src/b/x.md", "x.md", "src/shared/y", "lib/z", "src/b/c/d.md")) {
      PathClaims expected = combined.claims(path);
      PathClaims actual = oneByOne.claims(path);
      assertEquals(expected.firstOwner(), actual.firstOwner(), path);
      assertEquals(expected.shared(), actual.shared(), path);
      assertEquals(expected.ownedBy(1), actual.ownedBy(1), path);
    }
  }
}
