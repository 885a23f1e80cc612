package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.agent.sandbox.Confinement;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one command, confined (sandbox and limits), to its end, its time limit or its cancellation,
 * then sweeps its process tree.
 */
final class SupervisedProcess {

  /** How one command ended. */
  sealed interface Ending {
    record Exited(int status) implements Ending {}

    record LimitHit(String limit, int status) implements Ending {}

    record TimedOut() implements Ending {}

    record Cancelled() implements Ending {}

    record FailedToStart(String reason) implements Ending {}
  }

  /** Confines one command, given the program it starts. */
  interface Confiner {
    Confinement confine(Path program) throws IOException;
  }

  private final ProgramPath programs;
  private final ProcessTree tree;

  SupervisedProcess(ProgramPath programs, ProcessTree tree) {
    this.programs = programs;
    this.tree = tree;
  }

  /**
   * Runs {@code command} in {@code directory} with exactly {@code env}, output appended to {@code
   * log}; {@code stdin} is written to it and closed (closed at once when empty).
   */
  Ending run(List<String> command, Path directory, Map<String, String> env, Path log,
      Optional<String> stdin, Duration limit, CancelHandle cancel, Confiner confiner) {
    if (cancel.isCancelled()) {
      return new Ending.Cancelled();
    }
    Optional<List<String>> argv = programs.resolve(command, env.getOrDefault("PATH", ""));
    if (argv.isEmpty()) {
      return new Ending.FailedToStart(command.get(0) + " is not an executable on PATH " + env.get("PATH"));
    }
    try (Confinement confinement = confiner.confine(Path.of(argv.get().get(0)))) {
      boolean session = !confinement.ownsItsProcesses() && programs.startsOwnSession();
      List<String> confined = confinement.command(argv.get());
      ProcessBuilder builder = new ProcessBuilder(session ? programs.inOwnSession(confined) : confined)
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      feed(process, stdin.orElse(""));
      Ending ending = await(process, limit, cancel);
      tree.kill(process.toHandle(), session);
      if (ending instanceof Ending.Exited exited) {
        return confinement.limitHit(exited.status()).<Ending>map(hit -> new Ending.LimitHit(hit, exited.status()))
            .orElse(ending);
      }
      return ending;
    } catch (IOException e) {
      return new Ending.FailedToStart(command.get(0) + ": " + e.getMessage());
    }
  }

  private static Ending await(Process process, Duration limit, CancelHandle cancel) {
    try {
      CompletableFuture.anyOf(process.onExit(), cancel.signal()).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Ending.TimedOut();
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for the agent process failed", e);
    } catch (InterruptedException e) {
      // The server is shutting down: the run counts as cancelled and its processes are killed.
      Thread.currentThread().interrupt();
      return new Ending.Cancelled();
    }
    return process.isAlive() ? new Ending.Cancelled() : new Ending.Exited(process.exitValue());
  }

  /**
   * Writes the prompt on a thread of its own: a prompt larger than the pipe's buffer would block
   * until the agent reads it, and an agent may never read it.
   */
  private static void feed(Process process, String input) {
    Thread writer = new Thread(() -> {
      try (OutputStream in = process.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The agent exited or closed its input without reading all of it: nothing to do.
      }
    }, "agent-stdin-" + process.pid());
    writer.setDaemon(true);
    writer.start();
  }
}
