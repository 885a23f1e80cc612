package dev.workstreams.workflow.ownership;

import dev.workstreams.core.ownership.ConflictWarning;
import dev.workstreams.core.ownership.ConflictWarning.Touched;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pull_request} opened, reopened or synchronize, on a pull request that is not a
 * workstream: when it changes files that an open workstream of an active plan owns, one comment
 * names those workstreams, since merging either first leaves conflicts to the other. Nothing
 * else: the pull request is not the App's to judge. Every pull request of a repository comes here,
 * so the database answers first and GitHub is asked only when an open workstream exists.
 */
public final class WarnWhenAPullRequestTouchesOwnedFiles implements EventHandler {

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final WorkstreamPullRequests workstreams;

  public WarnWhenAPullRequestTouchesOwnedFiles(GitHubGateways gateways, PlanStore store) {
    this.gateways = gateways;
    this.store = store;
    this.workstreams = new WorkstreamPullRequests(store);
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<PullRequestEvent> event = PullRequestEvent.from(context);
    if (event.isEmpty()) {
      return;
    }
    PullRequestEvent pr = event.get();
    GitHubGateway github = gateways.forRepository(pr.repository());
    if (workstreams.claimedTask(pr, github::appLogin).isPresent()) {
      return;
    }
    List<OpenPlan> plans = openPlans(pr);
    if (plans.isEmpty()) {
      return;
    }
    List<String> paths = github.changedFiles(pr.number()).paths();
    List<Touched> touched = new ArrayList<>();
    plans.forEach(plan -> touched.addAll(plan.touchedBy(paths)));
    String text = touched.isEmpty() ? ConflictWarning.cleared() : ConflictWarning.comment(touched);
    MarkedComments.show(github, pr.number(), Markers.CONFLICT_WARNING, text, !touched.isEmpty());
  }

  /** The active plans of the repository that have at least one open workstream pull request. */
  private List<OpenPlan> openPlans(PullRequestEvent pr) {
    List<OpenPlan> plans = new ArrayList<>();
    for (StoredPlan stored : store.activePlans(pr.repository())) {
      Map<String, Integer> open = new LinkedHashMap<>();
      for (StoredWorkstream row : store.workstreams(pr.repository(), stored.issue())) {
        // the recorded state too: the pull request row may lag behind a merge the App already handled
        row.pullRequest().filter(p -> p.open() && !row.state().finished())
            .ifPresent(p -> open.put(row.taskId(), p.number()));
      }
      if (!open.isEmpty()) {
        OwnershipRules.of(stored).ifPresent(rules -> plans.add(new OpenPlan(rules, open)));
      }
    }
    return plans;
  }

  /** A plan's rules and its open workstreams' pull request numbers, by task. */
  private record OpenPlan(OwnershipRules rules, Map<String, Integer> openPullRequests) {

    List<Touched> touchedBy(List<String> paths) {
      Map<String, List<String>> byTask = new LinkedHashMap<>();
      for (String path : paths) {
        rules.matcher().ownerOf(path).filter(openPullRequests::containsKey)
            .ifPresent(task -> byTask.computeIfAbsent(task, t -> new ArrayList<>()).add(path));
      }
      List<Touched> touched = new ArrayList<>();
      byTask.forEach((task, owned) ->
          touched.add(new Touched(rules.stored().issue(), task, openPullRequests.get(task), owned)));
      return touched;
    }
  }
}
