package dev.workstreams.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.schedule.WorkstreamState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewPolicyTest {

  private static final String BASE = "b000000000";
  private final Tip api = new Tip("api", 11, 1, "a111111111");
  private final Tip ui = new Tip("ui", 12, 2, "c222222222");

  @Test
  void onByDefaultForTwoOrMoreTasksAndNeverWithATaskNamedPreview() {
    assertFalse(PreviewPolicy.enabled(Optional.empty(), List.of("solo")));
    assertTrue(PreviewPolicy.enabled(Optional.empty(), List.of("a", "b")));
    assertTrue(PreviewPolicy.enabled(Optional.of(true), List.of("solo")));
    assertFalse(PreviewPolicy.enabled(Optional.of(false), List.of("a", "b")));
    assertFalse(PreviewPolicy.enabled(Optional.of(true), List.of("a", "preview")));
  }

  @Test
  void readyMeansPushedByAnAgentOrOpenForPeople() {
    assertTrue(PreviewPolicy.ready(WorkstreamState.PUSHED));
    assertTrue(PreviewPolicy.ready(WorkstreamState.OPEN));
    assertFalse(PreviewPolicy.ready(WorkstreamState.RUNNING));
    assertFalse(PreviewPolicy.ready(WorkstreamState.MERGED));
  }

  @Test
  void buildsWhenTheReadySetOrTheBaseChangedAndKeepsOtherwise() {
    String key = PreviewInputs.key(BASE, List.of(ui, api));
    assertEquals(BASE + ";api@" + api.sha() + ";ui@" + ui.sha(), key);
    Optional<PreviewPolicy.Existing> current =
        Optional.of(new PreviewPolicy.Existing(20, true, "x\n" + PreviewInputs.line(key) + "\ny"));
    assertEquals(new PreviewStep.Keep(), PreviewPolicy.decide(true, true, false, List.of(api, ui), BASE, current, true));
    assertEquals(new PreviewStep.Build(key), PreviewPolicy.decide(true, true, false, List.of(api, ui), BASE, current, false));
    assertEquals(new PreviewStep.Build(BASE + ";api@" + api.sha()),
        PreviewPolicy.decide(true, true, false, List.of(api), BASE, current, true));
    assertEquals(new PreviewStep.Build(PreviewInputs.key("b1", List.of(api, ui))),
        PreviewPolicy.decide(true, true, false, List.of(api, ui), "b1", current, true));
    assertEquals(new PreviewStep.Build(key), PreviewPolicy.decide(true, true, false, List.of(api, ui), BASE, Optional.empty(), false));
  }

  @Test
  void nothingToPreviewBeforeAnyWorkstreamIsReady() {
    assertEquals(new PreviewStep.Keep(), PreviewPolicy.decide(true, true, false, List.of(), BASE, Optional.empty(), false));
  }

  @Test
  void closesWhenThePlanIsDoneOrCancelledAndNeverOpensASecondOne() {
    Optional<PreviewPolicy.Existing> open = Optional.of(new PreviewPolicy.Existing(20, true, ""));
    Optional<PreviewPolicy.Existing> closed = Optional.of(new PreviewPolicy.Existing(20, false, ""));
    assertEquals(new PreviewStep.Close(20), PreviewPolicy.decide(true, true, true, List.of(), BASE, open, true));
    assertEquals(new PreviewStep.Close(20), PreviewPolicy.decide(true, false, false, List.of(api), BASE, open, true));
    assertEquals(new PreviewStep.DeleteBranch(), PreviewPolicy.decide(true, true, true, List.of(), BASE, closed, true));
    assertEquals(new PreviewStep.Keep(), PreviewPolicy.decide(true, true, true, List.of(), BASE, closed, false));
    assertEquals(new PreviewStep.Keep(), PreviewPolicy.decide(true, true, false, List.of(api), BASE, closed, true));
  }

  @Test
  void theBodyNamesEachMergedWorkstreamWithItsHeadAndWhatWasLeftOut() {
    String key = PreviewInputs.key(BASE, List.of(api, ui));
    Tip docs = new Tip("docs", 13, 2, "d333333333");
    String body = PreviewText.body(7, "main", BASE, List.of(api, ui), List.of(new LeftOut(docs, List.of("package-lock.json"))), key);
    assertTrue(body.startsWith(Markers.preview(7) + "\n"), body);
    assertEquals(Optional.of(key), PreviewInputs.of(body));
    assertTrue(body.contains("**Never merge this pull request.**"), body);
    assertTrue(body.contains("- `api` #11 at `" + api.sha() + "`"), body);
    assertTrue(body.contains("- `docs` #13 at `d333333333`: conflicts at `package-lock.json`"), body);
    assertTrue(body.contains("force-pushes"), body);
    assertEquals("Preview: plan #7 with 2 workstreams", PreviewText.title(7, 2));
    assertEquals("Preview: plan #7 with 1 workstream", PreviewText.title(7, 1));
  }

  @Test
  void aForgedOrMalformedInputsLineIsNotTaken() {
    assertEquals(Optional.empty(), PreviewInputs.of("<!-- workstreams:preview-inputs main;x@y;&lt;b&gt; -->"));
    assertEquals(Optional.empty(), PreviewInputs.of(null));
  }

  @Test
  void theTrackingSectionsListPairsAndThePreview() {
    Tip docs = new Tip("docs", 13, 2, "d333333333");
    String note = IntegrationNote.render(
        List.of(new Radar.PairConflict(api, Optional.of(ui), List.of("package-lock.json")),
            new Radar.PairConflict(docs, Optional.empty(), List.of("README.md"))),
        "main", Optional.of(new IntegrationNote.PreviewState(20, List.of(api), List.of(new LeftOut(ui, List.of("package-lock.json"))), false)));
    assertTrue(note.contains("- `api` (#11) and `ui` (#12): `package-lock.json`"), note);
    assertTrue(note.contains("- `docs` (#13) and the base `main`: `README.md`"), note);
    assertTrue(note.contains("**Preview** #20 (never to be merged): `api`; left out: `ui`."), note);
    assertEquals("", IntegrationNote.render(List.of(), "main", Optional.empty()));
  }

  @Test
  void theTrackingSectionShowsThePreviewsCiResultOnItsHeadAndAFailureStays() {
    String note = IntegrationNote.render(List.of(), "main",
        Optional.of(new IntegrationNote.PreviewState(20, List.of(api), List.of(), false)));
    String passed = IntegrationNote.withCi(note, "abcdef1234567", "success");
    assertTrue(passed.contains("`api`. CI on `abcdef1`: success.\n"), passed);
    String failed = IntegrationNote.withCi(passed, "abcdef1234567", "failure");
    assertTrue(failed.contains("`api`. CI on `abcdef1`: failure.\n"), failed);
    assertEquals(failed, IntegrationNote.withCi(failed, "abcdef1234567", "success"), "another suite passing hides no failure");
    assertTrue(IntegrationNote.withCi(failed, "0123456789", "success").contains("CI on `0123456`: success."));
    assertTrue(IntegrationNote.withCi(note, "abcdef1", "<b>").contains("CI on `abcdef1`: unknown."));
    String closed = IntegrationNote.render(List.of(), "main",
        Optional.of(new IntegrationNote.PreviewState(20, List.of(), List.of(), true)));
    assertEquals(closed, IntegrationNote.withCi(closed, "abcdef1", "success"));
    assertEquals("", IntegrationNote.withCi("", "abcdef1", "success"));
  }
}
