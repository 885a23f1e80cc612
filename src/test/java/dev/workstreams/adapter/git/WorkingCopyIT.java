package dev.workstreams.adapter.git;

import static dev.workstreams.adapter.git.WorkingCopiesIT.BOT;
import static dev.workstreams.adapter.git.WorkingCopiesIT.REPO;
import static dev.workstreams.adapter.git.WorkingCopiesIT.TASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps after the agent: commit, inspect, enforce, push. The agent's edits are made here directly. */
class WorkingCopyIT {

  static final PersonIdent AGENT = new PersonIdent("Some Agent", "agent@example.com");

  @TempDir Path tmp;
  BareRemote remote;
  WorkingCopy copy;
  String start;
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    remote = BareRemote.create(tmp.resolve("github"));
    remote.commit(TASK.branch(), Map.of(), "Start workstream auth");
    var ready = (PrepareResult.Ready) new WorkingCopies(tmp.resolve("data"))
        .prepare(REPO, remote.remote(), TASK, "main", BOT);
    copy = ready.copy();
    start = ready.startCommit();
    dir = copy.directory();
  }

  void write(String path, String content) throws Exception {
    Files.createDirectories(dir.resolve(path).getParent());
    Files.writeString(dir.resolve(path), content);
  }

  String agentCommits(String message) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").setAll(true).call();
      return git.commit().setMessage(message).setAuthor(AGENT).setCommitter(AGENT).call().name();
    }
  }

  @Test
  void commitsEverythingTheAgentChangedAndPushesItAsTheBot() throws Exception {
    write("src/auth/Login.java", "class Login { void login() {} }\n");
    write("src/auth/Session.java", "class Session {}\n");
    Files.delete(dir.resolve("docs/guide.md"));
    write(".gitignore", "build/\n");
    write("build/out.class", "binary");

    var committed = assertInstanceOf(CommitResult.Committed.class,
        copy.commitChanges(BOT, "auth: login (task auth of #7)"));
    var pushed = assertInstanceOf(PushOutcome.Pushed.class, copy.push(remote.remote(), BOT));

    assertEquals(committed.commit(), pushed.commit());
    assertEquals(Set.of("src/auth/Login.java", "src/auth/Session.java", "docs/guide.md", ".gitignore"),
        copy.changedPathsSince(start));
    RevCommit tip = remote.log(TASK.branch()).get(0);
    assertEquals(committed.commit(), tip.name());
    assertEquals("auth: login (task auth of #7)", tip.getFullMessage());
    assertEquals(BOT.name(), tip.getAuthorIdent().getName());
    assertEquals(BOT.email(), tip.getAuthorIdent().getEmailAddress());
    assertEquals(BOT.email(), tip.getCommitterIdent().getEmailAddress());
    assertEquals("class Session {}\n", remote.read(TASK.branch(), "src/auth/Session.java").orElseThrow());
    assertTrue(remote.read(TASK.branch(), "docs/guide.md").isEmpty());
    assertTrue(remote.read(TASK.branch(), "build/out.class").isEmpty(), ".gitignore respected");
    assertTrue(remote.read("main", "src/auth/Session.java").isEmpty(), "only the task branch moved");
  }

  @Test
  void keepsTheAgentsOwnCommitsUnderTheCommitOfWhatItLeft() throws Exception {
    write("src/auth/Login.java", "v1\n");
    String own = agentCommits("agent: first step");
    write("src/auth/Login.java", "v2\n");

    copy.commitChanges(BOT, "auth: the rest");
    copy.push(remote.remote(), BOT);

    List<RevCommit> log = remote.log(TASK.branch());
    assertEquals("auth: the rest", log.get(0).getFullMessage());
    assertEquals(own, log.get(1).name(), "the agent's commit is kept as it was");
    assertEquals(AGENT.getEmailAddress(), log.get(1).getAuthorIdent().getEmailAddress());
  }

  @Test
  void reportsNothingToCommitWhenTheAgentLeftNoChange() throws Exception {
    assertInstanceOf(CommitResult.NothingToCommit.class, copy.commitChanges(BOT, "nothing"));
    assertInstanceOf(PushOutcome.UpToDate.class, copy.push(remote.remote(), BOT));
  }

  @Test
  void countsARenameAtBothPathsAndUncommittedChangesToo() throws Exception {
    Files.move(dir.resolve("src/auth/Login.java"), dir.resolve("src/app/Login.java"));
    agentCommits("move login");
    write("src/auth/Token.java", "class Token {}\n");

    assertEquals(Set.of("src/auth/Login.java", "src/app/Login.java", "src/auth/Token.java"),
        copy.changedPathsSince(start));
  }

  @Test
  void mergesWhatWasPushedMeanwhileAndNeverForcePushes() throws Exception {
    write("src/auth/Login.java", "agent version\n");
    copy.commitChanges(BOT, "auth: login");
    String theirs = remote.commit(TASK.branch(), Map.of("docs/auth.md", "notes\n"), "a person's notes");

    var pushed = assertInstanceOf(PushOutcome.Pushed.class, copy.push(remote.remote(), BOT));

    assertTrue(pushed.mergedRemoteChanges());
    assertTrue(remote.isAncestor(theirs, pushed.commit()), "the person's commit is kept");
    assertEquals("agent version\n", remote.read(TASK.branch(), "src/auth/Login.java").orElseThrow());
    assertEquals("notes\n", remote.read(TASK.branch(), "docs/auth.md").orElseThrow());
    assertEquals("notes\n", Files.readString(dir.resolve("docs/auth.md")), "the working copy follows");
  }

  @Test
  void reportsAConflictWithWhatWasPushedMeanwhileAndLosesNothing() throws Exception {
    write("src/auth/Login.java", "agent version\n");
    String ours = ((CommitResult.Committed) copy.commitChanges(BOT, "auth: login")).commit();
    String theirs = remote.commit(TASK.branch(), Map.of("src/auth/Login.java", "person version\n"), "person");

    var conflict = assertInstanceOf(PushOutcome.Conflict.class, copy.push(remote.remote(), BOT));

    assertEquals(List.of("src/auth/Login.java"), conflict.paths());
    assertEquals(theirs, remote.tip(TASK.branch()).orElseThrow());
    assertEquals(ours, copy.taskBranchTip());
    assertEquals("agent version\n", Files.readString(dir.resolve("src/auth/Login.java")));
  }

  @Test
  void returnsARefusedPushWithTheRemotesReasonAndKeepsTheCommit() throws Exception {
    write("src/auth/Login.java", "agent version\n");
    String ours = ((CommitResult.Committed) copy.commitChanges(BOT, "auth: login")).commit();
    String before = remote.tip(TASK.branch()).orElseThrow();
    // The remote cannot lock the branch: its update fails the way a refusing hook's does.
    Path lock = remote.path().resolve("refs/heads/" + TASK.branch() + ".lock");
    Files.writeString(lock, "");

    var rejected = assertInstanceOf(PushOutcome.Rejected.class, copy.push(remote.remote(), BOT));

    assertEquals("REJECTED_OTHER_REASON", rejected.status());
    assertFalse(rejected.reason().isBlank());
    assertEquals(before, remote.tip(TASK.branch()).orElseThrow());
    assertEquals(ours, copy.taskBranchTip());
    Files.delete(lock);
    assertInstanceOf(PushOutcome.Pushed.class, copy.push(remote.remote(), BOT), "the kept commit can go later");
  }

  @Test
  void dropsChangesOutsideTheTaskFromEveryPushedCommit() throws Exception {
    write("src/auth/Login.java", "v1\n");
    write(".github/workflows/ci.yml", "on: push\n");
    agentCommits("agent: login and a workflow");
    write("docs/guide.md", "rewritten by the agent\n");
    write("src/auth/Token.java", "class Token {}\n");
    copy.commitChanges(BOT, "auth: the rest");

    var dropped = assertInstanceOf(EnforcementResult.Dropped.class,
        copy.dropPathsOutside(start, path -> path.startsWith("src/auth/"), BOT));
    copy.push(remote.remote(), BOT);

    assertEquals(List.of(".github/workflows/ci.yml", "docs/guide.md"), dropped.paths());
    assertEquals(Set.of("src/auth/Login.java", "src/auth/Token.java"), copy.changedPathsSince(start));
    assertEquals("guide\n", Files.readString(dir.resolve("docs/guide.md")));
    assertFalse(Files.exists(dir.resolve(".github/workflows/ci.yml")));
    List<RevCommit> log = remote.log(TASK.branch());
    assertEquals("auth: the rest", log.get(0).getFullMessage());
    assertEquals("agent: login and a workflow", log.get(1).getFullMessage());
    assertEquals(AGENT.getName(), log.get(1).getAuthorIdent().getName(), "authors are kept");
    assertEquals(start, log.get(2).name());
    assertEquals(dropped.newHead(), log.get(0).name());
    assertTrue(remote.read(TASK.branch(), ".github/workflows/ci.yml").isEmpty());
  }

  @Test
  void leavesTheBranchAloneWhenEveryChangeIsAllowed() throws Exception {
    write("src/auth/Login.java", "v1\n");
    copy.commitChanges(BOT, "auth");
    String tip = copy.taskBranchTip();

    assertInstanceOf(EnforcementResult.NothingOutside.class, copy.dropPathsOutside(start, p -> true, BOT));
    assertEquals(tip, copy.taskBranchTip());
  }

  @Test
  void reportsBranchesAndAMovedHeadAndPushesOnlyTheTaskBranch() throws Exception {
    write("src/auth/Login.java", "on the task branch\n");
    agentCommits("task work");
    try (Git git = Git.open(dir.toFile())) {
      git.checkout().setCreateBranch(true).setName("experiment").call();
    }
    write("src/auth/Login.java", "an experiment\n");
    agentCommits("experiment");
    write("src/auth/Login.java", "uncommitted on the experiment\n");

    StrayWork stray = copy.strayWork();
    CommitResult commit = copy.commitChanges(BOT, "auth");
    var pushed = assertInstanceOf(PushOutcome.Pushed.class, copy.push(remote.remote(), BOT));

    assertEquals(new HeadState.OnOtherBranch("experiment"), stray.head());
    assertEquals(1, stray.branches().size());
    assertEquals("experiment", stray.branches().get(0).name());
    assertEquals(1, stray.branches().get(0).newCommits());
    assertInstanceOf(CommitResult.NotOnTaskBranch.class, commit);
    assertEquals("task work", remote.log(TASK.branch()).get(0).getFullMessage());
    assertEquals(pushed.commit(), remote.tip(TASK.branch()).orElseThrow());
    assertTrue(remote.tip("experiment").isEmpty(), "other branches are never pushed");
  }

  @Test
  void reportsNoStrayWorkForAnAgentThatStayedOnItsBranch() {
    assertTrue(copy.strayWork().isEmpty());
  }

  @Test
  void runsNoGitHookTheAgentPlanted() throws Exception {
    Path marker = tmp.resolve("hook-ran");
    for (String hook : List.of("pre-commit", "commit-msg", "post-commit", "pre-push")) {
      Path file = dir.resolve(".git/hooks/" + hook);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "#!/bin/sh\necho " + hook + " >> " + marker + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    write("src/auth/Login.java", "v1\n");

    copy.commitChanges(BOT, "auth");
    copy.push(remote.remote(), BOT);

    assertFalse(Files.exists(marker), "a hook ran inside the server");
  }

  @Test
  void failsToPushATaskBranchTheAgentDeleted() throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      git.checkout().setCreateBranch(true).setName("elsewhere").call();
      git.branchDelete().setBranchNames(TASK.branch()).setForce(true).call();
    }

    var failed = assertInstanceOf(PushOutcome.Failed.class, copy.push(remote.remote(), BOT));

    assertTrue(failed.reason().contains("no longer exists"), failed.reason());
  }
}
