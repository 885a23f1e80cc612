package dev.workstreams.core.reconcile;

import java.util.Set;

/** A workstream pull request as it is on GitHub (or as the App last saw it). */
public record ObservedPullRequest(
    int number, State state, String title, String body, Set<String> labels, boolean draft) {

  public enum State {
    OPEN,
    CLOSED,
    MERGED
  }

  public ObservedPullRequest {
    labels = Set.copyOf(labels);
  }

  public boolean open() {
    return state == State.OPEN;
  }

  public ObservedPullRequest withTitleAndBody(String newTitle, String newBody) {
    return new ObservedPullRequest(number, state, newTitle, newBody, labels, draft);
  }

  public ObservedPullRequest withLabels(Set<String> newLabels) {
    return new ObservedPullRequest(number, state, title, body, newLabels, draft);
  }
}
