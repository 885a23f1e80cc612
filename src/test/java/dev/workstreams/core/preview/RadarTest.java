package dev.workstreams.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RadarTest {

  private static final String BASE = "b000000000";
  private final Tip api = new Tip("api", 11, 1, "a111111111");
  private final Tip ui = new Tip("ui", 12, 2, "c222222222");
  private final Tip docs = new Tip("docs", 13, 2, "d333333333");

  @Test
  void triesEveryPairOnceAndEachWorkstreamWithTheBase() {
    List<CommitPair> pairs = Radar.pairs(List.of(ui, docs, api), BASE);
    assertEquals(6, pairs.size());
    assertTrue(pairs.contains(CommitPair.of(api.sha(), ui.sha())));
    assertTrue(pairs.contains(CommitPair.of(ui.sha(), api.sha())));
    assertTrue(pairs.contains(CommitPair.of(docs.sha(), BASE)));
  }

  @Test
  void neverMergesACommitWithItself() {
    Tip sameAsApi = new Tip("copy", 14, 3, api.sha());
    Tip atBase = new Tip("fresh", 15, 1, BASE);
    List<CommitPair> pairs = Radar.pairs(List.of(api, sameAsApi, atBase), BASE);
    // api-fresh and copy-fresh are the same merge; api-copy and fresh-base are none
    assertEquals(List.of(CommitPair.of(api.sha(), BASE)), pairs);
  }

  @Test
  void aPairIsTheSameWhicheverSideComesFirst() {
    assertEquals(CommitPair.of("x1", "y2"), CommitPair.of("y2", "x1"));
  }

  @Test
  void eachWorkstreamSeesItsConflictsInMergeOrderThenTheBase() {
    Map<CommitPair, List<String>> merges = Map.of(
        CommitPair.of(ui.sha(), api.sha()), List.of("package-lock.json"),
        CommitPair.of(ui.sha(), docs.sha()), List.of(),
        CommitPair.of(ui.sha(), BASE), List.of("README.md"));
    List<Conflict> ofUi = Radar.conflictsOf(ui, List.of(docs, ui, api), BASE, merges);
    assertEquals(2, ofUi.size());
    assertEquals(Optional.of(api), ofUi.get(0).other());
    assertEquals(List.of("package-lock.json"), ofUi.get(0).paths());
    assertTrue(ofUi.get(1).withBase());
    assertEquals(List.of("package-lock.json"), Radar.conflictsOf(api, List.of(docs, ui, api), BASE, merges).get(0).paths());
    assertEquals(List.of(), Radar.conflictsOf(docs, List.of(docs, ui, api), BASE, merges));
  }

  @Test
  void theTrackingCommentListsEachConflictingPairOnceAndTheBaseLast() {
    Map<CommitPair, List<String>> merges = Map.of(
        CommitPair.of(ui.sha(), api.sha()), List.of("package-lock.json"),
        CommitPair.of(docs.sha(), BASE), List.of("docs/index.md"));
    List<Radar.PairConflict> pairs = Radar.pairsInConflict(List.of(ui, docs, api), BASE, merges);
    assertEquals(2, pairs.size());
    assertEquals(api, pairs.get(0).left());
    assertEquals(Optional.of(ui), pairs.get(0).right());
    assertEquals(docs, pairs.get(1).left());
    assertTrue(pairs.get(1).right().isEmpty());
  }

  @Test
  void theCommentChangesWithTheHeadPairAndTheAllClearDoesNot() {
    Conflict before = new Conflict(Optional.of(api), ui.sha(), api.sha(), List.of("package-lock.json"));
    Tip apiPushed = new Tip("api", 11, 1, "a999999999");
    Conflict after = new Conflict(Optional.of(apiPushed), ui.sha(), apiPushed.sha(), List.of("package-lock.json"));
    String first = ConflictComment.text(ui, List.of(before), "main");
    assertTrue(first.contains("`api` (#11, at `a111111`): `package-lock.json`"), first);
    assertTrue(!first.equals(ConflictComment.text(ui, List.of(after), "main")));
    assertEquals(first, ConflictComment.text(ui, List.of(before), "main"));
    Tip uiPushed = new Tip("ui", 12, 2, "c888888888");
    assertEquals(ConflictComment.text(ui, List.of(), "main"), ConflictComment.text(uiPushed, List.of(), "main"));
    assertTrue(ConflictComment.text(ui, List.of(), "main").contains("gone"));
  }

  @Test
  void conflictingPathsAreInertAndBounded() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add("dir/f" + i + ".txt");
    }
    many.set(0, "<!-- workstreams:tracking --> @octocat");
    String text = ConflictComment.text(ui, List.of(new Conflict(Optional.empty(), ui.sha(), BASE, many)), "main");
    assertTrue(!text.contains("<!-- workstreams:tracking"), text);
    assertTrue(text.contains("and 5 more"), text);
    assertTrue(text.contains("the base branch `main`"), text);
  }
}
