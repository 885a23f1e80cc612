package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

class OverlapPropertiesTest {

  @Property(tries = 300)
  void everyPathBothTasksCouldOwnIsReported(
      @ForAll @Size(min = 1, max = 3) List<@From("globs") String> globsA,
      @ForAll @Size(min = 1, max = 3) List<@From("globs") String> globsB,
      @ForAll @Size(max = 2) List<@From("globs") String> shared,
      @ForAll @Size(max = 10) List<@From("paths") String> randomPaths,
      @ForAll Random random) {
    List<Overlap> overlaps =
        OverlapAnalysis.find(List.of(new OwnedGlobs("a", globsA), new OwnedGlobs("b", globsB)), shared);
    Statistics.label("overlaps").collect(overlaps.size());

    List<String> paths = new ArrayList<>(randomPaths);
    for (String glob : globsA) {
      paths.add(ReferenceGlob.samplePath(glob, random));
    }
    for (String path : paths) {
      if (!ReferenceGlob.isRealPath(path) || shared.stream().anyMatch(s -> ReferenceGlob.matches(s, path))) {
        continue;
      }
      for (String globA : globsA) {
        for (String globB : globsB) {
          if (ReferenceGlob.matches(globA, path) && ReferenceGlob.matches(globB, path)) {
            assertTrue(
                overlaps.stream().anyMatch(o -> o.globA().equals(globA) && o.globB().equals(globB)),
                () -> globA + " and " + globB + " both match " + path + " but " + overlaps);
          }
        }
      }
    }
  }

  @Property(tries = 300)
  void examplesMatchBothGlobsAndNoSharedOne(
      @ForAll @Size(min = 1, max = 3) List<@From("globs") String> globsA,
      @ForAll @Size(min = 1, max = 3) List<@From("globs") String> globsB,
      @ForAll @Size(max = 2) List<@From("globs") String> shared) {
    for (Overlap overlap : OverlapAnalysis.find(
        List.of(new OwnedGlobs("a", globsA), new OwnedGlobs("b", globsB)), shared)) {
      String example = overlap.examplePath();
      assertTrue(ReferenceGlob.isRealPath(example), example);
      assertTrue(Glob.compile(overlap.globA()).matches(example), () -> overlap.toString());
      assertTrue(Glob.compile(overlap.globB()).matches(example), () -> overlap.toString());
      assertTrue(shared.stream().noneMatch(s -> Glob.compile(s).matches(example)), () -> overlap + " " + shared);
    }
  }

  @Property(tries = 300)
  void reportsExactlyThePairsWhoseLanguagesIntersect(
      @ForAll @Size(min = 1, max = 2) List<@From("globs") String> globsA,
      @ForAll @Size(min = 1, max = 2) List<@From("globs") String> globsB,
      @ForAll @Size(max = 2) List<@From("globs") String> shared) {
    List<Overlap> overlaps =
        OverlapAnalysis.find(List.of(new OwnedGlobs("a", globsA), new OwnedGlobs("b", globsB)), shared);
    Automaton allowed = BricsLanguage.realPaths().minus(BricsLanguage.ofAny(shared));
    for (String globA : globsA.stream().distinct().toList()) {
      for (String globB : globsB.stream().distinct().toList()) {
        Automaton common = BricsLanguage.of(globA).intersection(BricsLanguage.of(globB)).intersection(allowed);
        long reported = overlaps.stream().filter(o -> o.globA().equals(globA) && o.globB().equals(globB)).count();
        assertEquals(common.isEmpty() ? 0 : 1, reported, () -> globA + " vs " + globB + " sharing " + shared);
      }
    }
  }

  @Provide
  Arbitrary<String> globs() {
    return GlobArbitraries.globs();
  }

  @Provide
  Arbitrary<String> paths() {
    return GlobArbitraries.paths();
  }
}
