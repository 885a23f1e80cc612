package dev.workstreams.adapter.agent.sandbox;

/**
 * What one agent run may use: memory (resident, swap included where the kernel can count it), processes
 * (threads included) and the size of any one file it writes.
 */
public record Limits(long memoryBytes, int pids, long fileSizeBytes) {

  /** Room for a JVM or Node build beside the agent; low enough that a runaway run cannot take the host. */
  public static final Limits DEFAULT = new Limits(4L << 30, 1024, 1L << 30);

  public Limits {
    if (memoryBytes <= 0 || pids <= 0 || fileSizeBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive: " + memoryBytes + ", " + pids + ", " + fileSizeBytes);
    }
  }

  public Limits withMemory(long bytes) {
    return new Limits(bytes, pids, fileSizeBytes);
  }

  public Limits withPids(int count) {
    return new Limits(memoryBytes, count, fileSizeBytes);
  }

  public Limits withFileSize(long bytes) {
    return new Limits(memoryBytes, pids, bytes);
  }

  /** The words for a run that hit the memory limit, e.g. "hit the memory limit of 4g". */
  public String memoryHit() {
    return "hit the memory limit of " + ByteSize.format(memoryBytes);
  }

  public String pidsHit() {
    return "hit the process limit of " + pids;
  }

  public String fileSizeHit() {
    return "hit the file size limit of " + ByteSize.format(fileSizeBytes);
  }

  @Override
  public String toString() {
    return "{memory: " + ByteSize.format(memoryBytes) + ", pids: " + pids + ", file_size: " + ByteSize.format(fileSizeBytes) + "}";
  }
}
