package dev.workstreams.core.preview;

import java.util.List;
import java.util.Optional;

/**
 * One workstream's conflict with another workstream ({@code other} present) or with the base
 * branch ({@code other} empty), at the two commits named: {@code ownSha} and {@code otherSha}.
 */
public record Conflict(Optional<Tip> other, String ownSha, String otherSha, List<String> paths) {

  public Conflict {
    paths = List.copyOf(paths);
  }

  public boolean withBase() {
    return other.isEmpty();
  }
}
