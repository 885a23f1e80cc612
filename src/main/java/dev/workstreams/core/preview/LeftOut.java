package dev.workstreams.core.preview;

import java.util.List;

/** A ready workstream the preview could not merge cleanly, and the paths where it conflicted. */
public record LeftOut(Tip tip, List<String> paths) {
  public LeftOut {
    paths = List.copyOf(paths);
  }
}
