package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobProblemTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "src/**", "src/", "**", "*.md", "docs/{a,b}/*.md", "{a,{b,{c,d}}}", "a,b", "\\[x]", "x]", "{a,}b", "src/{a,}",
      "a/.../b", ".github/**", "dir with space/*", "{**,docs}/x", "\\{a,b\\}"})
  void acceptsValidGlobs(String pattern) {
    assertEquals(Optional.empty(), Glob.problem(pattern));
  }

  @Test
  void rejectsAnEmptyGlob() {
    assertProblem("", "empty glob");
  }

  @Test
  void rejectsAGlobOverTheLengthLimit() {
    assertProblem("a".repeat(513), "glob is 513 characters long, over the limit of 512");
    assertEquals(Optional.empty(), Glob.problem("a".repeat(512)));
  }

  @Test
  void rejectsALeadingSlash() {
    assertProblem("/src/**", "leading '/' in \"/src/**\": globs are relative to the repository root; drop the '/'");
  }

  @Test
  void rejectsEmptySegments() {
    assertProblem("src//a", "empty path segment ('//') in \"src//a\"");
  }

  @Test
  void rejectsDotSegments() {
    assertProblem("./src/**", "'.' segment in \"./src/**\": write paths from the repository root, without '.' or '..'");
    assertProblem("src/../lib",
        "'..' segment in \"src/../lib\": write paths from the repository root, without '.' or '..'");
  }

  @Test
  void rejectsUnbalancedBraces() {
    assertProblem("src/{a,b", "unbalanced '{' in \"src/{a,b\"");
    assertProblem("src/a,b}", "unbalanced '}' in \"src/a,b}\"");
  }

  @Test
  void rejectsBracesNestedDeeperThanThreeLevels() {
    assertProblem("{a,{b,{c,{d,e}}}}", "braces nested deeper than 3 levels in \"{a,{b,{c,{d,e}}}}\"");
  }

  @Test
  void rejectsMoreThan64Alternatives() {
    String sixtyFour = "{a,b,c,d}/{e,f,g,h}/{i,j,k,l}";
    assertEquals(Optional.empty(), Glob.problem(sixtyFour));
    assertProblem(sixtyFour + "{m,n}", "more than 64 alternatives in \"" + sixtyFour + "{m,n}\"");
  }

  @Test
  void rejectsCharacterClasses() {
    assertProblem("src/[ab].c",
        "'[' is not supported in \"src/[ab].c\": use {a,b} for alternatives, or \\[ for a literal '['");
  }

  @Test
  void rejectsADanglingBackslash() {
    assertProblem("src\\", "\"src\\\" ends with '\\', which escapes nothing");
  }

  @Test
  void rejectsAlternativesThatMakeAnEmptyGlob() {
    assertProblem("{a,}", "\"{a,}\" can expand to an empty glob");
  }

  @Test
  void namesTheAlternativeAtFault() {
    assertProblem("{/a,b}",
        "leading '/' in \"{/a,b}\" (alternative \"/a\"): globs are relative to the repository root; drop the '/'");
    assertProblem("a/{b,}/c", "empty path segment ('//') in \"a/{b,}/c\" (alternative \"a//c\")");
    assertProblem("{.,src}/x",
        "'.' segment in \"{.,src}/x\" (alternative \"./x\"): "
            + "write paths from the repository root, without '.' or '..'");
  }

  @Test
  void rejectsGlobsWhoseAutomatonWouldExplode() {
    String glob = "**/a/?/?/?/?/?/?/?/?/?/?/?/?";
    assertProblem(glob, "\"" + glob + "\" is too complex to check; split it into simpler globs");
  }

  @Test
  void reportsTheFirstProblemFromTheLeft() {
    assertProblem("[a]{b", "'[' is not supported in \"[a]{b\": use {a,b} for alternatives, or \\[ for a literal '['");
  }

  @Test
  void compileThrowsTheProblemMessage() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Glob.compile("src/{a"));
    assertEquals("unbalanced '{' in \"src/{a\"", thrown.getMessage());
  }

  private static void assertProblem(String pattern, String message) {
    Optional<GlobProblem> problem = Glob.problem(pattern);
    assertTrue(problem.isPresent(), () -> "expected a problem with " + pattern);
    assertEquals(new GlobProblem(pattern, message), problem.get());
  }
}
