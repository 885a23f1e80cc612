package dev.workstreams.workflow.ownership;

import dev.workstreams.core.ownership.OwnershipReport;
import dev.workstreams.core.ownership.Violation;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.port.ChangedFiles;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.ownership.WorkstreamPullRequests.Workstream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pull_request} opened, reopened, synchronize or ready for review, on a workstream: every
 * changed file is matched against the task's globs and the shared paths of the recorded plan. The
 * result is a check run on the head commit and, while files are outside, one comment. Pushes by
 * the App itself are checked like anyone's: its agents are held to the same ownership.
 */
public final class CheckOwnershipOnPush implements EventHandler {

  public static final String CHECK_NAME = "workstreams/ownership";

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final WorkstreamPullRequests workstreams;

  public CheckOwnershipOnPush(GitHubGateways gateways, PlanStore store) {
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
    Optional<Workstream> workstream = workstreams.find(pr, github::appLogin);
    if (workstream.isEmpty()) {
      return;
    }
    ChangedFiles files = github.changedFiles(pr.number());
    OwnershipReport report = report(pr, workstream.get(), files);
    MarkedComments.show(github, pr.number(), Markers.OWNERSHIP, report.comment(), !report.passed());
    github.reportCheck(pr.headSha(), CHECK_NAME, report.passed(), report.checkTitle(), report.checkSummary());
  }

  private OwnershipReport report(PullRequestEvent pr, Workstream workstream, ChangedFiles files) {
    List<String> paths = files.paths();
    List<Violation> violations = workstream.rules().matcher().violations(workstream.task().id(), paths);
    return new OwnershipReport(workstream.task().id(), workstream.planIssue(), workstream.task().owns(), pr.headSha(),
        violations, pullRequests(pr, workstream.planIssue()), files.complete(), paths.size());
  }

  private Map<String, Integer> pullRequests(PullRequestEvent pr, int planIssue) {
    Map<String, Integer> numbers = new HashMap<>();
    for (StoredWorkstream row : store.workstreams(pr.repository(), planIssue)) {
      row.pullRequest().ifPresent(observed -> numbers.put(row.taskId(), observed.number()));
    }
    return numbers;
  }
}
