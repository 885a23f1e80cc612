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

  /** The program's absolute path and the arguments, or empty when the program is not found on {@code path}. */
  Optional<List<String>> resolve(List<String> command, String path) {
    return locate(command.get(0), path).map(program -> {
      List<String> argv = new ArrayList<>();
      argv.add(program.toString());
      argv.addAll(command.subList(1, command.size()));
      return argv;
    });
  }

  /** {@code argv} started as the leader of a session of its own, where setsid exists. */
  List<String> inOwnSession(List<String> argv) {
    if (!useSetsid) {
      return argv;
    }
    // --wait: should setsid have to fork (it does when already a group leader), it still reports
    // the command's exit status instead of its own.
    List<String> session = new ArrayList<>(List.of(SETSID.toString(), "--wait"));
    session.addAll(argv);
    return session;
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
