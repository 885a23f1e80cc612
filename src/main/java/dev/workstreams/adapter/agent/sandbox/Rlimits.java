package dev.workstreams.adapter.agent.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Limits through {@code prlimit} (util-linux), for a server that may not create cgroups (the image's
 * uid 10001). Memory is {@code RLIMIT_DATA} rather than {@code RLIMIT_AS}: JVMs and V8 reserve far
 * more address space than they use, and would not start under an address-space cap. Per process,
 * not per run: a run's processes may together use more. {@code RLIMIT_NPROC} counts every process
 * of the user (the server's threads and other agents too) and does not apply to root at all.
 * Only the file size limit can be recognised afterwards: its signal, SIGXFSZ, ends a process with
 * status 153.
 */
final class Rlimits implements ResourceControl {

  static final int SIGXFSZ_STATUS = 128 + 25;

  private final Path prlimit;
  private final boolean root;

  Rlimits(Path prlimit, boolean root) {
    this.prlimit = prlimit;
    this.root = root;
  }

  static Optional<String> fileSizeHit(int status, Limits limits) {
    return status == SIGXFSZ_STATUS
        ? Optional.of(limits.fileSizeHit() + " (exit status " + status + ", SIGXFSZ)") : Optional.empty();
  }

  @Override
  public LimitedRun open(String name, Limits limits) {
    List<String> prefix = new ArrayList<>(List.of(prlimit.toString(),
        "--data=" + limits.memoryBytes() + ":" + limits.memoryBytes(),
        "--nproc=" + limits.pids() + ":" + limits.pids(),
        "--fsize=" + limits.fileSizeBytes() + ":" + limits.fileSizeBytes(), "--"));
    return new LimitedRun() {
      public List<String> prefix() {
        return prefix;
      }

      public Optional<String> hit(int status) {
        return fileSizeHit(status, limits);
      }

      public void close() {}
    };
  }

  @Override
  public String describe() {
    return "agent limits through rlimits (prlimit): memory per process (RLIMIT_DATA), file size; "
        + (root ? "NO process limit, since RLIMIT_NPROC does not bind root" : "processes per user (RLIMIT_NPROC), "
        + "shared with the server and other agents");
  }
}
