package dev.workstreams.adapter.git;

import static dev.workstreams.adapter.git.WorkingCopiesIT.BOT;
import static dev.workstreams.adapter.git.WorkingCopiesIT.REPO;
import static dev.workstreams.adapter.git.WorkingCopiesIT.TASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.config.ProtectedPaths;
import dev.workstreams.core.config.RepoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow files and GitHub's {@code workflows} permission, at the git level. The remote is served
 * by real git over HTTP; a {@code pre-receive} hook refuses, with GitHub's own words, every pushed
 * commit that changes a file under {@code .github/workflows/}, as GitHub does for an App without
 * the permission, merge commits included.
 */
class WorkflowFilesIT {

  /** What GitHub answers an App without the {@code workflows} permission (PLATFORM-NOTES, round 2). */
  private static final String HOOK = """
      #!/bin/sh
      zero=0000000000000000000000000000000000000000
      while read old new ref; do
        [ "$new" = "$zero" ] && continue
        for commit in $(git rev-list "$new" --not --all); do
          file=$(git diff-tree --no-commit-id --name-only -r -m --root "$commit" | grep '^\\.github/workflows/' | head -n 1)
          if [ -n "$file" ]; then
            echo "refusing to allow a GitHub App to create or update workflow \\`$file\\` without \\`workflows\\` permission" >&2
            exit 1
          fi
        done
      done
      """;

  @TempDir Path tmp;
  BareRemote remote;
  SmartHttpGit http;
  Remote github;

  @BeforeEach
  void setUp() throws Exception {
    remote = BareRemote.create(tmp.resolve("github"));
    remote.commit("main", Map.of(".github/workflows/ci.yml", "on: push\n"), "CI");
    remote.commit(TASK.branch(), Map.of(), "Start workstream auth");
    http = SmartHttpGit.serving(tmp.resolve("github"));
    github = Remote.anonymous(http.url("remote.git"));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private void refuseWorkflowChangesAsAnAppWithoutTheWorkflowsPermission() throws Exception {
    Path hook = remote.path().resolve("hooks").resolve("pre-receive");
    Files.createDirectories(hook.getParent());
    Files.writeString(hook, HOOK);
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The base changed its workflow since the task branch was made; the agent then changes a file of its own. */
  private WorkingCopy agentWorkedAfterTheBaseChangedItsWorkflow() throws Exception {
    remote.commit("main", Map.of(".github/workflows/ci.yml", "on: [push, pull_request]\n"), "CI on pull requests too");
    var ready = assertInstanceOf(PrepareResult.Ready.class,
        new WorkingCopies(tmp.resolve("data")).prepare(REPO, github, TASK, "main", BOT));
    assertEquals(PrepareResult.BaseUpdate.MERGE_COMMIT, ready.baseUpdate());
    Files.writeString(ready.copy().directory().resolve("src/auth/Login.java"), "class Login { void in() {} }\n");
    assertInstanceOf(CommitResult.Committed.class, ready.copy().commitChanges(BOT, "auth: login"));
    return ready.copy();
  }

  @Test
  void withoutTheWorkflowsPermissionTheBaseMergeIsRefusedAndTheFileAndPermissionAreNamed() throws Exception {
    refuseWorkflowChangesAsAnAppWithoutTheWorkflowsPermission();
    String before = remote.tip(TASK.branch()).orElseThrow();

    PushOutcome outcome = agentWorkedAfterTheBaseChangedItsWorkflow().push(github, BOT);

    var missing = assertInstanceOf(PushOutcome.MissingPermission.class, outcome);
    assertEquals("workflows", missing.permission());
    assertEquals(".github/workflows/ci.yml", missing.path());
    assertTrue(missing.reason().contains("refusing to allow a GitHub App to create or update workflow"), missing.reason());
    assertEquals(before, remote.tip(TASK.branch()).orElseThrow(), "nothing of the push landed");
  }

  @Test
  void withTheWorkflowsPermissionTheBaseMergeIsPushedWithTheBasesWorkflow() throws Exception {
    WorkingCopy copy = agentWorkedAfterTheBaseChangedItsWorkflow();

    var pushed = assertInstanceOf(PushOutcome.Pushed.class, copy.push(github, BOT));

    assertEquals(pushed.commit(), remote.tip(TASK.branch()).orElseThrow());
    assertEquals("on: [push, pull_request]\n", remote.read(TASK.branch(), ".github/workflows/ci.yml").orElseThrow());
    assertEquals("class Login { void in() {} }\n", remote.read(TASK.branch(), "src/auth/Login.java").orElseThrow());
  }

  @Test
  void theAgentsOwnWorkflowAndCodeownersChangesAreLeftOutSoEvenARefusingRemoteTakesThePush() throws Exception {
    refuseWorkflowChangesAsAnAppWithoutTheWorkflowsPermission();
    var ready = assertInstanceOf(PrepareResult.Ready.class,
        new WorkingCopies(tmp.resolve("data")).prepare(REPO, github, TASK, "main", BOT));
    Path dir = ready.copy().directory();
    Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\njobs: {steal: {runs-on: x}}\n");
    Files.writeString(dir.resolve("CODEOWNERS"), "* @agent\n");
    Files.writeString(dir.resolve("src/auth/Login.java"), "class Login { void in() {} }\n");
    ready.copy().commitChanges(BOT, "auth: login");
    ProtectedPaths guarded = ProtectedPaths.forTask(RepoConfig.DEFAULT_PROTECTED, List.of("src/auth/**", ".github/**"), false);

    var dropped = assertInstanceOf(EnforcementResult.Dropped.class,
        ready.copy().dropPathsOutside(ready.startCommit(), path -> !guarded.blocks(path), BOT));
    PushOutcome outcome = ready.copy().push(github, BOT);

    assertEquals(List.of(".github/workflows/ci.yml", "CODEOWNERS"), dropped.paths());
    assertInstanceOf(PushOutcome.Pushed.class, outcome);
    assertEquals("on: push\n", remote.read(TASK.branch(), ".github/workflows/ci.yml").orElseThrow());
    assertTrue(remote.read(TASK.branch(), "CODEOWNERS").isEmpty());
    assertEquals("class Login { void in() {} }\n", remote.read(TASK.branch(), "src/auth/Login.java").orElseThrow());
  }
}
