package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileTreeCheckTest {

  private static final List<String> FILES = List.of(
      "src/auth/Login.java", "src/billing/Invoice.java", "README.md", "package-lock.json", "docs/guide.md",
      "test/auth/LoginTest.java");

  @Test
  void reportsGlobsThatMatchNoFileInPlanOrder() {
    TreeReport report = FileTreeCheck.check(
        List.of(
            new OwnedGlobs("billing", List.of("src/billing/**", "src/biling/**", "test/billing/**")),
            new OwnedGlobs("auth", List.of("src/auth/**", "test/auth/**")),
            new OwnedGlobs("docs", List.of("docs/*.md", "*.md"))),
        List.of("package-lock.json"),
        FILES);

    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("billing", List.of("src/biling/**", "test/billing/**"));
    assertEquals(expected, report.globsMatchingNothing());
    assertEquals(List.of("billing"), List.copyOf(report.globsMatchingNothing().keySet()));
    assertEquals(List.of(), report.unownedFiles());
  }

  @Test
  void listsFilesNoTaskOwnsSortedAndLeavesSharedOnesOut() {
    TreeReport report = FileTreeCheck.check(
        List.of(new OwnedGlobs("auth", List.of("src/auth/**"))),
        List.of("package-lock.json"),
        Set.copyOf(FILES));

    assertEquals(
        List.of("README.md", "docs/guide.md", "src/billing/Invoice.java", "test/auth/LoginTest.java"),
        report.unownedFiles());
    assertEquals(Map.of(), report.globsMatchingNothing());
  }

  @Test
  void anEmptyTreeLeavesEveryGlobMatchingNothing() {
    TreeReport report = FileTreeCheck.check(
        List.of(new OwnedGlobs("a", List.of("x/**")), new OwnedGlobs("b", List.of("y", "z/"))), List.of(), List.of());

    assertEquals(List.of("a", "b"), List.copyOf(report.globsMatchingNothing().keySet()));
    assertEquals(List.of("y", "z/"), report.globsMatchingNothing().get("b"));
  }
}
