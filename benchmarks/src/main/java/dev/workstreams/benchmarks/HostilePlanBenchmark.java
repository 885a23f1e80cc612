package dev.workstreams.benchmarks;

import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checking the issue bodies of issue 11, whole (block finding, YAML, validation, overlaps): a fence line of three
 * backticks, 65,000 spaces and one backtick; 1,000 tasks that all own {@code **}; a valid plan of 30 tasks with 25
 * globs each. Single shots: before the fixes one check of the first two took seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class HostilePlanBenchmark {

  @Param({"fenceOfSpaces", "thousandTasksOwningEverything", "thirtyTasksOfTwentyFiveGlobs"})
  public String body;

  private String issueBody;
  private final PlanChecker checker = new PlanChecker();

  @Setup
  public void setUp() {
    issueBody = switch (body) {
      case "fenceOfSpaces" -> "```" + " ".repeat(65_000) + "`\n";
      case "thousandTasksOwningEverything" -> tasks(1_000, 1, task -> glob -> "**");
      case "thirtyTasksOfTwentyFiveGlobs" -> tasks(30, 25, task -> glob -> "t" + task + "/dir" + glob + "/**");
      default -> throw new IllegalArgumentException(body);
    };
  }

  @Benchmark
  public PlanReport check() {
    return checker.check(issueBody, List.of());
  }

  private static String tasks(int count, int globs, java.util.function.IntFunction<java.util.function.IntFunction<String>> glob) {
    StringBuilder out = new StringBuilder("```plan\ntasks:\n");
    for (int t = 0; t < count; t++) {
      out.append("  - id: t").append(t).append("\n    title: Task ").append(t).append("\n    owns: [");
      for (int g = 0; g < globs; g++) {
        out.append(g == 0 ? "" : ", ").append('"').append(glob.apply(t).apply(g)).append('"');
      }
      out.append("]\n");
    }
    return out.append("```\n").toString();
  }
}
