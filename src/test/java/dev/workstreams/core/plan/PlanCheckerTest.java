package dev.workstreams.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCheckerTest {

  private final PlanChecker checker = new PlanChecker();

  /** The issue body for a YAML plan: the fence is line 1, so YAML line n is body line n + 1. */
  private static String issue(String yaml) {
    return "```plan\n" + yaml + "```\n";
  }

  private PlanReport check(String yaml) {
    return checker.check(issue(yaml), List.of());
  }

  private static List<String> errors(PlanReport report) {
    return report.errors().stream().map(PlanProblem::toString).toList();
  }

  @Test
  void acceptsTheExamplePlanWithMergeOrder() throws IOException {
    PlanReport report = checker.check(Files.readString(Path.of("examples/plan-issue.md")), List.of());

    assertTrue(report.valid(), () -> errors(report).toString());
    assertEquals(5, report.plan().tasks().size());
    assertEquals(java.util.Map.of("schema", 1, "team-api", 2, "invoices", 2, "admin-ui", 3, "docs", 1),
        report.schedule().orElseThrow().mergeOrder());
    assertEquals(13, report.plan().task("schema").orElseThrow().line());
  }

  @Test
  void readsEveryField() {
    PlanReport report = check("""
        base: develop
        max_parallel: 2
        agent: claude
        tasks:
          - id: auth
            title: Add OAuth login
            owns: [src/auth/**, test/auth/**]
            prompt: |
              Implement it.
          - id: ui
            title: Login page
            owns: [web/login/**]
            depends_on: [auth]
        """);

    assertTrue(report.valid(), () -> errors(report).toString());
    Plan plan = report.plan();
    assertEquals("develop", plan.base().orElseThrow());
    assertEquals(2, plan.maxParallel().orElseThrow());
    assertEquals("claude", plan.agent().orElseThrow());
    Task auth = plan.task("auth").orElseThrow();
    assertEquals("Add OAuth login", auth.title());
    assertEquals(List.of("src/auth/**", "test/auth/**"), auth.owns());
    assertEquals("Implement it.\n", auth.prompt());
    assertEquals(List.of("auth"), plan.task("ui").orElseThrow().dependsOn());
    assertEquals(6, auth.line());
  }

  @Test
  void rejectsAnIssueWithoutAPlanBlock() {
    PlanReport report = checker.check("Just some text\n```js\ntasks: []\n```\n", List.of());

    assertEquals(
        List.of("no plan found: put the plan in a fenced code block whose info string is `plan` "
            + "(```plan … ```), or `yaml` with a top-level `tasks:` key"),
        errors(report));
  }

  @Test
  void findsAYamlBlockOnlyWhenItHasTopLevelTasks() {
    String body = "```yaml\nname: ci\n```\n\n~~~yaml\ntasks:\n  - id: a\n    title: A\n    owns: [a/**]\n~~~\n";

    PlanReport report = checker.check(body, List.of());

    assertTrue(report.valid(), () -> errors(report).toString());
    assertEquals(7, report.plan().task("a").orElseThrow().line());
  }

  @Test
  void takesTheFirstPlanBlock() {
    String body = issue("tasks:\n  - {id: first, title: F, owns: [f/**]}\n")
        + issue("tasks:\n  - {id: second, title: S, owns: [s/**]}\n");

    assertEquals("first", checker.check(body, List.of()).plan().tasks().get(0).id());
  }

  @Test
  void readsIssueBodiesWithWindowsLineEndings() {
    PlanReport report = checker.check("Intro\r\n\r\n```plan\r\ntasks:\r\n  - id: a\r\n    title: A\r\n    owns: [a/**]\r\n```\r\n", List.of());

    assertTrue(report.valid(), () -> errors(report).toString());
    assertEquals(5, report.plan().task("a").orElseThrow().line());
  }

  @Test
  void reportsInvalidYamlWithItsLine() {
    PlanReport report = check("tasks:\n  - id: a\n    title: [unclosed\n    owns: x\n");

    assertEquals(1, report.errors().size());
    PlanProblem problem = report.errors().get(0);
    assertTrue(problem.message().startsWith("invalid YAML: "), problem.message());
    assertTrue(problem.line() >= 4, "line " + problem.line());
  }

  @Test
  void rejectsUnknownKeysWithASuggestion() {
    PlanReport report = check("""
        max_paralel: 2
        tasks:
          - id: a
            title: A
            owns: [a/**]
            dependson: []
        """);

    assertEquals(
        List.of(
            "line 2: unknown key `max_paralel` in the plan (did you mean `max_parallel`?); allowed keys: base, max_parallel, agent, time_budget, tasks",
            "line 7: unknown key `dependson` in task `a` (did you mean `depends_on`?); allowed keys: id, title, owns, depends_on, prompt, estimate"),
        errors(report));
  }

  @Test
  void rejectsMissingAndMalformedFields() {
    PlanReport report = check("""
        tasks:
          - title: No id
            owns: [a/**]
          - id: Bad_Id
            title: B
            owns: [b/**]
          - id: c
            owns: []
          - id: d
            title: D
            owns: src/d/**
            depends_on: c
          - just a string
        """);

    assertEquals(
        List.of(
            "line 3: task 1 has no `id`",
            "line 5: task 2: id `Bad_Id` must be 1 to 40 lowercase letters, digits or dashes, starting with a letter or digit",
            "line 8: task `c` has no `title`",
            "line 9: task `c`: `owns` is empty: a task must own at least one glob",
            "line 12: task `d`: `owns` must be a list of globs, e.g. `owns: [src/auth/**]`, but it is text",
            "line 13: task `d`: `depends_on` must be a list of task ids, e.g. `depends_on: [auth]`, but it is text",
            "line 14: task 5 must be a mapping with `id`, `title` and `owns`, but it is text"),
        errors(report));
  }

  @Test
  void rejectsATitleOverSeveralLines() {
    PlanReport report = check("tasks:\n  - id: a\n    title: |\n      one\n      two\n    owns: [a/**]\n");

    assertEquals(List.of("line 4: task `a`: `title` must be one line"), errors(report));
  }

  @Test
  void rejectsBadPlanOptions() {
    PlanReport report = check("""
        base: "feature..x"
        max_parallel: 0
        agent: "rm -rf /"
        tasks:
          - {id: a, title: A, owns: [a/**]}
        """);

    assertEquals(
        List.of(
            "line 2: `base` is not a valid branch name: `feature..x`",
            "line 3: `max_parallel` must be a whole number from 1 to 50, but it is the value 0",
            "line 4: `agent` must name an agent profile (letters, digits, `-`, `_`, `.`), but it is `rm -rf /`"),
        errors(report));
  }

  @Test
  void rejectsDuplicateIds() {
    PlanReport report = check("tasks:\n  - {id: a, title: A, owns: [a/**]}\n  - {id: a, title: B, owns: [b/**]}\n");

    assertEquals(List.of("line 4: task id `a` is used twice (first on line 3); ids must be unique"), errors(report));
  }

  @Test
  void rejectsUnknownAndSelfDependencies() {
    PlanReport report = check("""
        tasks:
          - {id: schema, title: S, owns: [db/**]}
          - {id: api, title: A, owns: [api/**], depends_on: [shema, api]}
        """);

    assertEquals(
        List.of(
            "line 4: task `api` depends on `shema`, which is not a task of this plan (did you mean `schema`?)",
            "line 4: task `api` depends on itself"),
        errors(report));
  }

  @Test
  void showsACycleAsAPath() {
    PlanReport report = check("""
        tasks:
          - {id: a, title: A, owns: [a/**], depends_on: [c]}
          - {id: b, title: B, owns: [b/**], depends_on: [a]}
          - {id: c, title: C, owns: [c/**], depends_on: [b]}
          - {id: d, title: D, owns: [d/**]}
        """);

    assertEquals(
        List.of("line 3: dependency cycle: a → c → b → a (no task in a cycle can ever start)"), errors(report));
    assertTrue(report.schedule().isEmpty());
  }

  @Test
  void rejectsMoreThanFiftyTasks() {
    StringBuilder yaml = new StringBuilder("tasks:\n");
    for (int i = 0; i < 51; i++) {
      yaml.append("  - {id: t").append(i).append(", title: T, owns: [t").append(i).append("/**]}\n");
    }

    assertEquals(
        List.of("line 2: more than 50 tasks (51): split the plan into several plans; tasks are not checked against "
            + "each other (dependencies, overlaps) until it has 50 or fewer"),
        errors(check(yaml.toString())));
  }

  @Test
  void rejectsAPromptOver64KiB() {
    // Two bytes a character: over 64 KiB of prompt in a body that GitHub's 65,536-character limit still allows.
    String prompt = "é".repeat(32 * 1024 + 1);
    PlanReport report = check("tasks:\n  - id: a\n    title: A\n    owns: [a/**]\n    prompt: " + prompt + "\n");

    assertEquals(
        List.of("line 6: task `a`: `prompt` is 65538 bytes; at most 64 KiB (65536 bytes) are allowed"),
        errors(report));
  }

  @Test
  void collectsEveryProblemAtOnce() {
    PlanReport report = check("""
        colour: blue
        tasks:
          - {id: a, title: A, owns: [a/**], depends_on: [b, zzz]}
          - {id: b, title: B, owns: [b/**], depends_on: [a]}
          - {id: b, title: C, owns: [c/**]}
          - {id: d, owns: [d/**]}
        """);

    assertEquals(5, report.errors().size(), () -> errors(report).toString());
  }

  @Test
  void refusesYamlAliasesSoABillionLaughsCannotExpand() {
    String laughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        tasks: *i
        """;

    assertEquals(
        List.of("line 3: YAML aliases (*a) are not allowed in a plan; write the value out"),
        errors(check(laughs)));
  }

  @Test
  void reportsDuplicateKeys() {
    PlanReport report = check("tasks:\n  - id: a\n    title: A\n    title: B\n    owns: [a/**]\n");

    assertEquals(List.of("line 5: the key `title` appears twice in the same mapping"), errors(report));
  }

  @Test
  void neverInstantiatesTaggedTypes() {
    PlanReport report = check("tasks:\n  - id: a\n    title: !!java.io.File /etc/passwd\n    owns: [a/**]\n");

    assertTrue(report.valid(), () -> errors(report).toString());
    assertEquals("/etc/passwd", report.plan().task("a").orElseThrow().title());
  }

  @Test
  void acceptsNumericLookingIds() {
    PlanReport report = check("tasks:\n  - {id: 2024, title: Year, owns: [y/**]}\n  - {id: b, title: B, owns: [b/**], depends_on: [2024]}\n");

    assertTrue(report.valid(), () -> errors(report).toString());
  }

  @Test
  void warnsWhenThePlanIsMostlySequential() {
    PlanReport report = check("""
        tasks:
          - {id: a, title: A, owns: [a/**]}
          - {id: b, title: B, owns: [b/**], depends_on: [a]}
          - {id: c, title: C, owns: [c/**], depends_on: [b]}
          - {id: d, title: D, owns: [d/**], depends_on: [b]}
        """);

    assertTrue(report.valid());
    assertEquals(
        List.of("the plan is mostly sequential: 4 tasks in 3 levels, expected speed-up 1.33× over one session; "
            + "parallel sessions help little with a chain (critical path: a → b → c)"),
        report.problems().stream().filter(p -> p.severity() == PlanProblem.Severity.WARNING).map(PlanProblem::toString).toList());
  }

  @Test
  void rejectsAnEmptyOrNonMappingPlan() {
    assertEquals(List.of("line 1: the plan must be a YAML mapping with a `tasks:` list, but it is empty"), errors(check("")));
    assertEquals(List.of("line 2: `tasks` is empty: a plan needs at least one task"), errors(check("tasks: []\n")));
    assertFalse(check("- a\n- b\n").valid());
  }

  @Test
  void rejectsOverlappingGlobsWithAnExamplePath() {
    PlanReport report = check("""
        tasks:
          - {id: auth, title: Auth, owns: [src/auth/**]}
          - {id: api, title: API, owns: [docs/api.md, src/**/api/**]}
        """);

    assertEquals(1, report.errors().size(), () -> errors(report).toString());
    PlanProblem problem = report.errors().get(0);
    assertEquals(4, problem.line());
    assertTrue(problem.message().startsWith("tasks `auth` and `api` can both own `src/auth/api/"), problem.message());
    assertTrue(problem.message().contains("`src/auth/**` (auth) and `src/**/api/**` (api) overlap"), problem.message());
    String example = problem.message().replaceAll("^tasks `auth` and `api` can both own `([^`]+)`.*$", "$1");
    assertTrue(dev.workstreams.core.ownership.Glob.compile("src/auth/**").matches(example), example);
    assertTrue(dev.workstreams.core.ownership.Glob.compile("src/**/api/**").matches(example), example);
  }

  @Test
  void sharedPathsDoNotCountAsOverlap() {
    String yaml = "tasks:\n  - {id: a, title: A, owns: [package-lock.json, a/**]}\n  - {id: b, title: B, owns: ['*.json']}\n";

    assertTrue(checker.check(issue(yaml), List.of("package-lock.json")).valid());
    assertFalse(checker.check(issue(yaml), List.of()).valid());
  }

  @Test
  void reportsMalformedGlobsOfATask() {
    PlanReport report = check("tasks:\n  - {id: a, title: A, owns: ['/abs/**', 'src/{x,y']}\n");

    assertEquals(2, report.errors().size(), () -> errors(report).toString());
    assertTrue(errors(report).stream().allMatch(e -> e.startsWith("line 3: task `a`: ")), errors(report).toString());
  }
}
