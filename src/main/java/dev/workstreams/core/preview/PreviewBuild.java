package dev.workstreams.core.preview;

import java.util.List;

/** What a preview branch was built into: its commit, the workstreams merged and those left out. */
public record PreviewBuild(String commit, List<Tip> merged, List<LeftOut> leftOut) {
  public PreviewBuild {
    merged = List.copyOf(merged);
    leftOut = List.copyOf(leftOut);
  }
}
