package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class OwnershipMatcherPropertiesTest {

  @Property(tries = 300)
  void agreesWithMatchingEveryGlobInTurn(
      @ForAll @Size(min = 1, max = 4) List<@Size(min = 1, max = 3) List<@From("globs") String>> globsByTask,
      @ForAll @Size(max = 2) List<@From("globs") String> shared,
      @ForAll @Size(max = 10) List<@From("paths") String> randomPaths,
      @ForAll Random random) {
    List<OwnedGlobs> tasks = new ArrayList<>();
    for (int t = 0; t < globsByTask.size(); t++) {
      tasks.add(new OwnedGlobs("t" + t, globsByTask.get(t)));
    }
    List<String> paths = new ArrayList<>(randomPaths);
    globsByTask.forEach(globs -> globs.forEach(glob -> paths.add(ReferenceGlob.samplePath(glob, random))));
    PlanGlobs plan = PlanGlobs.compile(tasks, shared);
    OwnershipMatcher matcher = OwnershipMatcher.compile(tasks, shared);
    PlanAutomaton oneByOne = PlanAutomaton.build(plan, 1);

    for (String path : paths) {
      Optional<String> owner = tasks.stream()
          .filter(task -> task.globs().stream().anyMatch(glob -> Glob.compile(glob).matches(path)))
          .map(OwnedGlobs::taskId)
          .findFirst();
      boolean isShared = shared.stream().anyMatch(glob -> Glob.compile(glob).matches(path));
      assertEquals(owner, matcher.ownerOf(path), path);
      assertEquals(isShared, matcher.isShared(path), path);
      assertEquals(owner, oneByOne.claims(path).firstOwner().stream().mapToObj(plan::taskId).findFirst(), path);
    }
    for (OwnedGlobs task : tasks) {
      List<Violation> expected = paths.stream()
          .distinct()
          .filter(path -> task.globs().stream().noneMatch(glob -> Glob.compile(glob).matches(path)))
          .filter(path -> !matcher.isShared(path))
          .map(path -> new Violation(path, matcher.ownerOf(path)))
          .toList();
      assertEquals(expected, matcher.violations(task.taskId(), paths));
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
