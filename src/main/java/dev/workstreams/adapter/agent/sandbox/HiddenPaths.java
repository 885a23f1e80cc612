package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What of the server an agent must not see, wherever it lies: folders (the server's {@code
 * DATA_DIR}, its user's home) are covered with an empty tmpfs, files (the App's key, the agents
 * file) with {@code /dev/null}. Paths are made absolute and real here, because {@code DATA_DIR} may
 * be {@code ./data} and bubblewrap mounts over the path it is given.
 */
public record HiddenPaths(List<Path> folders, List<Path> files) {

  public HiddenPaths {
    folders = folders.stream().map(HiddenPaths::real).distinct().toList();
    files = files.stream().map(HiddenPaths::real).distinct().toList();
  }

  public static HiddenPaths of(List<Path> folders, List<Path> files) {
    return new HiddenPaths(folders, files);
  }

  HiddenPaths plusFiles(List<Path> more) {
    return new HiddenPaths(folders, Stream.concat(files.stream(), more.stream()).toList());
  }

  static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}
