package dev.workstreams.core.config;

import dev.workstreams.core.ownership.Glob;
import dev.workstreams.core.ownership.Overlap;
import dev.workstreams.core.ownership.OverlapAnalysis;
import dev.workstreams.core.ownership.OwnedGlobs;
import java.util.List;
import java.util.Optional;

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

  /**
   * For the plan's tracking comment: when a task owns paths that {@code protected} covers and no
   * admin labelled the plan, a sentence saying that its agent's changes to them will be left out,
   * with an example path; empty otherwise.
   */
  public static Optional<String> ownedButLeftOut(List<String> protectedGlobs, String taskId, List<String> owns) {
    List<String> valid = protectedGlobs.stream().filter(p -> Glob.problem(p).isEmpty()).toList();
    List<String> owned = owns.stream().filter(p -> Glob.problem(p).isEmpty()).toList();
    List<Overlap> overlaps = OverlapAnalysis.find(
        List.of(new OwnedGlobs(taskId, owned), new OwnedGlobs("protected", valid)), List.of());
    return overlaps.stream().findFirst().map(o -> "task `" + taskId + "` owns `" + o.globA() + "`, which covers paths"
        + " the repository config `protected` lists (`" + o.globB() + "`, e.g. `" + o.examplePath() + "`): its agent's"
        + " changes to them will be left out of its pushes, because only a plan labelled by an admin may change them");
  }

  private static List<Glob> compile(List<String> patterns) {
    return patterns.stream().filter(p -> Glob.problem(p).isEmpty()).map(Glob::compile).toList();
  }
}
