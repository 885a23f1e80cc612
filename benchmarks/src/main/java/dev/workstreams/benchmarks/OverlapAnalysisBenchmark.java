package dev.workstreams.benchmarks;

import static java.util.stream.Collectors.toSet;

import dev.workstreams.core.ownership.Glob;
import dev.workstreams.core.ownership.OverlapAnalysis;
import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.Overlap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

/** Validating the 50-task plan's ownership: compiling its 500 globs and finding every overlap with an example path. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
public class OverlapAnalysisBenchmark {

  static final int FILES_PER_TASK = 100;
  private static final int EXPECTED_OVERLAPS = 5;

  private List<OwnedGlobs> tasks;
  private List<String> files;
  private NioGlobBaseline baseline;

  @Setup
  public void setUp() {
    tasks = BenchmarkPlan.tasks();
    files = BenchmarkPlan.repositoryFiles(FILES_PER_TASK);
    baseline = new NioGlobBaseline(tasks, BenchmarkPlan.SHARED);
    List<Overlap> ours = OverlapAnalysis.find(tasks, BenchmarkPlan.SHARED);
    if (ours.size() != EXPECTED_OVERLAPS) {
      throw new IllegalStateException("the plan should have " + EXPECTED_OVERLAPS + " overlaps, not " + ours.size());
    }
    checkBricsAgrees(ours, BricsOverlapBaseline.find(tasks, BenchmarkPlan.SHARED));
  }

  @Benchmark
  public List<Overlap> find() {
    return OverlapAnalysis.find(tasks, BenchmarkPlan.SHARED);
  }

  /** dk.brics, as issue 2 proposed: task unions intersected pairwise minus the shared paths, then glob pairs. */
  @Benchmark
  public List<Overlap> findBricsBaseline() {
    return BricsOverlapBaseline.find(tasks, BenchmarkPlan.SHARED);
  }

  /** Trying a 5,000-file tree against every glob: slower, and blind to overlaps no file shows yet. */
  @Benchmark
  public List<Overlap> findAmongFilesNioBaseline() {
    return baseline.overlapsAmong(files);
  }

  /**
   * The brics baseline must find the same overlapping pairs of tasks, and of globs, as the app, with examples both
   * globs match and no shared glob does; otherwise the two would not be doing the same work.
   */
  private static void checkBricsAgrees(List<Overlap> ours, List<Overlap> brics) {
    Function<Overlap, List<String>> taskPair = overlap -> List.of(overlap.taskA(), overlap.taskB());
    Function<Overlap, List<String>> globPair =
        overlap -> List.of(overlap.taskA(), overlap.globA(), overlap.taskB(), overlap.globB());
    if (!ours.stream().map(taskPair).collect(toSet()).equals(brics.stream().map(taskPair).collect(toSet()))
        || !ours.stream().map(globPair).toList().equals(brics.stream().map(globPair).toList())) {
      throw new IllegalStateException(
          "the brics baseline finds other overlaps than the app (" + brics + " vs " + ours + "); the comparison would"
              + " be meaningless");
    }
    for (Overlap overlap : brics) {
      String example = overlap.examplePath();
      if (!Glob.compile(overlap.globA()).matches(example)
          || !Glob.compile(overlap.globB()).matches(example)
          || BenchmarkPlan.SHARED.stream().anyMatch(shared -> Glob.compile(shared).matches(example))) {
        throw new IllegalStateException("the brics example " + example + " is not an overlap of " + overlap);
      }
    }
  }
}
