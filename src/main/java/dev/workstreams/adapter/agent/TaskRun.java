package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.CommitResult;
import dev.workstreams.adapter.git.PushOutcome;
import dev.workstreams.adapter.git.WorkingCopy;
import dev.workstreams.adapter.git.PrepareResult;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.TaskKey;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.core.config.ProtectedPaths;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.AgentReport.Result;
import dev.workstreams.port.RepositoryId;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One agent run from start to push: the App's bot identity looked up, the working copy brought up
 * to date with the base, the agent, its changes committed by the App as its bot, protected paths
 * (and paths outside the task under {@code enforcement: block}) left out, and the task branch (only
 * it) pushed without force (the steps after the agent are {@link TaskPublisher}'s).
 */
final class TaskRun {

  private final WorkingCopies copies;
  private final AgentRunner runner;
  private final Function<RepositoryId, Remote> remotes;
  private final Function<RepositoryId, List<String>> secrets;
  private final Function<RepositoryId, BotIdentity> identities;

  /**
   * @param identities the App's bot identity, looked up on GitHub for a repository's installation;
   *     throws {@link UncheckedIOException} while it cannot be looked up
   */
  TaskRun(WorkingCopies copies, AgentRunner runner, Function<RepositoryId, Remote> remotes,
      Function<RepositoryId, List<String>> secrets, Function<RepositoryId, BotIdentity> identities) {
    this.copies = copies;
    this.runner = runner;
    this.remotes = remotes;
    this.secrets = secrets;
    this.identities = identities;
  }

  AgentReport perform(AgentAssignment a, AgentProfile profile, CancelHandle cancel) {
    RepositoryName repo = new RepositoryName(a.repository().owner(), a.repository().name());
    BotIdentity bot;
    try {
      bot = identities.apply(a.repository());
    } catch (UncheckedIOException e) {
      return report(a, Result.FAILED, PublishProblems.identityUnknown(a.taskId(), e.getCause().getMessage()), 0, false,
          List.of(), List.of());
    }
    Remote remote = remotes.apply(a.repository());
    PrepareResult prepared = copies.prepare(repo, remote, new TaskKey(a.issue(), a.taskId()), a.baseBranch(), bot);
    List<String> conflicted = List.of();
    if (a.resolveBaseConflict() && prepared instanceof PrepareResult.MergeConflict c && c.branch().equals(a.baseBranch())) {
      // Follow-through after a sibling merged: the agent resolves the merge, left in progress in its copy.
      WorkingCopy copy = copies.open(repo, new TaskKey(a.issue(), a.taskId())).orElseThrow();
      conflicted = copy.startBaseMerge(a.baseBranch());
      prepared = new PrepareResult.Ready(copy, copy.startCommit().orElseThrow(), PrepareResult.BaseUpdate.MERGE_COMMIT);
    }
    if (!(prepared instanceof PrepareResult.Ready ready)) {
      return report(a, Result.FAILED, notReady(prepared, a.baseBranch()), 0, false, List.of(), List.of());
    }
    String prompt = conflicted.isEmpty() ? a.prompt()
        : a.prompt().stripTrailing() + "\n\nThe merge in progress conflicts in these paths:\n"
            + String.join("\n", conflicted.stream().map(p -> "- `" + p.replace("`", "'") + "`").toList()) + "\n";
    AgentRun run = runner.run(new AgentRequest(profile, ready.copy().directory(),
        new AgentTask(a.repository().owner(), a.repository().name(), a.issue(), a.taskId()), prompt, a.owns(),
        secrets.apply(a.repository())), cancel);
    long seconds = run.duration().toSeconds();
    String summary = RunSummary.describe(run.outcome()) + " after " + DurationText.format(run.duration());
    if (run.outcome() instanceof AgentOutcome.Cancelled) {
      return report(a, Result.CANCELLED, summary, seconds, false, List.of(), run.tail());
    }
    if (!run.succeeded() && !profile.pushOnFailure()) {
      return report(a, Result.FAILED, summary, seconds, false, List.of(), run.tail());
    }
    List<String> problems = new ArrayList<>();
    if (!conflicted.isEmpty()) {
      return resolved(a, ready.copy(), conflicted, bot, run, summary, problems);
    }
    boolean pushed = new TaskPublisher(remotes).publish(a, ready.copy(), ready.startCommit(), run.succeeded(), bot, problems);
    Result result = run.succeeded() && pushed ? Result.SUCCEEDED : Result.FAILED;
    return report(a, result, summary, seconds, pushed, problems, run.tail());
  }

  /**
   * A base merge the agent resolved: nothing is pushed while a conflicted path keeps its markers or is protected;
   * otherwise the App's commit completes the merge (its second parent is the base) and the branch is pushed. The
   * merge brings the base's own commits, so paths are not dropped from it the way an ordinary run's are.
   */
  private AgentReport resolved(AgentAssignment a, WorkingCopy copy, List<String> conflicted, BotIdentity bot, AgentRun run,
      String summary, List<String> problems) {
    long seconds = run.duration().toSeconds();
    ProtectedPaths guarded = ProtectedPaths.forTask(a.protectedPaths(), a.owns(), a.labelledByAdmin());
    List<String> markers = copy.stillConflicted(conflicted);
    List<String> protectedOnes = conflicted.stream().filter(guarded::blocks).toList();
    if (!run.succeeded() || !markers.isEmpty() || !protectedOnes.isEmpty()) {
      if (!markers.isEmpty()) {
        problems.add("conflict markers remain in " + String.join(", ", markers) + "; nothing was pushed");
      }
      if (!protectedOnes.isEmpty()) {
        problems.add("the conflict is in protected paths (" + String.join(", ", protectedOnes) + "): a person resolves it");
      }
      return report(a, Result.FAILED, summary, seconds, false, problems, run.tail());
    }
    CommitResult commit = copy.commitChanges(bot, "Merge branch '" + a.baseBranch() + "' into " + copy.task().branch()
        + "\n\nConflicts resolved by the agent of " + a.taskId() + " for #" + a.issue() + ": " + String.join(", ", conflicted));
    if (!(commit instanceof CommitResult.Committed)) {
      problems.add("the merge could not be completed: " + commit);
      return report(a, Result.FAILED, summary, seconds, false, problems, run.tail());
    }
    PushOutcome push = copy.push(remotes.apply(a.repository()), bot);
    boolean pushed = push instanceof PushOutcome.Pushed || push instanceof PushOutcome.UpToDate;
    if (!pushed) {
      problems.add(PublishProblems.notPushed(push, a.taskId()));
    }
    return report(a, pushed ? Result.SUCCEEDED : Result.FAILED, summary, seconds, pushed, problems, run.tail());
  }

  private static String notReady(PrepareResult prepared, String base) {
    if (prepared instanceof PrepareResult.MergeConflict c) {
      return "bringing the branch up to date with `" + base + "` conflicts in " + String.join(", ", c.paths());
    }
    if (prepared instanceof PrepareResult.BaseBranchMissing) {
      return "the base branch `" + base + "` does not exist";
    }
    return "the repository could not be fetched: " + ((PrepareResult.RemoteUnavailable) prepared).reason();
  }

  private static AgentReport report(AgentAssignment a, Result result, String summary, long seconds, boolean pushed,
      List<String> problems, List<String> tail) {
    return new AgentReport(a.repository(), a.issue(), a.taskId(), a.attempt(), result, summary, seconds, pushed, problems, tail);
  }
}
