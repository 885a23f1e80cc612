package dev.workstreams.core.reconcile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What exists for one plan issue: task branches, their pull requests (by task id, including
 * tasks no longer in the plan) and the repository labels known to exist.
 */
public record ObservedPlan(
    Set<String> branches, Map<String, ObservedPullRequest> pullRequests, Set<String> labels) {

  public ObservedPlan {
    branches = Set.copyOf(branches);
    pullRequests = Map.copyOf(pullRequests);
    labels = Set.copyOf(labels);
  }

  public static ObservedPlan empty() {
    return new ObservedPlan(Set.of(), Map.of(), Set.of());
  }

  public ObservedPlan withBranch(String branch) {
    Set<String> more = new HashSet<>(branches);
    more.add(branch);
    return new ObservedPlan(more, pullRequests, labels);
  }

  public ObservedPlan withPullRequest(String taskId, ObservedPullRequest pr) {
    Map<String, ObservedPullRequest> more = new HashMap<>(pullRequests);
    more.put(taskId, pr);
    return new ObservedPlan(branches, more, labels);
  }

  public ObservedPlan withLabel(String label) {
    Set<String> more = new HashSet<>(labels);
    more.add(label);
    return new ObservedPlan(branches, pullRequests, more);
  }
}
