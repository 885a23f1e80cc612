package dev.workstreams.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCheckCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PlanCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path plan(String yaml) throws Exception {
    Path file = dir.resolve("issue.md");
    Files.writeString(file, "Plan:\n\n```plan\n" + yaml + "```\n");
    return file;
  }

  @Test
  void printsTasksMergeOrderAndAnalysisForAValidPlan() {
    int status = run("check", "examples/plan-issue.md");

    assertEquals(0, status, err.toString());
    String text = out.toString();
    assertTrue(text.contains("  3   admin-ui  Team settings page for admins"), text);
    assertTrue(text.contains("critical path:     schema → team-api → admin-ui (3 tasks)"), text);
    assertTrue(text.contains("widest level:      2 tasks"), text);
    assertTrue(text.contains("expected speed-up: 1.67×"), text);
    assertTrue(text.contains("Valid plan"), text);
  }

  @Test
  void refusesAFileLongerThanAnIssueBodyWithoutReadingThePlan() throws Exception {
    Path file = dir.resolve("issue.md");
    Files.writeString(file, "```" + " ".repeat(160_000) + "`\n```plan\ntasks: []\n```\n");

    assertEquals(1, run("check", file.toString()));
    assertTrue(out.toString().contains("the text is 160,027 characters long; a plan is read from at most 65,536"), out.toString());
  }

  @Test
  void exitsOneAndListsEveryErrorForAnInvalidPlan() throws Exception {
    Path file = plan("tasks:\n  - {id: a, title: A, owns: [a/**], depends_on: [b]}\n  - {id: b, title: B, owns: [b/**], depends_on: [a]}\n  - {id: c, owns: [c/**]}\n");

    assertEquals(1, run("check", file.toString()));
    String text = out.toString();
    assertTrue(text.contains("line 5: dependency cycle: a → b → a"), text);
    assertTrue(text.contains("line 7: task `c` has no `title`"), text);
    assertTrue(text.contains("Invalid plan: 2 errors; nothing would be created."), text);
  }

  @Test
  void printsJsonWithIdAndMergeOrderPerTask() throws Exception {
    assertEquals(0, run("check", "--format", "json", "examples/plan-issue.md"));

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertTrue(json.get("valid").asBoolean());
    assertEquals("schema", json.get("tasks").get(0).get("id").asText());
    assertEquals(1, json.get("tasks").get(0).get("mergeOrder").asInt());
    assertEquals(3, json.get("tasks").get(3).get("mergeOrder").asInt());
    assertEquals(3, json.get("analysis").get("levels").size());
    assertEquals(1.67, json.get("analysis").get("expectedSpeedup").asDouble(), 1e-9);
    assertEquals(0, json.get("errors").size());
  }

  @Test
  void readsStandardInputForDash() {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream("```plan\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n```\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals(0, run("check", "-"));
    } finally {
      System.setIn(original);
    }
    assertTrue(out.toString().contains("a  A"), out.toString());
  }

  @Test
  void exitsTwoWithAMessageForAMissingFile() {
    assertEquals(2, run("check", dir.resolve("nope.md").toString()));
    assertTrue(err.toString().contains("nope.md: no such file"), err.toString());
    assertTrue(!err.toString().contains("Exception"), err.toString());
  }

  @Test
  void exitsTwoForUsageErrors() {
    assertEquals(2, run("check"));
    assertEquals(2, run("check", "--format", "xml", "examples/plan-issue.md"));
    assertEquals(2, run("check", "--bogus", "examples/plan-issue.md"));
  }

  @Test
  void exitsTwoForInputThatIsNotUtf8() throws Exception {
    Path file = dir.resolve("binary.md");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});

    assertEquals(2, run("check", file.toString()));
    assertTrue(err.toString().contains("is not UTF-8 text"), err.toString());
  }

  @Test
  void treeFileAddsGlobsMatchingNothingAndUnownedFiles() throws Exception {
    Path file = plan("tasks:\n  - {id: a, title: A, owns: [src/a/**, src/typo/**]}\n");
    Path tree = dir.resolve("paths.txt");
    Files.writeString(tree, "src/a/x.java\nREADME.md\n");

    assertEquals(0, run("check", "--tree", tree.toString(), file.toString()));
    String text = out.toString();
    assertTrue(text.contains("line 5: task `a`: `src/typo/**` matches no existing file (a typo? new files are fine)"), text);
    assertTrue(text.contains("1 existing file is owned by no task: README.md"), text);
  }

  @Test
  void repoOptionReadsTheTrackedFilesOfAGitWorkTree() throws Exception {
    Path repo = dir.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      Files.createDirectories(repo.resolve("src/a"));
      Files.writeString(repo.resolve("src/a/x.java"), "class X {}\n");
      Files.writeString(repo.resolve("untracked.txt"), "not in the index\n");
      git.add().addFilepattern("src").call();
    }
    Path file = plan("tasks:\n  - {id: a, title: A, owns: [src/a/**, docs/**]}\n");

    assertEquals(0, run("check", "--repo", repo.toString(), file.toString()));
    String text = out.toString();
    assertTrue(text.contains("`docs/**` matches no existing file"), text);
    assertTrue(!text.contains("untracked.txt"), text);
  }
}
