package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cgroup per run, below the server's own, with {@code pids.max} and a memory limit; afterwards its
 * counters tell which limit a failed run hit ({@code memory.oom_control}'s or {@code memory.events}'
 * {@code oom_kill}, {@code pids.events}' {@code max}). The sandbox joins it before bubblewrap starts
 * (a shell writes its own pid into {@code cgroup.procs}, then execs), so nothing the agent forks runs
 * outside it. The file size limit stays an rlimit: cgroups have none.
 */
final class Cgroups implements ResourceControl {

  private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);

  /**
   * Sets the file size limit ({@code ulimit -f}, POSIX, in 512-byte blocks: no prlimit process to
   * start), joins every cgroup named before {@code --}, then becomes the command after it.
   */
  private static final String JOIN = "ulimit -f \"$1\" || exit 125; shift; "
      + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";

  enum Version { V1, V2 }

  private final Version version;
  private final Path pidsParent;
  private final Path memoryParent;
  /** For v2 both parents are the same folder. */
  Cgroups(Version version, Path pidsParent, Path memoryParent) {
    this.version = version;
    this.pidsParent = pidsParent;
    this.memoryParent = memoryParent;
  }

  @Override
  public LimitedRun open(String name, Limits limits) throws IOException {
    String dir = "workstreams-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<Path> made = new ArrayList<>();
    try {
      Path pids = make(pidsParent.resolve(dir), made);
      Path memory = version == Version.V1 ? make(memoryParent.resolve(dir), made) : pids;
      Files.writeString(pids.resolve("pids.max"), Integer.toString(limits.pids()));
      if (version == Version.V1) {
        Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
        // Swap counts too where the kernel accounts for it; without swap accounting the file is absent.
        writeIfPresent(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(limits.memoryBytes()));
      } else {
        Files.writeString(memory.resolve("memory.max"), Long.toString(limits.memoryBytes()));
        writeIfPresent(memory.resolve("memory.swap.max"), "0");
      }
      return new Run(pids, memory, limits, made);
    } catch (IOException | RuntimeException e) {
      remove(made);
      throw new IOException("cannot set up the cgroup " + dir + " for the run's limits: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean perRun() {
    return true;
  }

  @Override
  public String describe() {
    return "agent limits through a cgroup " + (version == Version.V1 ? "v1" : "v2") + " per run under " + pidsParent
        + (version == Version.V1 ? " and " + memoryParent : "") + " (memory, processes) and an rlimit (file size)";
  }

  private static Path make(Path dir, List<Path> made) throws IOException {
    Files.createDirectory(dir);
    made.add(dir);
    return dir;
  }

  private static void writeIfPresent(Path file, String value) {
    try {
      if (Files.exists(file)) {
        Files.writeString(file, value);
      }
    } catch (IOException e) {
      LOG.debug("cannot write {}: {}", file, e.toString());
    }
  }

  /** A counter line {@code name N} of a cgroup's flat key-value file. */
  static OptionalLong counter(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.strip().split(" ");
        if (parts.length == 2 && parts[0].equals(name)) {
          return OptionalLong.of(Long.parseLong(parts[1]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOG.debug("cannot read {} of {}: {}", name, file, e.toString());
    }
    return OptionalLong.empty();
  }

  /** Removes the run's cgroups; the kernel refuses while a killed process is still being reaped, so it tries a while. */
  private static void remove(List<Path> dirs) {
    for (Path dir : dirs) {
      for (int attempt = 0; ; attempt++) {
        try {
          Files.deleteIfExists(dir);
          break;
        } catch (IOException e) {
          if (attempt >= 40) {
            LOG.warn("cannot remove the cgroup {}: {}", dir, e.toString());
            break;
          }
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Run implements LimitedRun {
    private final Path pids;
    private final Path memory;
    private final Limits limits;
    private final List<Path> dirs;

    Run(Path pids, Path memory, Limits limits, List<Path> dirs) {
      this.pids = pids;
      this.memory = memory;
      this.limits = limits;
      this.dirs = List.copyOf(dirs);
    }

    @Override
    public List<String> prefix() {
      long blocks = (limits.fileSizeBytes() + 511) / 512;
      List<String> prefix = new ArrayList<>(List.of("/bin/sh", "-c", JOIN, "workstreams-cgroup", Long.toString(blocks)));
      dirs.forEach(d -> prefix.add(d.resolve("cgroup.procs").toString()));
      prefix.add("--");
      return prefix;
    }

    @Override
    public Optional<String> hit(int status) {
      if (status == 0) {
        return Optional.empty();
      }
      Path oom = memory.resolve(version == Version.V1 ? "memory.oom_control" : "memory.events");
      if (counter(oom, "oom_kill").orElse(0) > 0) {
        return Optional.of(limits.memoryHit());
      }
      if (counter(pids.resolve("pids.events"), "max").orElse(0) > 0) {
        return Optional.of(limits.pidsHit());
      }
      return Rlimits.fileSizeHit(status, limits);
    }

    @Override
    public void close() {
      remove(dirs);
    }
  }
}
