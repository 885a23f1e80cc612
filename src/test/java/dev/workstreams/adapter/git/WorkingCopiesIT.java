package dev.workstreams.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCopiesIT {

  static final BotIdentity BOT = BotIdentity.forApp("workstreams", 4242);
  static final RepositoryName REPO = new RepositoryName("acme", "shop");
  static final TaskKey TASK = new TaskKey(7, "auth");

  @TempDir Path tmp;
  BareRemote remote;
  WorkingCopies copies;

  @BeforeEach
  void setUp() throws Exception {
    remote = BareRemote.create(tmp.resolve("github"));
    copies = new WorkingCopies(tmp.resolve("data"));
  }

  PrepareResult.Ready prepare(TaskKey task) {
    return assertInstanceOf(PrepareResult.Ready.class, copies.prepare(REPO, remote.remote(), task, "main", BOT));
  }

  @Test
  void preparesTheTaskBranchFromTheBaseWhenTheRemoteHasNone() throws Exception {
    PrepareResult.Ready ready = prepare(TASK);

    Path dir = tmp.resolve("data/workspaces/acme/shop/7-auth");
    assertEquals(dir, ready.copy().directory());
    assertEquals("class Login {}\n", Files.readString(dir.resolve("src/auth/Login.java")));
    assertEquals(remote.tip("main").orElseThrow(), ready.startCommit());
    assertEquals(PrepareResult.BaseUpdate.ALREADY_UP_TO_DATE, ready.baseUpdate());
    try (Git git = Git.open(dir.toFile())) {
      assertEquals("refs/heads/workstreams/7-auth", git.getRepository().getFullBranch());
    }
    assertTrue(Files.isDirectory(tmp.resolve("data/repos/acme/shop.git")), "one bare mirror per repository");
  }

  @Test
  void preparesTheRemoteTaskBranchAndRecordsTheStartCommit() throws Exception {
    String empty = remote.commit(TASK.branch(), Map.of(), "Start workstream auth");

    PrepareResult.Ready ready = prepare(TASK);

    assertEquals(empty, ready.startCommit());
    assertEquals(empty, ready.copy().startCommit().orElseThrow());
    assertEquals(empty, ready.copy().taskBranchTip());
  }

  @Test
  void mergesTheBaseSoThatADependentSeesItsDependencysMergedFiles() throws Exception {
    remote.commit(TASK.branch(), Map.of(), "Start workstream auth");
    remote.commit("main", Map.of("src/model/User.java", "class User {}\n"), "Merge pull request #8: user model");

    PrepareResult.Ready ready = prepare(TASK);

    assertEquals(PrepareResult.BaseUpdate.MERGE_COMMIT, ready.baseUpdate());
    assertEquals("class User {}\n", Files.readString(ready.copy().directory().resolve("src/model/User.java")));
    RevCommit merge = commitIn(ready.copy().directory(), ready.startCommit());
    assertEquals(2, merge.getParentCount());
    assertEquals(BOT.email(), merge.getAuthorIdent().getEmailAddress());
    assertEquals(BOT.name(), merge.getCommitterIdent().getName());
  }

  @Test
  void fastForwardsWhenTheTaskBranchHasNothingOfItsOwn() throws Exception {
    prepare(TASK);
    String newMain = remote.commit("main", Map.of("src/model/User.java", "class User {}\n"), "user model");

    PrepareResult.Ready again = prepare(TASK);

    assertEquals(PrepareResult.BaseUpdate.FAST_FORWARD, again.baseUpdate());
    assertEquals(newMain, again.startCommit());
  }

  @Test
  void reportsABaseConflictAndLeavesTheWorkingCopyAsItWas() throws Exception {
    remote.commit(TASK.branch(), Map.of("README.md", "# demo, auth edition\n"), "auth readme");
    PrepareResult.Ready first = prepare(TASK);
    remote.commit("main", Map.of("README.md", "# demo, main edition\n"), "main readme");

    PrepareResult result = copies.prepare(REPO, remote.remote(), TASK, "main", BOT);

    var conflict = assertInstanceOf(PrepareResult.MergeConflict.class, result);
    assertEquals("main", conflict.branch());
    assertEquals(List.of("README.md"), conflict.paths());
    Path dir = first.copy().directory();
    assertEquals("# demo, auth edition\n", Files.readString(dir.resolve("README.md")), "no conflict markers");
    assertEquals(first.startCommit(), first.copy().taskBranchTip());
    try (Git git = Git.open(dir.toFile())) {
      assertTrue(git.status().call().isClean());
      assertEquals(RepositoryState.SAFE, git.getRepository().getRepositoryState());
    }
  }

  @Test
  void reportsAnUnknownBaseBranch() {
    var missing = assertInstanceOf(PrepareResult.BaseBranchMissing.class,
        copies.prepare(REPO, remote.remote(), TASK, "develop", BOT));
    assertEquals("develop", missing.baseBranch());
  }

  @Test
  void treatsABaseBranchNameThatIsNoRefNameAsMissing() {
    for (String base : List.of("../../../escape", "main..x", "")) {
      assertInstanceOf(PrepareResult.BaseBranchMissing.class, copies.prepare(REPO, remote.remote(), TASK, base, BOT), base);
    }
    assertFalse(Files.exists(tmp.resolve("data/workspaces")), "nothing was created");
  }

  @Test
  void reportsAnUnreachableRemoteWithoutRevealingTheToken() throws Exception {
    String token = "ghs_secretTokenValue123456";
    Remote unreachable = Remote.withToken("https://127.0.0.1:9/acme/shop.git", () -> token);

    var result = assertInstanceOf(PrepareResult.RemoteUnavailable.class,
        copies.prepare(REPO, unreachable, TASK, "main", BOT));

    assertFalse(result.reason().contains(token), result.reason());
    try (Stream<Path> files = Files.walk(tmp.resolve("data"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(token),
            "token written to " + file);
      }
    }
  }

  @Test
  void refusesARemoteUrlThatCarriesCredentials() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Remote.anonymous("https://x-access-token:ghs_abc@github.com/acme/shop.git"));
    assertFalse(e.getMessage().contains("ghs_abc"));
  }

  @Test
  void tenCopiesOfOneRepositoryBorrowTheMirrorsObjects() throws Exception {
    remote.commit("main", Map.of("assets/blob.bin", randomText(400_000)), "a big file");
    for (int i = 1; i <= 10; i++) {
      prepare(new TaskKey(7, "task-" + i));
    }
    long mirror = sizeOf(tmp.resolve("data/repos/acme/shop.git/objects"));
    for (int i = 1; i <= 10; i++) {
      long objects = sizeOf(tmp.resolve("data/workspaces/acme/shop/7-task-" + i + "/.git/objects"));
      assertTrue(objects * 20 < mirror, "copy " + i + " holds " + objects + " bytes of objects, mirror " + mirror);
    }
  }

  @Test
  void removeDeletesTheWorkingCopyAndKeepsTheMirror() throws Exception {
    PrepareResult.Ready ready = prepare(TASK);

    ready.copy().remove();

    assertFalse(Files.exists(ready.copy().directory()));
    assertTrue(copies.open(REPO, TASK).isEmpty());
    assertTrue(Files.isDirectory(tmp.resolve("data/repos/acme/shop.git")));
  }

  @Test
  void preparingAgainDiscardsLeftoversButKeepsLocalCommits() throws Exception {
    PrepareResult.Ready first = prepare(TASK);
    Path dir = first.copy().directory();
    Files.writeString(dir.resolve("src/auth/Token.java"), "class Token {}\n");
    first.copy().commitChanges(BOT, "auth: token");
    Files.writeString(dir.resolve("src/auth/Login.java"), "half-done\n");
    Files.writeString(dir.resolve("scratch.txt"), "left over\n");

    prepare(TASK);

    assertEquals("class Login {}\n", Files.readString(dir.resolve("src/auth/Login.java")));
    assertFalse(Files.exists(dir.resolve("scratch.txt")));
    assertTrue(Files.exists(dir.resolve("src/auth/Token.java")), "the committed work stays");
  }

  static RevCommit commitIn(Path dir, String id) throws IOException {
    try (Git git = Git.open(dir.toFile())) {
      return git.getRepository().parseCommit(ObjectId.fromString(id));
    }
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static String randomText(int length) {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }
}
