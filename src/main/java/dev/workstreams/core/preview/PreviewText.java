package dev.workstreams.core.preview;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import java.util.List;

/** The preview pull request's title and body. */
public final class PreviewText {

  private PreviewText() {}

  public static String title(int issue, int workstreams) {
    return "Preview: plan #" + issue + " with " + workstreams + (workstreams == 1 ? " workstream" : " workstreams");
  }

  public static String body(int issue, String baseBranch, String baseSha, List<Tip> merged, List<LeftOut> leftOut,
      String inputsKey) {
    List<String> mergedLines = merged.stream()
        .map(t -> "- `" + t.taskId() + "` #" + t.pullRequest() + " at " + InertText.code(t.sha()) + "\n").toList();
    List<String> leftLines = leftOut.stream()
        .map(l -> "- `" + l.tip().taskId() + "` #" + l.tip().pullRequest() + " at " + InertText.code(l.tip().sha())
            + ": conflicts at " + ConflictComment.paths(l.paths()) + "\n").toList();
    return BoundedMarkdown.comment()
        .text(Markers.preview(issue) + "\n" + PreviewInputs.line(inputsKey) + "\n")
        .text("**Never merge this pull request.** It previews plan #" + issue + ": its workstreams merged together "
            + "into " + InertText.code(baseBranch) + " (at " + InertText.code(GitHubText.shortSha(baseSha))
            + "), so that CI runs on the combination. Merge the workstreams' own pull requests, one by one, in merge "
            + "order.\n\n")
        .items("Merged, in merge order:\n\n", mergedLines, "- … and %d more\n", Integer.MAX_VALUE)
        .text(merged.isEmpty() ? "No workstream is ready yet.\n" : "")
        .items("\nLeft out (they do not merge cleanly on top of those above):\n\n", leftLines, "- … and %d more\n",
            Integer.MAX_VALUE)
        .text("\nThe App owns the branch of this pull request alone: it rebuilds it from the base and force-pushes it "
            + "whenever the set of ready workstreams changes, and closes this pull request when the plan is done.\n")
        .render();
  }
}
