package dev.workstreams.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped action's shell part ({@code action/run-agent.sh}) run as a runner would, in a clone
 * of a real repository with a script agent; the App's side then verifies and applies its bundle.
 */
class ActionBundleIT {

  static final BotIdentity BOT = BotIdentity.forApp("workstreams", 4242);
  static final RepositoryName REPO = new RepositoryName("acme", "shop");
  static final TaskKey TASK = new TaskKey(7, "auth");
  static final Path SCRIPT = Path.of("action/run-agent.sh").toAbsolutePath();

  @TempDir Path tmp;
  BareRemote remote;
  WorkingCopy copy;
  String head;

  @BeforeEach
  void dispatched() throws Exception {
    remote = BareRemote.create(tmp.resolve("github"));
    remote.commit(TASK.branch(), Map.of(), "Start workstream auth");
    copy = assertInstanceOf(PrepareResult.Ready.class,
        new WorkingCopies(tmp.resolve("data")).prepare(REPO, remote.remote(), TASK, "main", BOT)).copy();
    head = copy.taskBranchTip();
  }

  /** Runs the action's script in a fresh clone, as a runner would; returns its exit status. */
  int runner(String agent) throws Exception {
    Path checkout = tmp.resolve("runner");
    git(tmp, "clone", "--quiet", "--branch", TASK.branch(), remote.path().toString(), checkout.toString());
    Files.writeString(tmp.resolve("prompt.md"), "Add a logout\n");
    ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString()).directory(checkout.toFile())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("runner.log").toFile());
    run.environment().putAll(Map.of(
        "WORKSTREAMS_HEAD", head, "WORKSTREAMS_BRANCH", TASK.branch(), "WORKSTREAMS_ATTEMPT_KEY", "7-auth-a1",
        "WORKSTREAMS_AGENT_COMMAND", agent, "WORKSTREAMS_PROMPT_FILE", tmp.resolve("prompt.md").toString(),
        "WORKSTREAMS_OUT", tmp.resolve("out").toString(),
        "GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1"));
    return run.start().waitFor();
  }

  String git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Runner", "-c", "user.email=r@example.com"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> String.join(" ", args) + ": " + out);
    return out.trim();
  }

  Path bundle() {
    return tmp.resolve("out/agent.bundle");
  }

  @Test
  void theBundleHoldsExactlyTheAgentsCommitsAndTheAppPushesThem() throws Exception {
    int status = runner("""
        mkdir -p src/auth && echo 'class Logout {}' > src/auth/Logout.java && git add -A && git commit -qm 'Add logout'
        cat > src/auth/Session.java   # the prompt, left uncommitted: the script commits it
        """);

    assertEquals(0, status, () -> read(tmp.resolve("runner.log")));
    assertEquals("0", read(tmp.resolve("out/exit-status")).trim());
    String runnerTip = git(tmp.resolve("runner"), "rev-parse", "HEAD");
    assertEquals(head, git(tmp.resolve("runner"), "rev-parse", "HEAD~2"), "two commits on top of the expected head");

    BundleResult.Applied applied = assertInstanceOf(BundleResult.Applied.class,
        copy.applyBundle(bundle(), head, BundleLimits.DEFAULT, BOT));

    assertEquals(new BundleResult.Applied(head, runnerTip, 2), applied);
    assertInstanceOf(PushOutcome.Pushed.class, copy.push(remote.remote(), BOT));
    assertEquals(runnerTip, remote.tip(TASK.branch()).orElseThrow());
    assertEquals("Add a logout\n", remote.read(TASK.branch(), "src/auth/Session.java").orElseThrow());
  }

  @Test
  void anAgentThatFailsLeavesItsExitStatusAndNoBundle() throws Exception {
    int status = runner("echo half > half.txt; git add -A; git commit -qm half; exit 3");

    assertEquals(3, status);
    assertEquals("3", read(tmp.resolve("out/exit-status")).trim());
    assertFalse(Files.exists(bundle()));
  }

  @Test
  void anAgentThatMakesNoChangeLeavesNoBundle() throws Exception {
    assertEquals(0, runner("true"));
    assertFalse(Files.exists(bundle()));
  }

  @Test
  void anAgentThatRewritesHistoryYieldsABundleTheAppRefuses() throws Exception {
    assertEquals(0, runner("git commit -q --amend --allow-empty -m 'Rewritten start'"));

    BundleResult.Refused refused = assertInstanceOf(BundleResult.Refused.class,
        copy.applyBundle(bundle(), head, BundleLimits.DEFAULT, BOT));

    assertTrue(refused.reason().contains("do not descend from " + head.substring(0, 10)), refused.reason());
    assertEquals(head, copy.taskBranchTip(), "nothing moved");
  }

  @Test
  void theBranchMovedMeanwhileIsMergedWithTheRunsCommits() throws Exception {
    assertEquals(0, runner("echo x > src/auth/Token.java"));
    remote.commit("main", Map.of("docs/guide.md", "guide v2\n"), "Meanwhile on main");
    copy = assertInstanceOf(PrepareResult.Ready.class,
        new WorkingCopies(tmp.resolve("data")).prepare(REPO, remote.remote(), TASK, "main", BOT)).copy();
    String moved = copy.taskBranchTip();

    BundleResult.Applied applied = assertInstanceOf(BundleResult.Applied.class,
        copy.applyBundle(bundle(), head, BundleLimits.DEFAULT, BOT));

    assertEquals(moved, applied.startCommit(), "enforcement counts from where the branch was");
    assertEquals(1, applied.commits());
    assertTrue(Files.exists(copy.directory().resolve("src/auth/Token.java")));
    assertTrue(Files.readString(copy.directory().resolve("docs/guide.md")).contains("v2"));
  }

  @Test
  void boundsAndHeaderAreCheckedBeforeAnyObjectIsRead() throws Exception {
    assertEquals(0, runner("echo a > a.txt && git add a.txt && git commit -qm a && echo b > b.txt"));

    assertTrue(refusal(new BundleLimits(100, 10)).contains("more than the 100 allowed"));
    assertTrue(refusal(new BundleLimits(1 << 20, 1)).contains("more than 1 commits"));
    Files.writeString(bundle(), "PK\u0003\u0004 not a bundle\n\n");
    assertTrue(refusal(BundleLimits.DEFAULT).contains("not a git bundle"));
    Files.writeString(bundle(), "# v2 git bundle\n" + head + " refs/heads/a\n" + head + " refs/heads/b\n\n");
    assertTrue(refusal(BundleLimits.DEFAULT).contains("names 2 refs"));
    Files.writeString(bundle(), "# v2 git bundle\n-" + "1".repeat(40) + "\n" + head + " refs/heads/a\n\nPACK");
    assertTrue(refusal(BundleLimits.DEFAULT).contains("builds on 1111111111, which is not in the history"));
    Files.writeString(bundle(), "# v2 git bundle\n" + "2".repeat(40) + " refs/heads/a\n\nPACK garbage");
    assertTrue(refusal(BundleLimits.DEFAULT).contains("its objects could not be read"));
    assertEquals(head, copy.taskBranchTip());
  }

  String refusal(BundleLimits limits) {
    return assertInstanceOf(BundleResult.Refused.class, copy.applyBundle(bundle(), head, limits, BOT)).reason();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
