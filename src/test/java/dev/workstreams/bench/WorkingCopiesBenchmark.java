package dev.workstreams.bench;

import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.PrepareResult;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.TaskKey;
import dev.workstreams.adapter.git.WorkingCopies;
import java.nio.file.Path;

/**
 * Makes working copies the way the app does, for {@code bench/working-copies.sh}:
 * {@code java -cp … dev.workstreams.bench.WorkingCopiesBenchmark DATA_DIR SOURCE_URL COUNT}.
 * Prints one line per copy ({@code copy <n> <ms>}); the first includes creating the mirror.
 */
public final class WorkingCopiesBenchmark {

  private WorkingCopiesBenchmark() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    Remote source = Remote.anonymous(args[1]);
    int count = Integer.parseInt(args[2]);
    WorkingCopies copies = new WorkingCopies(dataDir);
    BotIdentity bot = BotIdentity.forApp("workstreams", 1);
    RepositoryName repo = new RepositoryName("bench", "repo");
    long all = System.nanoTime();
    for (int i = 1; i <= count; i++) {
      long started = System.nanoTime();
      PrepareResult result = copies.prepare(repo, source, new TaskKey(1, "task-" + i), "main", bot);
      if (!(result instanceof PrepareResult.Ready)) {
        throw new IllegalStateException("copy " + i + ": " + result);
      }
      System.out.printf("copy %d %d%n", i, (System.nanoTime() - started) / 1_000_000);
    }
    System.out.printf("in-process %d%n", (System.nanoTime() - all) / 1_000_000);
  }
}
