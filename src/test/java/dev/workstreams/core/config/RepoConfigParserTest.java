package dev.workstreams.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepoConfigParserTest {

  private final RepoConfigParser parser = new RepoConfigParser();

  @Test
  void readsEveryKeyOfTheDesignExample() {
    RepoConfig config = valid("""
        trigger_label: plan
        max_parallel: 3
        agent: claude               # a profile name from the operator's AGENTS_FILE
        shared: [package-lock.json]
        enforcement: block
        """);

    assertEquals(new RepoConfig("plan", 3, Optional.of("claude"), List.of("package-lock.json"), Enforcement.BLOCK), config);
  }

  @Test
  void givesTheDefaultsForAnEmptyOrCommentOnlyFile() {
    assertEquals(RepoConfig.DEFAULTS, valid(""));
    assertEquals(RepoConfig.DEFAULTS, valid("# nothing configured yet\n"));
    assertEquals(new RepoConfig("plan", 4, Optional.empty(), List.of(), Enforcement.COMMENT), RepoConfig.DEFAULTS);
  }

  @Test
  void keepsDefaultsForKeysThatAreLeftOut() {
    RepoConfig config = valid("max_parallel: 2\nshared:\n  - yarn.lock\n  - docs/**\n");

    assertEquals(new RepoConfig("plan", 2, Optional.empty(), List.of("yarn.lock", "docs/**"), Enforcement.COMMENT), config);
  }

  @Test
  void acceptsANumericLabelAndAnEmptyAgent() {
    RepoConfig config = valid("trigger_label: 2024\nagent:\n");

    assertEquals("2024", config.triggerLabel());
    assertEquals(Optional.empty(), config.agent());
    assertEquals(Optional.empty(), valid("agent:\nmax_parallel: 2\n").agent());
    assertEquals(List.of(), valid("shared:\n").shared());
  }

  @Test
  void listsEveryProblemWithItsLine() {
    List<ConfigProblem> problems = invalid("""
        trigger_label: ""
        max_parallel: 51
        agent: "two words"
        shared: [ok, "", [nested]]
        enforcement: warn
        colour: blue
        """);

    assertEquals(List.of(
        new ConfigProblem(1, "trigger_label must be a label name of 1 to 50 characters"),
        new ConfigProblem(2, "max_parallel must be a whole number from 1 to 50, got `51`"),
        new ConfigProblem(3, "agent must be a profile name: a letter or digit, then up to 63 letters, digits, `_`, `.` or `-`, got `two words`"),
        new ConfigProblem(4, "entry 2 of shared must be a non-empty path, got ``"),
        new ConfigProblem(4, "entry 3 of shared must be a non-empty path, got a list"),
        new ConfigProblem(5, "enforcement must be `comment` or `block`, got `warn`"),
        new ConfigProblem(6, "unknown key `colour`; the keys are trigger_label, max_parallel, agent, shared, enforcement, protected, "
            + "preview, max_revisions, agent_time_budget, rerun_failed_checks, review_time, draft_label")),
        problems);
  }

  @Test
  void protectsWorkflowsCodeownersAndThisConfigByDefault() {
    assertEquals(List.of(".github/workflows/**", "CODEOWNERS", ".github/CODEOWNERS", ".github/workstreams.yml"),
        RepoConfig.DEFAULTS.protectedPaths());
    assertEquals(RepoConfig.DEFAULT_PROTECTED, valid("max_parallel: 2\n").protectedPaths());
  }

  @Test
  void readsTheProtectedGlobs() {
    assertEquals(List.of(".github/**", "deploy/{prod,staging}.yml"),
        valid("protected:\n  - .github/**\n  - \"deploy/{prod,staging}.yml\"\n").protectedPaths());
    assertEquals(List.of(), valid("protected: []\n").protectedPaths());
    assertEquals(List.of(), valid("protected:\nmax_parallel: 2\n").protectedPaths());
  }

  @Test
  void listsEveryProblemOfProtectedWithItsLine() {
    List<ConfigProblem> problems = invalid("""
        max_parallel: 2
        protected:
          - CODEOWNERS
          - ""
          - "src/[abc].java"
          - {path: x}
        """);

    assertEquals(List.of(
        new ConfigProblem(4, "entry 2 of protected must be a non-empty glob, got ``"),
        new ConfigProblem(5, "entry 3 of protected, `src/[abc].java`, is not a valid glob: "
            + problemOf("src/[abc].java")),
        new ConfigProblem(6, "entry 4 of protected must be a non-empty glob, got a set of keys")),
        problems);
    assertEquals(List.of(new ConfigProblem(1,
            "protected must be a list of globs, like `protected: [.github/workflows/**, CODEOWNERS]`")),
        invalid("protected: CODEOWNERS\n"));
  }

  private static String problemOf(String glob) {
    return dev.workstreams.core.ownership.Glob.problem(glob).orElseThrow().message();
  }

  @Test
  void describesAProblemWithItsLine() {
    assertEquals("line 2: max_parallel must be a whole number from 1 to 50, got `0`",
        invalid("agent: claude\nmax_parallel: 0\n").get(0).describe());
  }

  @Test
  void refusesALabelLongerThanGitHubAllows() {
    String label = "x".repeat(51);

    assertEquals(List.of(new ConfigProblem(1, "trigger_label must be a label name of 1 to 50 characters, got 51 characters")),
        invalid("trigger_label: " + label));
    assertEquals(label.substring(1), valid("trigger_label: " + label.substring(1)).triggerLabel());
  }

  @Test
  void refusesValuesOfTheWrongType() {
    List<ConfigProblem> problems = invalid("""
        trigger_label: true
        max_parallel: "4"
        shared: package-lock.json
        enforcement:
          mode: block
        """);

    assertEquals(List.of(
        new ConfigProblem(1, "trigger_label must be a label name of 1 to 50 characters"),
        new ConfigProblem(2, "max_parallel must be a whole number from 1 to 50, got `4`"),
        new ConfigProblem(3, "shared must be a list of paths, like `shared: [package-lock.json]`"),
        new ConfigProblem(5, "enforcement must be `comment` or `block`, got a set of keys")),
        problems);
  }

  @Test
  void readsMaxParallelInEveryFormYamlWritesAWholeNumberIn() {
    assertEquals(16, valid("max_parallel: 0x10\n").maxParallel());
    assertEquals(10, valid("max_parallel: 1_0\n").maxParallel());
    assertEquals(List.of(new ConfigProblem(1, "max_parallel must be a whole number from 1 to 50, got `0x40`")),
        invalid("max_parallel: 0x40\n"));
  }

  @Test
  void refusesAKeyGivenTwice() {
    assertEquals(List.of(new ConfigProblem(2, "`max_parallel` is given twice; keep one")),
        invalid("max_parallel: 2\nmax_parallel: 3\n"));
  }

  @Test
  void refusesAFileThatIsNotAMapping() {
    assertEquals(List.of(new ConfigProblem(1,
            "the file must be a set of keys such as `trigger_label: plan`, not a list or a single value")),
        invalid("- plan\n- 4\n"));
  }

  @Test
  void refusesYamlAliases() {
    List<ConfigProblem> problems = invalid("""
        shared: &files [a.lock]
        extra: *files
        """);

    assertEquals(List.of(new ConfigProblem(2, "YAML aliases (`*name`) are not accepted here; write the value out")), problems);
  }

  @Test
  void refusesASecondDocument() {
    List<ConfigProblem> problems = invalid("max_parallel: 2\n---\nmax_parallel: 3\n");

    assertEquals(1, problems.size());
    assertEquals("the file must hold one YAML document; another starts here", problems.get(0).message());
  }

  @Test
  void reportsBrokenYamlWithItsLine() {
    List<ConfigProblem> problems = invalid("max_parallel: 2\nshared: [a, b\n");

    assertEquals(1, problems.size());
    assertTrue(problems.get(0).message().startsWith("this is not valid YAML: "), problems.get(0).message());
    assertTrue(problems.get(0).line() >= 2, problems.toString());
  }

  @Test
  void refusesAFileOverTheSizeLimit() {
    String big = "# " + "x".repeat(RepoConfigParser.MAX_BYTES) + "\n";

    assertEquals(List.of(new ConfigProblem(0, "the file is " + big.length() + " bytes; at most 65536 bytes (64 KiB) are read")),
        invalid(big));
  }

  @Test
  void showsLongValuesShortened() {
    String message = invalid("enforcement: " + "w".repeat(100)).get(0).message();

    assertEquals("enforcement must be `comment` or `block`, got `" + "w".repeat(60) + "…`", message);
  }

  @Test
  void readsWhetherPlansGetAnIntegrationPreview() {
    assertEquals(Optional.empty(), RepoConfig.DEFAULTS.preview());
    assertEquals(Optional.of(false), valid("preview: false\n").preview());
    assertEquals(Optional.of(true), valid("preview: true\n").preview());
    assertEquals("preview must be `true` or `false`, got `sometimes`", invalid("preview: sometimes\n").get(0).message());
  }

  private RepoConfig valid(String yaml) {
    return assertInstanceOf(RepoConfigResult.Valid.class, parser.parse(yaml)).config();
  }

  private List<ConfigProblem> invalid(String yaml) {
    return assertInstanceOf(RepoConfigResult.Invalid.class, parser.parse(yaml)).problems();
  }
}
