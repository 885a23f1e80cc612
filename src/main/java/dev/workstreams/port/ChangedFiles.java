package dev.workstreams.port;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a pull request changes, as GitHub lists them. {@code complete} is false when GitHub's
 * listing stopped at its cap (3,000 files): files past it exist but were never seen, so whoever
 * judges the list must fail closed.
 */
public record ChangedFiles(List<ChangedFile> files, boolean complete) {

  public ChangedFiles {
    files = List.copyOf(files);
  }

  /** Every path touched, both paths of a rename included, each once, in listing order. */
  public List<String> paths() {
    Set<String> paths = new LinkedHashSet<>();
    files.forEach(file -> paths.addAll(file.paths()));
    return new ArrayList<>(paths);
  }
}
