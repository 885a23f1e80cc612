package dev.workstreams.benchmarks;

import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.Overlap;
import dev.workstreams.core.ownership.Violation;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The obvious implementation to measure against: one java.nio {@link PathMatcher} per glob, each path tried against
 * the globs one after the other.
 */
final class NioGlobBaseline {

  private final List<OwnedGlobs> tasks;
  private final List<List<PathMatcher>> matchersByTask = new ArrayList<>();
  private final List<PathMatcher> shared;

  NioGlobBaseline(List<OwnedGlobs> tasks, List<String> shared) {
    this.tasks = tasks;
    for (OwnedGlobs task : tasks) {
      matchersByTask.add(task.globs().stream().map(NioGlobBaseline::matcher).toList());
    }
    this.shared = shared.stream().map(NioGlobBaseline::matcher).toList();
  }

  /** The same answer as {@code OwnershipMatcher.violations}. */
  List<Violation> violations(String taskId, Collection<String> changedPaths) {
    List<PathMatcher> own = matchersByTask.get(indexOf(taskId));
    List<Violation> violations = new ArrayList<>();
    for (String changed : new LinkedHashSet<>(changedPaths)) {
      Path path = Path.of(changed);
      if (!anyMatches(own, path) && !anyMatches(shared, path)) {
        Optional<String> owner = Optional.empty();
        for (int task = 0; task < tasks.size() && owner.isEmpty(); task++) {
          if (anyMatches(matchersByTask.get(task), path)) {
            owner = Optional.of(tasks.get(task).taskId());
          }
        }
        violations.add(new Violation(changed, owner));
      }
    }
    return violations;
  }

  /**
   * The same answer again, the most literal way: every path tried against every glob of every task, then the owners
   * read off the matches.
   */
  List<Violation> violationsTryingEveryGlob(String taskId, Collection<String> changedPaths) {
    int own = indexOf(taskId);
    List<Violation> violations = new ArrayList<>();
    for (String changed : new LinkedHashSet<>(changedPaths)) {
      Path path = Path.of(changed);
      boolean[] owners = new boolean[tasks.size()];
      for (int task = 0; task < tasks.size(); task++) {
        for (PathMatcher matcher : matchersByTask.get(task)) {
          owners[task] |= matcher.matches(path);
        }
      }
      boolean isShared = false;
      for (PathMatcher matcher : shared) {
        isShared |= matcher.matches(path);
      }
      if (!owners[own] && !isShared) {
        Optional<String> owner = Optional.empty();
        for (int task = tasks.size() - 1; task >= 0; task--) {
          owner = owners[task] ? Optional.of(tasks.get(task).taskId()) : owner;
        }
        violations.add(new Violation(changed, owner));
      }
    }
    return violations;
  }

  /**
   * Overlaps as a file list shows them: pairs of globs of two tasks that both match an existing, not shared file. It
   * misses every overlap the repository has no file for yet, which is why the app reasons on the globs instead.
   */
  List<Overlap> overlapsAmong(Collection<String> files) {
    Map<String, Overlap> overlaps = new LinkedHashMap<>();
    for (String file : files) {
      Path path = Path.of(file);
      if (anyMatches(shared, path)) {
        continue;
      }
      List<int[]> matching = new ArrayList<>();
      for (int task = 0; task < tasks.size(); task++) {
        List<PathMatcher> matchers = matchersByTask.get(task);
        for (int glob = 0; glob < matchers.size(); glob++) {
          if (matchers.get(glob).matches(path)) {
            matching.add(new int[] {task, glob});
          }
        }
      }
      for (int[] a : matching) {
        for (int[] b : matching) {
          if (a[0] < b[0]) {
            String globA = tasks.get(a[0]).globs().get(a[1]);
            String globB = tasks.get(b[0]).globs().get(b[1]);
            overlaps.putIfAbsent(
                a[0] + " " + a[1] + " " + b[0] + " " + b[1],
                new Overlap(tasks.get(a[0]).taskId(), globA, tasks.get(b[0]).taskId(), globB, file));
          }
        }
      }
    }
    return List.copyOf(overlaps.values());
  }

  private int indexOf(String taskId) {
    for (int task = 0; task < tasks.size(); task++) {
      if (tasks.get(task).taskId().equals(taskId)) {
        return task;
      }
    }
    throw new IllegalArgumentException("no task '" + taskId + "'");
  }

  private static boolean anyMatches(List<PathMatcher> matchers, Path path) {
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }
}
