package dev.workstreams.adapter.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small shell scripts standing in for coding agents, and profiles that run them. */
public final class TestAgents {

  private final Path folder;

  public TestAgents(Path folder) {
    this.folder = folder;
  }

  /** Writes an executable {@code #!/bin/sh} script and returns its absolute path. */
  public String script(String name, String body) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file.toString();
  }

  public static AgentProfile profile(String command, Duration timeout) {
    return new AgentProfile("test", List.of(command), List.of(), timeout, Duration.ofSeconds(10), Map.of(), false);
  }

  /** Whether a process still runs; a zombie waiting for its parent to reap it does not. */
  public static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  public static long pid(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).strip());
  }
}
