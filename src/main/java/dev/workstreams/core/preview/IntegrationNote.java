package dev.workstreams.core.preview;

import dev.workstreams.core.text.BoundedMarkdown;
import dev.workstreams.core.text.GitHubText;
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
  private static final String PREVIEW = "**Preview** #";
  private static final java.util.regex.Pattern CI = java.util.regex.Pattern.compile(" CI on `([0-9a-z]{1,7})`: ([a-z_]+)\\.$",
      java.util.regex.Pattern.MULTILINE);
  private static final List<String> CONCLUSIONS = List.of("success", "failure", "neutral", "cancelled", "skipped",
      "timed_out", "action_required", "stale", "startup_failure");
  private static final List<String> FAILED = List.of("failure", "timed_out", "cancelled", "action_required",
      "startup_failure");

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
    return renderWith(conflicts, baseBranch, preview.map(IntegrationNote::previewLine));
  }

  /**
   * Both sections with the preview's line as shown before ({@link #previewLineIn}): the preview was not rebuilt,
   * only the conflicts are new.
   */
  public static String renderWith(List<Radar.PairConflict> conflicts, String baseBranch, Optional<String> previewLine) {
    if (conflicts.isEmpty() && previewLine.isEmpty()) {
      return "";
    }
    BoundedMarkdown out = new BoundedMarkdown(MAX_CHARS);
    List<String> lines = conflicts.stream().map(c -> "- " + side(c.left()) + " and "
        + c.right().map(IntegrationNote::side).orElse("the base " + InertText.code(baseBranch)) + ": "
        + ConflictComment.paths(c.paths()) + "\n").toList();
    out.items("**Conflicts** (merged in memory at the current heads; nothing was pushed)\n\n", lines,
        "- … and %d more\n", MAX_CHARS / 2);
    previewLine.ifPresent(line -> out.text((conflicts.isEmpty() ? "" : "\n") + line));
    return out.render();
  }

  /** The preview's line in a note this class rendered, if it has one. */
  public static Optional<String> previewLineIn(String note) {
    // At the start of a line: a conflicting path (shown inline, on its conflict's line) cannot pass for it.
    int at = note.startsWith(PREVIEW) ? 0 : note.indexOf("\n" + PREVIEW);
    at = at > 0 ? at + 1 : at;
    if (at < 0) {
      return Optional.empty();
    }
    int end = note.indexOf('\n', at);
    return Optional.of(note.substring(at, end < 0 ? note.length() : end + 1));
  }

  /**
   * The note with the preview's CI result on its head: a check suite of {@code conclusion} completed on {@code sha}.
   * A failure stays until the head changes (a later suite of the same head passing does not hide it); an unknown
   * conclusion is shown as {@code unknown}. Unchanged when the note shows no open preview.
   */
  public static String withCi(String note, String sha, String conclusion) {
    Optional<String> line = previewLineIn(note);
    if (line.isEmpty() || line.get().contains(": closed.")) {
      return note;
    }
    String shortSha = GitHubText.shortSha(sha);
    String result = CONCLUSIONS.contains(conclusion) ? conclusion : "unknown";
    java.util.regex.Matcher shown = CI.matcher(line.get());
    String bare = shown.find() ? line.get().substring(0, shown.start()) + "\n" : line.get();
    if (shown.reset().find() && shown.group(1).equals(shortSha) && FAILED.contains(shown.group(2))
        && !FAILED.contains(result)) {
      return note;
    }
    String updated = bare.stripTrailing() + " CI on `" + shortSha + "`: " + result + ".\n";
    return note.replace(line.get(), updated);
  }

  /** What the tracking comment says of an open preview pull request whose outcome it does not know. */
  public static String previewLine(int pullRequest) {
    return PREVIEW + pullRequest + " (never to be merged).\n";
  }

  public static String previewLine(PreviewState p) {
    if (p.closed()) {
      return PREVIEW + p.pullRequest() + ": closed.\n";
    }
    String merged = p.merged().isEmpty() ? "no workstream yet"
        : String.join(", ", p.merged().stream().map(t -> "`" + t.taskId() + "`").toList());
    String left = p.leftOut().isEmpty() ? ""
        : "; left out: " + String.join(", ", p.leftOut().stream().map(l -> "`" + l.tip().taskId() + "`").toList());
    return PREVIEW + p.pullRequest() + " (never to be merged): " + merged + left + ".\n";
  }

  private static String side(Tip tip) {
    return "`" + tip.taskId() + "` (#" + tip.pullRequest() + ")";
  }
}
