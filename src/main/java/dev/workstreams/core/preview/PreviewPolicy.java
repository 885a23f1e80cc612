package dev.workstreams.core.preview;

import dev.workstreams.core.schedule.WorkstreamState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** When a plan has an integration preview, which workstreams it holds, and what to do about it now. */
public final class PreviewPolicy {

  /** The task id whose branch would be the preview's: a plan with such a task has no preview. */
  public static final String RESERVED_TASK = "preview";

  private PreviewPolicy() {}

  /**
   * Repository config {@code preview} when set, else on for plans of two or more tasks. Off for a plan
   * with a task named {@code preview}: its branch would be the preview's.
   */
  public static boolean enabled(Optional<Boolean> configured, Collection<String> taskIds) {
    return configured.orElse(taskIds.size() >= 2) && !taskIds.contains(RESERVED_TASK);
  }

  /** A workstream whose work is there to combine: its agent finished and pushed, or people work on it. */
  public static boolean ready(WorkstreamState state) {
    return state == WorkstreamState.PUSHED || state == WorkstreamState.OPEN;
  }

  /** The preview pull request as found on GitHub (the newest one from the preview branch). */
  public record Existing(int number, boolean open, String body) {}

  /**
   * @param active the plan is labelled and accepted (not cancelled, not rejected)
   * @param finished every workstream of the plan is merged or closed
   * @param ready the ready, unmerged workstreams at their current commits
   * @param branchExists whether the preview branch exists on GitHub
   */
  public static PreviewStep decide(boolean enabled, boolean active, boolean finished, List<Tip> ready, String baseSha,
      Optional<Existing> existing, boolean branchExists) {
    boolean wanted = enabled && active && !finished;
    if (!wanted) {
      if (existing.isPresent() && existing.get().open()) {
        return new PreviewStep.Close(existing.get().number());
      }
      return branchExists && (finished || !active) ? new PreviewStep.DeleteBranch() : new PreviewStep.Keep();
    }
    if (existing.isPresent() && !existing.get().open()) {
      // Closed or merged by a person: never a second preview pull request for the plan.
      return new PreviewStep.Keep();
    }
    if (existing.isEmpty() && ready.isEmpty()) {
      return new PreviewStep.Keep();
    }
    String key = PreviewInputs.key(baseSha, ready);
    boolean current = existing.flatMap(e -> PreviewInputs.of(e.body())).map(key::equals).orElse(false);
    return current && branchExists ? new PreviewStep.Keep() : new PreviewStep.Build(key);
  }
}
