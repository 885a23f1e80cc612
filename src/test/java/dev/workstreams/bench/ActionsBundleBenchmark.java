package dev.workstreams.bench;

import dev.workstreams.adapter.agent.TaskPublisher;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.BundleLimits;
import dev.workstreams.adapter.git.BundleResult;
import dev.workstreams.adapter.git.PrepareResult;
import dev.workstreams.adapter.git.PushOutcome;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.TaskKey;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.git.WorkingCopy;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The App's own work per finished Actions run, for {@code bench/actions-bundle.sh}: {@code java -cp …
 * dev.workstreams.bench.ActionsBundleBenchmark DATA_DIR SOURCE_GIT ROUNDS}. Per round, untimed: a
 * task's working copy prepared and pushed (as at dispatch), then a "runner" clone making 20 commits
 * that touch 200 files and bundling them (as {@code action/run-agent.sh} does). Timed: verifying
 * and applying the bundle ({@code WorkingCopy.applyBundle}) and publishing (ownership enforcement
 * under {@code block} and the push, {@code TaskPublisher}). Baseline in the same round: plain git
 * fetching the same bundle into a clone and pushing it, no checks. Prints {@code round <n> <app ms> <git ms>}.
 */
public final class ActionsBundleBenchmark {

  private ActionsBundleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path source = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    WorkingCopies copies = new WorkingCopies(data);
    BotIdentity bot = BotIdentity.forApp("workstreams", 1);
    RepositoryName repo = new RepositoryName("bench", "repo");
    Remote remote = Remote.anonymous(source.toUri().toString());
    for (int round = 1; round <= rounds; round++) {
      TaskKey task = new TaskKey(1, "task-" + round);
      PrepareResult prepared = copies.prepare(repo, remote, task, "main", bot);
      WorkingCopy copy = ((PrepareResult.Ready) prepared).copy();
      copy.push(remote, bot);
      String head = copy.taskBranchTip();
      Path bundle = runner(data.resolve("runner-" + round), source, task.branch(), head);
      Path baseline = data.resolve("baseline-" + round);
      long started;
      git(data, "clone", "--quiet", "--bare", source.toString(), baseline.toString());

      started = System.nanoTime();
      BundleResult applied = copy.applyBundle(bundle, head, BundleLimits.DEFAULT, bot);
      if (!(applied instanceof BundleResult.Applied a) || a.commits() != 20) {
        throw new IllegalStateException("round " + round + ": " + applied);
      }
      long verify = (System.nanoTime() - started) / 1_000_000;
      List<String> problems = new ArrayList<>();
      AgentAssignment assignment = new AgentAssignment(new RepositoryId(1, "bench", "repo"), 1, task.taskId(), "bench",
          "bench", "main", "", List.of("src/module0*/**", "src/module1*/**"), List.of(), Enforcement.BLOCK, List.of(), false,
          1);
      if (!new TaskPublisher(id -> remote).publish(assignment, copy, a.startCommit(), true, bot, problems)) {
        throw new IllegalStateException("round " + round + ": not pushed: " + problems);
      }
      long app = (System.nanoTime() - started) / 1_000_000;

      started = System.nanoTime();
      git(baseline, "fetch", "--quiet", bundle.toString(), "refs/heads/" + task.branch() + ":refs/heads/bench-" + round);
      git(baseline, "push", "--quiet", source.toString(), "refs/heads/bench-" + round + ":refs/heads/bench-" + round);
      long plain = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("round %d %d %d (verify + apply %d ms; %d paths left out)%n", round, app, plain,
          verify, problems.size());
    }
  }

  /** 20 commits of 10 files each (some outside the task's globs), bundled as the action does. */
  private static Path runner(Path checkout, Path source, String branch, String head) throws Exception {
    git(checkout.getParent(), "clone", "--quiet", "--depth", "1", "--branch", branch, "file://" + source, checkout.toString());
    for (int c = 0; c < 20; c++) {
      for (int f = 0; f < 10; f++) {
        int n = c * 10 + f;
        Path file = checkout.resolve(String.format("src/module%02d/pkg%02d/File%05d.java", n % 40, (n / 40) % 25, n));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "// changed by the agent, commit " + c + "\n" + "x".repeat(200) + "\n", StandardCharsets.UTF_8);
      }
      git(checkout, "add", "-A");
      git(checkout, "-c", "user.name=agent", "-c", "user.email=a@example.com", "commit", "--quiet", "-m", "agent " + c);
    }
    Path bundle = checkout.resolveSibling(checkout.getFileName() + ".bundle");
    git(checkout, "bundle", "create", "--quiet", bundle.toString(), "refs/heads/" + branch, "^" + head);
    return bundle;
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + ": " + out);
    }
  }
}
