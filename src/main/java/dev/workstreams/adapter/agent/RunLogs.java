package dev.workstreams.adapter.agent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run logs {@link RunLog} writes, read back for people: which runs a task had, and a run's lines
 * from a given line on, each redacted (a running agent's log is only rewritten redacted when it ends).
 * Names come from {@link AgentTask}, which refuses anything that could leave the logs folder.
 */
public final class RunLogs {

  private static final Pattern RUN_NAME = Pattern.compile("\\d{8}T\\d{6}Z(-\\d+)?\\.log");
  /** Longest line handed out; the rest is cut, as in the pull request comments. */
  private static final int LINE_CHARS = 2000;

  private final Path logsRoot;

  public RunLogs(Path dataDir) {
    this.logsRoot = dataDir.resolve("logs");
  }

  /** The task's runs, oldest first, by file name ({@code 20261205T174500Z.log}). */
  public List<String> runs(AgentTask task) {
    Path dir = folder(task);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> RUN_NAME.matcher(n).matches()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A run's log file, when the name is one of the task's runs. */
  public Optional<Path> run(AgentTask task, String name) {
    return RUN_NAME.matcher(name).matches() && runs(task).contains(name)
        ? Optional.of(folder(task).resolve(name)) : Optional.empty();
  }

  private Path folder(AgentTask task) {
    return logsRoot.resolve(task.owner()).resolve(task.repository()).resolve(task.issue() + "-" + task.taskId());
  }

  /**
   * Follows one log file: each {@link #read} returns the complete lines written since the last one.
   * The run's end rewrites the file (redacted) under the same name; a new file is noticed by its
   * file key and read again from the start, skipping the lines already handed out.
   */
  public static final class Follower {
    private final Path file;
    private final Redactor redactor;
    private long offset;
    private int linesSent;
    private Object fileKey;
    private int toSkip;

    /** @param alreadySeen lines the reader has (an SSE reconnect's {@code Last-Event-ID}) */
    public Follower(Path file, Redactor redactor, int alreadySeen) {
      this.file = file;
      this.redactor = redactor;
      this.linesSent = Math.max(0, alreadySeen);
    }

    /** Number of the next line to be read (0-based): the SSE event id of the last line sent, plus one. */
    public int nextLine() {
      return linesSent;
    }

    public List<String> read() throws IOException {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      if (fileKey == null || (key != null && !key.equals(fileKey))) {
        fileKey = key;
        restart();
      }
      List<String> lines = new ArrayList<>();
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
        long length = raf.length();
        if (length < offset) {
          restart();
        }
        if (length == offset) {
          return lines;
        }
        raf.seek(offset);
        byte[] bytes = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
        raf.readFully(bytes);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
          if (bytes[i] == '\n') {
            if (toSkip > 0) {
              toSkip--;
            } else {
              String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
              lines.add(redactor.redact(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + " …" : line));
            }
            start = i + 1;
          }
        }
        offset += start;
      }
      linesSent += lines.size();
      return lines;
    }

    // From the start of the file, skipping the lines the reader already has.
    private void restart() {
      offset = 0;
      toSkip = linesSent;
    }
  }
}
