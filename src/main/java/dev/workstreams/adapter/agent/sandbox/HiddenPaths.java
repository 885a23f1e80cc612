package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /**
   * What a server keeps from its agents: {@code DATA_DIR} and its user's home (SSH keys, tool
   * tokens) as folders, the App's key file and the agents file as files.
   */
  public static HiddenPaths ofServer(Path dataDir, Optional<Path> privateKeyFile, Optional<Path> agentsFile) {
    List<Path> folders = new ArrayList<>(List.of(dataDir));
    Path home = Path.of(System.getProperty("user.home", "/"));
    if (home.getNameCount() > 0) {
      folders.add(home);
    }
    List<Path> files = new ArrayList<>();
    privateKeyFile.ifPresent(files::add);
    agentsFile.ifPresent(files::add);
    return new HiddenPaths(folders, files);
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
