package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.CommitResult;
import dev.workstreams.adapter.git.EnforcementResult;
import dev.workstreams.adapter.git.PushOutcome;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.StrayWork;
import dev.workstreams.adapter.git.WorkingCopy;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.config.ProtectedPaths;
import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.OwnershipMatcher;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.RepositoryId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The App's side of every agent's work, wherever the agent ran (a process here, or a runner on
 * GitHub Actions whose commits are already on the task branch): what is left uncommitted committed
 * as the bot, protected paths (and paths outside the task under {@code enforcement: block}) left out
 * of the new commits, and the task branch, only it, pushed without force with the App's token.
 */
public final class TaskPublisher {

  private final Function<RepositoryId, Remote> remotes;

  public TaskPublisher(Function<RepositoryId, Remote> remotes) {
    this.remotes = remotes;
  }

  /**
   * Publishes the work on the copy's task branch since {@code startCommit}; adds what a reviewer must
   * know to {@code problems}; true when the remote branch holds the work.
   */
  public boolean publish(AgentAssignment a, WorkingCopy copy, String startCommit, boolean succeeded, BotIdentity bot,
      List<String> problems) {
    String message = (succeeded ? "" : "[agent failed] ") + "workstreams: " + a.taskId() + " for #" + a.issue()
        + "\n\n" + a.taskTitle();
    CommitResult commit = copy.commitChanges(bot, message);
    if (commit instanceof CommitResult.NotOnTaskBranch moved) {
      problems.add("the agent moved HEAD away from the task branch (" + moved.head() + "); only the task branch is pushed");
    }
    StrayWork stray = copy.strayWork();
    stray.branches().forEach(b -> problems.add("the agent made " + b.newCommits() + " commit(s) on branch `" + b.name()
        + "`, which is not pushed"));
    ProtectedPaths guarded = ProtectedPaths.forTask(a.protectedPaths(), a.owns(), a.labelledByAdmin());
    Predicate<String> outsideTask = outsideTask(a);
    EnforcementResult dropped = copy.dropPathsOutside(startCommit,
        path -> !guarded.blocks(path) && !outsideTask.test(path), bot);
    if (dropped instanceof EnforcementResult.Dropped d) {
      problems.addAll(PublishProblems.leftOut(d.paths(), guarded::blocks));
    } else if (dropped instanceof EnforcementResult.NotReady n) {
      problems.add("protected files and files outside the task could not be left out: " + n.reason()
          + "; nothing was pushed");
      return false;
    }
    PushOutcome push = copy.push(remotes.apply(a.repository()), bot);
    if (push instanceof PushOutcome.Pushed || push instanceof PushOutcome.UpToDate) {
      return true;
    }
    problems.add(PublishProblems.notPushed(push, a.taskId()));
    return false;
  }

  /** Under {@code enforcement: block}, paths outside the task's globs and the shared list are not pushed. */
  private static Predicate<String> outsideTask(AgentAssignment a) {
    if (a.enforcement() != Enforcement.BLOCK) {
      return path -> false;
    }
    OwnershipMatcher matcher = OwnershipMatcher.compile(List.of(new OwnedGlobs(a.taskId(), a.owns())), a.shared());
    return path -> !matcher.violations(a.taskId(), List.of(path)).isEmpty();
  }
}
