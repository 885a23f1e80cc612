package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Holds a plan against the files a repository has: globs that own nothing are likely typos, and files nobody owns are
 * work no task may do.
 */
public final class FileTreeCheck {

  private FileTreeCheck() {}

  /**
   * @param tasks each task's globs, in plan order
   * @param shared globs of paths any task may touch
   * @param repoPaths the repository's files, relative to its root
   * @throws IllegalArgumentException when a pattern is not a valid glob (see {@link Glob#problem})
   */
  public static TreeReport check(List<OwnedGlobs> tasks, List<String> shared, Collection<String> repoPaths) {
    PlanGlobs plan = PlanGlobs.compile(tasks, shared);
    PlanAutomaton automaton = PlanAutomaton.build(plan);
    boolean[] matched = new boolean[plan.globs().size()];
    TreeSet<String> unowned = new TreeSet<>();
    for (String path : repoPaths) {
      PathClaims claims = automaton.claims(path);
      claims.forEachGlob(glob -> matched[glob] = true);
      if (claims.firstOwner().isEmpty() && !claims.shared()) {
        unowned.add(path);
      }
    }
    Map<String, List<String>> matchingNothing = new LinkedHashMap<>();
    int glob = 0; // task globs are numbered in plan order, task by task
    for (int task = 0; task < plan.taskCount(); task++) {
      List<String> unused = new ArrayList<>();
      for (Glob owned : plan.globsOf(task)) {
        if (!matched[glob++]) {
          unused.add(owned.pattern());
        }
      }
      if (!unused.isEmpty()) {
        matchingNothing.put(plan.taskId(task), unused);
      }
    }
    return new TreeReport(matchingNothing, new ArrayList<>(unowned));
  }
}
