package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.git.ForcedDelete;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's private folder outside the working copy, {@code <DATA_DIR>/runs/<task>-<random>/}
 * (owner-only permissions): the prompt file and the agent's {@code HOME}, so that it sees none of
 * the server user's dotfiles. Deleted when the run ends.
 */
final class RunFolder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunFolder.class);

  private final Path root;

  private RunFolder(Path root) {
    this.root = root;
  }

  static RunFolder create(Path runsRoot, AgentTask task, String prompt) throws IOException {
    OwnerOnly.folder(runsRoot);
    Path root = Files.createTempDirectory(runsRoot, task.issue() + "-" + task.taskId() + "-");
    Files.createDirectory(root.resolve("home"));
    OwnerOnly.file(Files.writeString(root.resolve("prompt.md"), prompt, StandardCharsets.UTF_8));
    return new RunFolder(root);
  }

  Path promptFile() {
    return root.resolve("prompt.md");
  }

  Path home() {
    return root.resolve("home");
  }

  /**
   * Deletes the folder. Best effort: tools make read-only folders in HOME (Go's module cache), so
   * folders are made writable first, and what still resists is logged, never thrown, because the
   * run's result matters more than its leftovers.
   */
  @Override
  public void close() {
    try {
      ForcedDelete.tree(root);
    } catch (IOException e) {
      LOG.warn("could not delete the run folder {}: {}", root, e.toString());
    }
  }
}
