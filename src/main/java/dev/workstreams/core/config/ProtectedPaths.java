package dev.workstreams.core.config;

import dev.workstreams.core.ownership.Glob;
import java.util.List;

/**
 * The repository config's {@code protected} globs as they apply to one task's agent: a change to a
 * protected path is never pushed, unless the task owns the path (its {@code owns} globs, not the
 * {@code shared} list) and the plan was labelled by an admin of the repository. Compiled once per
 * run, asked for every changed path.
 */
public final class ProtectedPaths {

  private final List<Glob> protectedGlobs;
  private final List<Glob> owned;
  private final boolean labelledByAdmin;

  private ProtectedPaths(List<Glob> protectedGlobs, List<Glob> owned, boolean labelledByAdmin) {
    this.protectedGlobs = protectedGlobs;
    this.owned = owned;
    this.labelledByAdmin = labelledByAdmin;
  }

  /**
   * Patterns that are not valid globs are skipped: the config parser refuses them, and the task's
   * globs were checked with the plan, so none arrive here from a file a person wrote.
   */
  public static ProtectedPaths forTask(List<String> protectedGlobs, List<String> owns, boolean labelledByAdmin) {
    return new ProtectedPaths(compile(protectedGlobs), compile(owns), labelledByAdmin);
  }

  /** Whether the agent's change to {@code path} must be left out of the push. */
  public boolean blocks(String path) {
    if (protectedGlobs.stream().noneMatch(g -> g.matches(path))) {
      return false;
    }
    return !(labelledByAdmin && owned.stream().anyMatch(g -> g.matches(path)));
  }

  /** Why {@link #blocks} left a path out, worded for the pull request's readers. */
  public static String reason() {
    return "protected by the repository config `protected`; only a task that owns it in a plan labelled by an admin"
        + " may change it";
  }

  private static List<Glob> compile(List<String> patterns) {
    return patterns.stream().filter(p -> Glob.problem(p).isEmpty()).map(Glob::compile).toList();
  }
}
