package dev.workstreams.port;

import java.util.List;

/** The file paths of a commit; {@code truncated} when GitHub cut the recursive listing short. */
public record RepositoryTree(List<String> paths, boolean truncated) {

  public RepositoryTree {
    paths = List.copyOf(paths);
  }
}
