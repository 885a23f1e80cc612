package dev.workstreams.adapter.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a profile's command into the argument list to start. The program is looked up on the
 * agent's own {@code PATH} here, because {@link ProcessBuilder} would use the server's. When
 * {@code /usr/bin/setsid} exists (util-linux, on every mainstream Linux) the command is started
 * through it, so that the agent leads a session of its own and {@link ProcessTree} can find every
 * process it started; without it (macOS) only descendants are killed.
 */
final class ProgramPath {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final boolean useSetsid;

  ProgramPath() {
    this(Files.isExecutable(SETSID));
  }

  ProgramPath(boolean useSetsid) {
    this.useSetsid = useSetsid;
  }

  boolean startsOwnSession() {
    return useSetsid;
  }

  /** The argument list to start, or empty when the program is not found on {@code path}. */
  Optional<List<String>> resolve(List<String> command, String path) {
    Optional<Path> program = locate(command.get(0), path);
    if (program.isEmpty()) {
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>();
    if (useSetsid) {
      // --wait: should setsid have to fork (it does when already a group leader), it still
      // reports the agent's exit status instead of its own.
      argv.add(SETSID.toString());
      argv.add("--wait");
    }
    argv.add(program.get().toString());
    argv.addAll(command.subList(1, command.size()));
    return Optional.of(argv);
  }

  private static Optional<Path> locate(String program, String path) {
    if (program.startsWith("/")) {
      return Optional.of(Path.of(program)).filter(Files::isExecutable);
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir).resolve(program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
