package dev.workstreams.adapter.agent;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run's log, {@code <DATA_DIR>/logs/<owner>/<repo>/<issue>-<task>/<UTC time>.log}. The
 * processes write to it directly (not through a pipe the server reads), so a grandchild that keeps
 * the output open can never hang the server.
 */
final class RunLog {

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int TAIL_BYTES = 64 * 1024;
  private static final int LINE_CHARS = 500;

  private final Path file;

  private RunLog(Path file) {
    this.file = file;
  }

  static RunLog create(Path logsRoot, AgentTask task, Clock clock) throws IOException {
    Path dir = logsRoot.resolve(task.owner()).resolve(task.repository()).resolve(task.issue() + "-" + task.taskId());
    OwnerOnly.folders(logsRoot, dir);
    String stamp = NAME.format(clock.instant());
    for (int n = 1; ; n++) {
      Path candidate = dir.resolve(n == 1 ? stamp + ".log" : stamp + "-" + n + ".log");
      try {
        return new RunLog(OwnerOnly.file(Files.createFile(candidate)));
      } catch (FileAlreadyExistsException e) {
        // A retry within the same second: take the next name.
      }
    }
  }

  Path path() {
    return file;
  }

  /** A line of the app's own between the processes' output. */
  void note(String line) throws IOException {
    Files.writeString(file, "== workstreams: " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Rewrites the log with every secret blanked out; run once all processes are gone. */
  void redact(Redactor redactor) throws IOException {
    Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        BufferedWriter out = Files.newBufferedWriter(rewritten, StandardCharsets.ISO_8859_1)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(redactor.redactBytes(line));
        out.write('\n');
      }
    }
    OwnerOnly.file(rewritten);
    Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The last {@code count} lines, each cut at {@value #LINE_CHARS} characters. */
  List<String> tail(int count) throws IOException {
    byte[] bytes;
    boolean fromStart;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - TAIL_BYTES);
      bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      fromStart = start == 0;
    }
    List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    if (!fromStart && !lines.isEmpty()) {
      lines.remove(0);
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
        .map(line -> line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + " …" : line)
        .toList();
  }
}
