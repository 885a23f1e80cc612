package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapAnalysisTest {

  @Test
  void findsAnExamplePathFromTheGlobsAlone() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(task("api", "src/**/api/**"), task("auth", "src/auth/**")), List.of());

    assertEquals(List.of(new Overlap("api", "src/**/api/**", "auth", "src/auth/**", "src/auth/api/a")), overlaps);
  }

  @Test
  void findsNothingForDisjointGlobs() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(
            task("auth", "src/auth/**", "test/auth/**"),
            task("billing", "src/billing/**", "*.md"),
            task("docs", "docs/**/*.md", "src/*.txt")),
        List.of());

    assertEquals(List.of(), overlaps);
  }

  @Test
  void sharedPathsDoNotMakeAnOverlap() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(task("web", "*.json"), task("deps", "package-lock.json")), List.of("package-lock.json"));

    assertEquals(List.of(), overlaps);
  }

  @Test
  void anOverlapBeyondTheSharedPathsIsStillFound() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(task("web", "*.json"), task("deps", "**/*.json")), List.of("package-lock.json"));

    assertEquals(List.of(new Overlap("web", "*.json", "deps", "**/*.json", "a.json")), overlaps);
  }

  @Test
  void anExampleAvoidsEverySharedGlob() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(task("one", "config/*"), task("two", "config/{a,b,c}")), List.of("config/a", "config/{b,x}"));

    assertEquals(List.of(new Overlap("one", "config/*", "two", "config/{a,b,c}", "config/c")), overlaps);
  }

  @Test
  void examplesPreferReadableNamesButKeepDotFoldersWhenNeeded() {
    List<Overlap> overlaps =
        OverlapAnalysis.find(List.of(task("ci", ".github/**"), task("yaml", "**/*.yml")), List.of());

    assertEquals(List.of(new Overlap("ci", ".github/**", "yaml", "**/*.yml", ".github/a.yml")), overlaps);
  }

  @Test
  void examplesAreRealPaths() {
    // ".." matches both, but no repository has such a file.
    List<Overlap> overlaps = OverlapAnalysis.find(List.of(task("a", ".?/x"), task("b", "?./x")), List.of());

    assertEquals(List.of(), overlaps);
  }

  @Test
  void reportsEachPairOfGlobsOnceInPlanOrder() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(
            task("a", "src/**", "docs/**"),
            task("b", "lib/**"),
            task("c", "src/c/**", "docs/c.md", "src/**")),
        List.of());

    assertEquals(
        List.of(
            new Overlap("a", "src/**", "c", "src/c/**", "src/c/a"),
            new Overlap("a", "src/**", "c", "src/**", "src/a"),
            new Overlap("a", "docs/**", "c", "docs/c.md", "docs/c.md")),
        overlaps);
  }

  @Test
  void aGlobListedTwiceCountsOnce() {
    List<Overlap> overlaps =
        OverlapAnalysis.find(List.of(task("a", "src/**", "src/**"), task("b", "src/b/*")), List.of());

    assertEquals(List.of(new Overlap("a", "src/**", "b", "src/b/*", "src/b/a")), overlaps);
  }

  @Test
  void mergesEntriesThatRepeatATaskId() {
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(task("a", "src/**"), task("b", "lib/**"), task("a", "lib/a/**", "src/**")), List.of());

    assertEquals(List.of(new Overlap("a", "lib/a/**", "b", "lib/**", "lib/a/a")), overlaps);
  }

  @Test
  void explainsInvalidGlobs() {
    IllegalArgumentException thrown = assertThrows(
        IllegalArgumentException.class, () -> OverlapAnalysis.find(List.of(task("a", "src/[ab]")), List.of()));

    assertEquals(
        "'[' is not supported in \"src/[ab]\": use {a,b} for alternatives, or \\[ for a literal '['",
        thrown.getMessage());
  }

  private static OwnedGlobs task(String id, String... globs) {
    return new OwnedGlobs(id, List.of(globs));
  }
}
