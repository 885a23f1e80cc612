package dev.workstreams.adapter.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What the shipped action uploads, read from the artifact's zip: {@code exit-status} (the agent's)
 * and, when the agent succeeded with commits, {@code agent.bundle}. The zip is the runner's: entries
 * are read by their exact names only (no path is ever made from one), at most {@link #MAX_ENTRIES}
 * of them, and each is bounded as it inflates, whatever sizes the zip claims.
 */
public record RunArtifact(OptionalInt exitStatus, Optional<Path> bundle) {

  public static final String EXIT_STATUS = "exit-status";
  public static final String BUNDLE = "agent.bundle";
  static final int MAX_ENTRIES = 64;
  private static final int MAX_STATUS_BYTES = 16;

  /** Reads {@code zip}; the bundle, if any, is written to {@code bundleTarget}. */
  public static RunArtifact read(Path zip, long maxBundleBytes, Path bundleTarget) throws IOException {
    OptionalInt status = OptionalInt.empty();
    boolean bundle = false;
    Set<String> seen = new HashSet<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      int entries = 0;
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new IOException("the artifact holds more than " + MAX_ENTRIES + " files");
        }
        String name = entry.getName();
        if ((name.equals(EXIT_STATUS) || name.equals(BUNDLE)) && !seen.add(name)) {
          throw new IOException("the artifact holds " + name + " twice");
        }
        if (name.equals(EXIT_STATUS)) {
          status = status(new String(bounded(in, MAX_STATUS_BYTES, name), StandardCharsets.US_ASCII));
        } else if (name.equals(BUNDLE)) {
          try (OutputStream out = Files.newOutputStream(bundleTarget)) {
            copy(in, out, maxBundleBytes, name);
          }
          bundle = true;
        }
      }
    }
    return new RunArtifact(status, bundle ? Optional.of(bundleTarget) : Optional.empty());
  }

  private static OptionalInt status(String text) {
    String trimmed = text.strip();
    if (!trimmed.matches("[0-9]{1,3}")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(trimmed));
  }

  private static byte[] bounded(InputStream in, int max, String name) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new IOException("the artifact's " + name + " is longer than " + max + " bytes");
    }
    return bytes;
  }

  private static void copy(InputStream in, OutputStream out, long max, String name) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > max) {
        throw new IOException("the artifact's " + name + " is longer than " + max + " bytes");
      }
      out.write(buffer, 0, n);
    }
  }
}
