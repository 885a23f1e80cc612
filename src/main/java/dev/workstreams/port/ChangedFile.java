package dev.workstreams.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a pull request changes. A rename has the path it had before: ownership counts a rename
 * at both paths, since it removes a file from one place and adds it to another.
 */
public record ChangedFile(String path, Optional<String> previousPath) {

  public ChangedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(previousPath, "previousPath");
  }

  public static ChangedFile of(String path) {
    return new ChangedFile(path, Optional.empty());
  }

  public static ChangedFile renamed(String from, String to) {
    return new ChangedFile(to, Optional.of(from));
  }

  /** The path, then the previous path of a rename. */
  public List<String> paths() {
    return previousPath.map(before -> List.of(path, before)).orElse(List.of(path));
  }
}
