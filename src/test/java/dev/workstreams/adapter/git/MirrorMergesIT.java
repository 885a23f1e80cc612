package dev.workstreams.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.PreviewBuild;
import dev.workstreams.core.preview.Tip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorMergesIT {

  static final BotIdentity BOT = BotIdentity.forApp("workstreams", 4242);
  static final RepositoryName REPO = new RepositoryName("acme", "shop");

  @TempDir Path tmp;
  BareRemote remote;
  MirrorMerges merges;
  String base;

  @BeforeEach
  void setUp() throws Exception {
    remote = BareRemote.create(tmp.resolve("github"));
    base = remote.commit("main", Map.of("package-lock.json", lockfile("1.0.0", "2.0.0"),
        "logo.png", "PNG\0\1\2\3 first"), "lockfile and logo");
    merges = new MirrorMerges(new WorkingCopies(tmp.resolve("data")));
  }

  @Test
  void twoBranchesEditingTheSameLinesOfASharedFileConflictThere() throws Exception {
    String a = remote.commit("workstreams/7-api", Map.of("package-lock.json", lockfile("1.1.0", "2.0.0")), "api deps");
    String b = remote.commit("workstreams/7-ui", Map.of("package-lock.json", lockfile("1.2.0", "2.0.0")), "ui deps");
    assertEquals(List.of("package-lock.json"), conflicts(a, b));
  }

  @Test
  void twoBranchesEditingDifferentFilesOrDifferentLinesDoNot() throws Exception {
    String a = remote.commit("workstreams/7-api", Map.of("src/app/Main.java", "class Main { int a; }\n"), "api");
    String b = remote.commit("workstreams/7-ui", Map.of("src/auth/Login.java", "class Login { int b; }\n"), "ui");
    String c = remote.commit("workstreams/7-docs", Map.of("package-lock.json", lockfile("1.0.0", "2.5.0")), "docs");
    String d = remote.commit("workstreams/7-ops", Map.of("package-lock.json", lockfile("1.3.0", "2.0.0")), "ops");
    assertEquals(List.of(), conflicts(a, b));
    assertEquals(List.of(), conflicts(c, d), "lines far apart in one file merge");
  }

  @Test
  void aRenameOnOneSideAndAnEditOnTheOtherMergeAsGitMergesThem() throws Exception {
    String guide = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\n";
    base = remote.commit("main", Map.of("docs/guide.md", guide), "longer guide");
    String renamed = remote.commit("workstreams/7-docs", Map.of("docs/guide.md", "", "docs/manual.md", guide), "rename");
    String edited = remote.commit("workstreams/7-api",
        Map.of("docs/guide.md", guide.replace("line 7", "line seven")), "edit");
    assertEquals(List.of(), conflicts(renamed, edited));

    String deleted = remote.commit("workstreams/7-ops", Map.of("docs/guide.md", ""), "delete");
    assertEquals(List.of("docs/guide.md"), conflicts(deleted, edited), "a deletion is no rename");
  }

  @Test
  void aBinaryFileChangedOnBothSidesConflictsAndTheSameChangeDoesNot() throws Exception {
    String a = remote.commit("workstreams/7-api", Map.of("logo.png", "PNG\0\1\2\3 api"), "api logo");
    String b = remote.commit("workstreams/7-ui", Map.of("logo.png", "PNG\0\1\2\3 ui"), "ui logo");
    String c = remote.commit("workstreams/7-docs", Map.of("logo.png", "PNG\0\1\2\3 ui", "docs/x.md", "x\n"), "same");
    assertEquals(List.of("logo.png"), conflicts(a, b));
    assertEquals(List.of(), conflicts(b, c));
  }

  @Test
  void aFileWhereTheOtherSideHasAFolderConflictsAndSoDoTwoFilesInPlaceOfOneFolder() throws Exception {
    base = remote.commit("main", Map.of("config/app.yml", "port: 1\n"), "config folder");
    String file = remote.commit("workstreams/7-api", Map.of("config/app.yml", "", "config", "port: 2\n"), "flat");
    String edit = remote.commit("workstreams/7-ui", Map.of("config/app.yml", "port: 3\n"), "edit");
    String other = remote.commit("workstreams/7-docs", Map.of("config/app.yml", "", "config", "port: 4\n"), "flat");
    String elsewhere = remote.commit("workstreams/7-ops", Map.of("ops/run.sh", "run\n"), "ops");
    // git names config/app.yml (modify/delete) and moves the file aside; JGit names the file in the way.
    assertEquals(List.of("config"), conflicts(file, edit));
    // JGit's merger gives up on this one (it takes the folder for the file's base); git says add/add.
    // The radar then names every path both sides changed.
    assertEquals(List.of("config", "config/app.yml"), conflicts(file, other));
    assertEquals(List.of(), conflicts(file, elsewhere));
  }

  @Test
  void radarMergesWriteNothingIntoTheMirror() throws Exception {
    String a = remote.commit("workstreams/7-api", Map.of("package-lock.json", lockfile("1.1.0", "2.0.0")), "api deps");
    String b = remote.commit("workstreams/7-ui", Map.of("package-lock.json", lockfile("1.0.0", "2.9.0")), "ui deps");
    merges.refresh(REPO, remote.remote());
    long before = looseObjects();
    assertEquals(List.of(), conflicts(a, b));
    assertEquals(before, looseObjects());
  }

  @Test
  void thePreviewMergesInOrderLeavesOutWhatConflictsAndIsForcePushed() throws Exception {
    String api = remote.commit("workstreams/7-api", Map.of("package-lock.json", lockfile("1.1.0", "2.0.0")), "api");
    String ui = remote.commit("workstreams/7-ui", Map.of("package-lock.json", lockfile("1.2.0", "2.0.0")), "ui");
    String docs = remote.commit("workstreams/7-docs", Map.of("docs/guide.md", "new guide\n"), "docs");
    Map<String, String> tips = merges.refresh(REPO, remote.remote());
    assertEquals(api, tips.get("workstreams/7-api"));
    List<Tip> order = List.of(new Tip("api", 11, 1, api), new Tip("docs", 13, 1, docs), new Tip("ui", 12, 2, ui));

    PreviewBuild build = merges.buildPreview(REPO, remote.remote(), BOT, "workstreams/7-preview", tips.get("main"),
        order, "Preview of plan #7");

    assertEquals(List.of("api", "docs"), build.merged().stream().map(Tip::taskId).toList());
    assertEquals("ui", build.leftOut().get(0).tip().taskId());
    assertEquals(List.of("package-lock.json"), build.leftOut().get(0).paths());
    assertEquals(build.commit(), remote.tip("workstreams/7-preview").orElseThrow());
    assertEquals(lockfile("1.1.0", "2.0.0"), remote.read("workstreams/7-preview", "package-lock.json").orElseThrow());
    assertEquals("new guide\n", remote.read("workstreams/7-preview", "docs/guide.md").orElseThrow());
    RevCommit tip = remote.log("workstreams/7-preview").get(0);
    assertEquals(BOT.email(), tip.getAuthorIdent().getEmailAddress());
    assertTrue(remote.isAncestor(docs, build.commit()) && remote.isAncestor(api, build.commit()));

    // Rebuilt from the base with fewer workstreams: the branch is replaced, not merged into.
    PreviewBuild again = merges.buildPreview(REPO, remote.remote(), BOT, "workstreams/7-preview", tips.get("main"),
        List.of(order.get(2)), "Preview of plan #7");
    assertEquals(again.commit(), remote.tip("workstreams/7-preview").orElseThrow());
    assertFalse(remote.isAncestor(api, again.commit()));

    merges.deleteBranch(REPO, remote.remote(), "workstreams/7-preview");
    assertTrue(remote.tip("workstreams/7-preview").isEmpty());
    merges.deleteBranch(REPO, remote.remote(), "workstreams/7-preview");
  }

  @Test
  void aWorkstreamLeftOutOfThePreviewLeavesNothingInTheMirror() throws Exception {
    String api = remote.commit("workstreams/7-api", Map.of("package-lock.json", lockfile("1.1.0", "2.0.0")), "api");
    String moved = remote.commit("main", Map.of("package-lock.json", lockfile("1.9.0", "2.0.0")), "base moved");
    merges.refresh(REPO, remote.remote());
    long before = looseObjects();
    PreviewBuild build = merges.buildPreview(REPO, remote.remote(), BOT, "workstreams/7-preview", moved,
        List.of(new Tip("api", 11, 1, api)), "Preview of plan #7");
    assertEquals(List.of("api"), build.leftOut().stream().map(left -> left.tip().taskId()).toList());
    assertEquals(before + 1, looseObjects(), "only the preview's own commit on the base");
  }

  private List<String> conflicts(String a, String b) throws Exception {
    merges.refresh(REPO, remote.remote());
    CommitPair pair = CommitPair.of(a, b);
    List<String> first = merges.conflicts(REPO, List.of(pair)).get(pair);
    assertEquals(first, merges.conflicts(REPO, List.of(pair)).get(pair), "remembered by commit pair");
    return first;
  }

  private long looseObjects() throws Exception {
    try (Stream<Path> files = Files.walk(tmp.resolve("data/repos/acme/shop.git/objects"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static String lockfile(String left, String right) {
    StringBuilder out = new StringBuilder("{\n  \"name\": \"shop\",\n  \"left\": \"" + left + "\",\n");
    for (int i = 0; i < 12; i++) {
      out.append("  \"pad").append(i).append("\": ").append(i).append(",\n");
    }
    return out.append("  \"right\": \"").append(right).append("\"\n}\n").toString();
  }
}
