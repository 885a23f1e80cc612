package dev.workstreams.benchmarks;

import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.OwnershipMatcher;
import dev.workstreams.core.ownership.Violation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Checking one push of 3,000 changed files against the 50-task plan: what runs on every push of every pull request. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
public class OwnershipMatcherBenchmark {

  static final int CHANGED_FILES = 3_000;
  private static final int PUSHING_TASK = 7;
  // RunAutomaton's lookup table (a 64K-entry class map per automaton, 13 MB for the plan) instead of a binary search
  // of the character intervals: brics at its fastest.
  private static final boolean BRICS_TABLEIZE = true;

  private List<OwnedGlobs> tasks;
  private List<String> changedPaths;
  private String taskId;
  private OwnershipMatcher matcher;
  private NioGlobBaseline baseline;
  private BricsMatcherBaseline brics;

  @Setup
  public void setUp() {
    tasks = BenchmarkPlan.tasks();
    changedPaths = BenchmarkPlan.changedPaths(PUSHING_TASK, CHANGED_FILES);
    taskId = BenchmarkPlan.taskId(PUSHING_TASK);
    matcher = OwnershipMatcher.compile(tasks, BenchmarkPlan.SHARED);
    baseline = new NioGlobBaseline(tasks, BenchmarkPlan.SHARED);
    List<Violation> ours = matcher.violations(taskId, changedPaths);
    if (!ours.equals(baseline.violations(taskId, changedPaths))
        || !ours.equals(baseline.violationsTryingEveryGlob(taskId, changedPaths))) {
      throw new IllegalStateException("the baseline and the matcher disagree; the comparison would be meaningless");
    }
    brics = compileBricsBaseline();
    for (OwnedGlobs task : tasks) { // the push as if each task had made it: every path's owner is compared
      if (!matcher.violations(task.taskId(), changedPaths).equals(brics.violations(task.taskId(), changedPaths))) {
        throw new IllegalStateException(
            "the brics baseline and the matcher disagree for " + task.taskId() + "; the comparison would be meaningless");
      }
    }
  }

  /** Compiling the plan's 500 globs into one automaton: once per plan. */
  @Benchmark
  public OwnershipMatcher compile() {
    return OwnershipMatcher.compile(tasks, BenchmarkPlan.SHARED);
  }

  /** The same 500 globs as 51 deterministic brics automata (one per task, one for the shared paths), tableized. */
  @Benchmark
  public BricsMatcherBaseline compileBricsBaseline() {
    return BricsMatcherBaseline.compile(tasks, BenchmarkPlan.SHARED, BRICS_TABLEIZE);
  }

  @Benchmark
  public List<Violation> violations() {
    return matcher.violations(taskId, changedPaths);
  }

  /** dk.brics, as issue 2 proposed: the task's and the shared automaton, then the other tasks' until one owns it. */
  @Benchmark
  public List<Violation> violationsBricsBaseline() {
    return brics.violations(taskId, changedPaths);
  }

  /** java.nio matchers, stopping at the first matching glob of each task, as one would write it. */
  @Benchmark
  public List<Violation> violationsNioBaseline() {
    return baseline.violations(taskId, changedPaths);
  }

  /** java.nio matchers, every path against every glob: the baseline of the design brief. */
  @Benchmark
  public List<Violation> violationsNioEveryGlob() {
    return baseline.violationsTryingEveryGlob(taskId, changedPaths);
  }
}
