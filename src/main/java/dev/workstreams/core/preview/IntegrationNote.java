package dev.workstreams.core.preview;

import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.InertText;
import java.util.List;
import java.util.Optional;

/**
 * The tracking comment's "conflicts" and "preview" sections: kept with the plan so that every
 * rendering of the tracking comment, whichever event asks for it, shows them.
 */
public final class IntegrationNote {

  /** The sections take at most this much of the tracking comment. */
  public static final int MAX_CHARS = 8_000;

  private IntegrationNote() {}

  /** What the tracking comment says about the preview pull request. */
  public record PreviewState(int pullRequest, List<Tip> merged, List<LeftOut> leftOut, boolean closed) {
    public PreviewState {
      merged = List.copyOf(merged);
      leftOut = List.copyOf(leftOut);
    }
  }

  /** Both sections, or {@code ""} when there is nothing to say. */
  public static String render(List<Radar.PairConflict> conflicts, String baseBranch, Optional<PreviewState> preview) {
    if (conflicts.isEmpty() && preview.isEmpty()) {
      return "";
    }
    BoundedMarkdown out = new BoundedMarkdown(MAX_CHARS);
    List<String> lines = conflicts.stream().map(c -> "- " + side(c.left()) + " and "
        + c.right().map(IntegrationNote::side).orElse("the base " + InertText.code(baseBranch)) + ": "
        + ConflictComment.paths(c.paths()) + "\n").toList();
    out.items("**Conflicts** (merged in memory at the current heads; nothing was pushed)\n\n", lines,
        "- … and %d more\n", MAX_CHARS / 2);
    preview.ifPresent(p -> out.text((conflicts.isEmpty() ? "" : "\n") + previewLine(p)));
    return out.render();
  }

  static String previewLine(PreviewState p) {
    if (p.closed()) {
      return "**Preview** #" + p.pullRequest() + ": closed.\n";
    }
    String merged = p.merged().isEmpty() ? "no workstream yet"
        : String.join(", ", p.merged().stream().map(t -> "`" + t.taskId() + "`").toList());
    String left = p.leftOut().isEmpty() ? ""
        : "; left out: " + String.join(", ", p.leftOut().stream().map(l -> "`" + l.tip().taskId() + "`").toList());
    return "**Preview** #" + p.pullRequest() + " (never to be merged): " + merged + left + ".\n";
  }

  private static String side(Tip tip) {
    return "`" + tip.taskId() + "` (#" + tip.pullRequest() + ")";
  }
}
