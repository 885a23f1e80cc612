package dev.workstreams.cli;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.schedule.WorkDuration;
import dev.workstreams.core.simulate.PlanSimulation;
import dev.workstreams.core.simulate.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workstreams plan check FILE}: the verdict the App would give on an issue body, offline.
 * Exit status 0 valid, 1 invalid, 2 usage or unreadable input.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a plan issue (Markdown) and print its tasks, merge order, analysis and problems.",
      "Exit status: 0 valid, 1 invalid, 2 usage or unreadable input."
    })
public final class PlanCheckCommand implements Callable<Integer> {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int UNREADABLE = 2;
  private static final int MAX_INPUT_BYTES = 8 * 1024 * 1024;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the issue body in Markdown; - reads standard input")
  String file;

  @Option(names = "--tree", paramLabel = "PATHS_FILE", description = "a file listing the repository's paths, one per line")
  Path tree;

  @Option(names = "--repo", paramLabel = "DIR", description = "a git work tree whose tracked files are the repository's paths")
  Path repo;

  @Option(names = "--shared", paramLabel = "PATH", description = "a path any task may touch (repeatable), as in the repository config's `shared` list")
  List<String> shared = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
  OutputFormat format = OutputFormat.text;

  @Option(names = "--simulate", description = "print the expected wall time at review capacities 1 to 6 (JSON always carries it)")
  boolean simulate;

  @Option(names = "--review-time", paramLabel = "DURATION", description = "time one review takes, as the repository config's `review_time` (default 30m)")
  String reviewTime = RepoConfig.DEFAULT_REVIEW_TIME.toString();

  @Option(names = "--max-parallel", paramLabel = "N", description = "review capacity when the plan gives no `max_parallel` (default 4)")
  int maxParallel = RepoConfig.DEFAULTS.maxParallel();

  enum OutputFormat {
    text,
    json
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (tree != null && repo != null) {
      err.println("workstreams plan check: give --tree or --repo, not both");
      return UNREADABLE;
    }
    Optional<WorkDuration> review = WorkDuration.parse(reviewTime);
    if (review.isEmpty() || maxParallel < 1) {
      err.println("workstreams plan check: " + (review.isEmpty()
          ? "--review-time must be " + WorkDuration.expected() : "--max-parallel must be at least 1"));
      return UNREADABLE;
    }
    try {
      String body = readBody();
      PlanChecker checker = new PlanChecker();
      PlanReport report = checker.check(body, shared);
      List<String> paths = repositoryPaths();
      if (!paths.isEmpty() || tree != null || repo != null) {
        report = report.with(checker.checkTree(report.plan(), shared, paths));
      }
      Optional<Simulation> simulation = PlanSimulation.of(report, review.get(), maxParallel);
      out.print(format == OutputFormat.json
          ? new JsonReportWriter().write(report, simulation)
          : new TextReportWriter().write(report, simulate ? simulation : Optional.empty()));
      out.flush();
      return report.valid() ? VALID : INVALID;
    } catch (UnreadableInput e) {
      err.println("workstreams plan check: " + e.getMessage());
      return UNREADABLE;
    }
  }

  private String readBody() throws UnreadableInput {
    if (file.equals("-")) {
      return read(System.in, "standard input");
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new UnreadableInput(file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, file);
    } catch (IOException e) {
      throw new UnreadableInput(file + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private static String read(InputStream in, String name) throws UnreadableInput {
    try {
      byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
      if (bytes.length > MAX_INPUT_BYTES) {
        throw new UnreadableInput(name + " is larger than 8 MiB; an issue body is at most 64 KiB");
      }
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UnreadableInput(name + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UnreadableInput(name + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private List<String> repositoryPaths() throws UnreadableInput {
    if (tree != null) {
      if (!Files.isRegularFile(tree)) {
        throw new UnreadableInput(tree + ": no such file");
      }
      try (InputStream in = Files.newInputStream(tree)) {
        return read(in, tree.toString()).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      } catch (IOException e) {
        throw new UnreadableInput(tree + ": cannot read it (" + e.getMessage() + ")");
      }
    }
    if (repo != null) {
      return new TrackedFiles().of(repo);
    }
    return List.of();
  }
}
