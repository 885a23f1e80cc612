package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class GlobPropertiesTest {

  @Property(tries = 300)
  void matchesRandomPathsLikeTheReference(@ForAll("globs") String glob, @ForAll("paths") String path) {
    boolean expected = ReferenceGlob.matches(glob, path);
    Statistics.label("matches").collect(expected);
    assertEquals(expected, Glob.compile(glob).matches(path), () -> glob + " on " + path);
  }

  @Property(tries = 300)
  void matchesPathsMadeFromTheGlobLikeTheReference(@ForAll("globs") String glob, @ForAll Random random) {
    Glob compiled = Glob.compile(glob);
    for (int i = 0; i < 10; i++) {
      String path = ReferenceGlob.samplePath(glob, random);
      assertEquals(ReferenceGlob.matches(glob, path), compiled.matches(path), () -> glob + " on " + path);
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
