package dev.workstreams.core.reconcile;

import dev.workstreams.core.plan.Task;
import dev.workstreams.core.reconcile.Step.AddLabel;
import dev.workstreams.core.reconcile.Step.CreateBranch;
import dev.workstreams.core.reconcile.Step.EnsureLabel;
import dev.workstreams.core.reconcile.Step.FlagRemoved;
import dev.workstreams.core.reconcile.Step.OpenPullRequest;
import dev.workstreams.core.reconcile.Step.RemoveLabel;
import dev.workstreams.core.reconcile.Step.UpdatePullRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Desired plan versus what exists → the steps still missing. A workflow performs them, records
 * what they created in the observed state and asks again until nothing is left, so a run that
 * crashed half-way, or runs twice, only ever does what is missing. Pull requests are opened in
 * merge order: a dependent's body names its dependencies' pull requests, so those come first.
 */
public final class Reconciler {

  private Reconciler() {}

  public static List<Step> nextSteps(DesiredPlan desired, ObservedPlan observed) {
    Set<EnsureLabel> labels = new LinkedHashSet<>();
    List<Step> steps = new ArrayList<>();
    List<Task> inMergeOrder = new ArrayList<>(desired.plan().tasks());
    inMergeOrder.sort(Comparator.comparingInt(t -> desired.schedule().mergeOrder().get(t.id())));
    for (Task task : inMergeOrder) {
      steps.addAll(stepsFor(desired, observed, task, labels));
    }
    steps.addAll(removedTasks(desired, observed, labels));
    List<Step> all = new ArrayList<>(labels);
    all.addAll(steps);
    return all;
  }

  private static List<Step> stepsFor(DesiredPlan desired, ObservedPlan observed, Task task, Set<EnsureLabel> labels) {
    int issue = desired.issue();
    String branch = Markers.branch(issue, task.id());
    ObservedPullRequest pr = observed.pullRequests().get(task.id());
    int k = desired.schedule().mergeOrder().get(task.id());
    if (pr == null) {
      if (!observed.branches().contains(branch)) {
        return List.of(new CreateBranch(task.id(), branch, "workstreams: start `" + task.id() + "` of #" + issue));
      }
      Map<String, Integer> deps = dependencyPullRequests(task, observed);
      if (deps.size() < task.dependsOn().size()) {
        return List.of(); // opened once its dependencies' pull requests exist, to name them
      }
      return List.of(new OpenPullRequest(task.id(), branch, task.title(), PullRequestBody.render(issue, task, k, deps)));
    }
    if (!pr.open()) {
      return List.of(); // merged or closed by a person: history, not ours to change
    }
    List<Step> steps = new ArrayList<>();
    String body = PullRequestBody.render(issue, task, k, dependencyPullRequests(task, observed));
    if (!pr.title().equals(task.title()) || !pr.body().equals(body)) {
      steps.add(new UpdatePullRequest(task.id(), pr.number(), task.title(), body));
    }
    String wanted = MergeOrderLabels.name(k);
    for (String label : pr.labels()) {
      if (MergeOrderLabels.isMergeOrder(label) && !label.equals(wanted)) {
        steps.add(new RemoveLabel(task.id(), pr.number(), label));
      }
    }
    if (!pr.labels().contains(wanted)) {
      if (!observed.labels().contains(wanted)) {
        labels.add(new EnsureLabel(wanted, MergeOrderLabels.color(k), MergeOrderLabels.description(k)));
      }
      steps.add(new AddLabel(task.id(), pr.number(), wanted));
    }
    return steps;
  }

  private static Map<String, Integer> dependencyPullRequests(Task task, ObservedPlan observed) {
    Map<String, Integer> numbers = new HashMap<>();
    for (String dep : task.dependsOn()) {
      ObservedPullRequest pr = observed.pullRequests().get(dep);
      if (pr != null) {
        numbers.put(dep, pr.number());
      }
    }
    return numbers;
  }

  private static List<Step> removedTasks(DesiredPlan desired, ObservedPlan observed, Set<EnsureLabel> labels) {
    List<Step> steps = new ArrayList<>();
    observed.pullRequests().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> desired.plan().task(e.getKey()).isEmpty())
        .filter(e -> e.getValue().open() && !e.getValue().labels().contains(MergeOrderLabels.REMOVED))
        .forEach(e -> {
          if (!observed.labels().contains(MergeOrderLabels.REMOVED)) {
            labels.add(new EnsureLabel(MergeOrderLabels.REMOVED, MergeOrderLabels.REMOVED_COLOR, MergeOrderLabels.REMOVED_DESCRIPTION));
          }
          steps.add(new FlagRemoved(e.getKey(), e.getValue().number(),
              "Task `" + e.getKey() + "` is no longer in the plan of #" + desired.issue()
                  + ". This pull request stays open so that nothing is lost: merge it, or close it if the work is not needed."));
        });
    return steps;
  }
}
