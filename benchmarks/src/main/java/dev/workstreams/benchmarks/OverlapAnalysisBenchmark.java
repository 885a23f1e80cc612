package dev.workstreams.benchmarks;

import dev.workstreams.core.ownership.OverlapAnalysis;
import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.Overlap;
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
    int found = OverlapAnalysis.find(tasks, BenchmarkPlan.SHARED).size();
    if (found != EXPECTED_OVERLAPS) {
      throw new IllegalStateException("the plan should have " + EXPECTED_OVERLAPS + " overlaps, not " + found);
    }
  }

  @Benchmark
  public List<Overlap> find() {
    return OverlapAnalysis.find(tasks, BenchmarkPlan.SHARED);
  }

  /** Trying a 5,000-file tree against every glob: slower, and blind to overlaps no file shows yet. */
  @Benchmark
  public List<Overlap> findAmongFilesNioBaseline() {
    return baseline.overlapsAmong(files);
  }
}
