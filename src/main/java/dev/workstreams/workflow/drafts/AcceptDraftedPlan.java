package dev.workstreams.workflow.drafts;

import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.draft.DraftAcceptance;
import dev.workstreams.core.plan.PlanChecker;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.Permission;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssueCommentPayload;
import dev.workstreams.workflow.plans.support.PlanIssue;
import dev.workstreams.workflow.plans.support.ReconcilePlan;
import java.util.List;
import java.util.Optional;

/**
 * {@code /workstreams accept} by someone with write access: the issue's drafted plan is appended to
 * its body (once: the body then holds {@link Markers#DRAFTED_PLAN}), the trigger label is added, and
 * the plan is opened as if that person had labelled it. The App's own label and edit come back as
 * its own events, which are ignored, so the workstreams are opened here. One reply per command.
 */
final class AcceptDraftedPlan implements EventHandler {

  private final GitHubGateways gateways;
  private final RepoConfigs configs;
  private final ReconcilePlan reconcile;

  AcceptDraftedPlan(GitHubGateways gateways, RepoConfigs configs, ReconcilePlan reconcile) {
    this.gateways = gateways;
    this.configs = configs;
    this.reconcile = reconcile;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IssueCommentPayload> event = IssueCommentPayload.from(context);
    boolean asked = event.flatMap(IssueCommentPayload::commentBody).flatMap(CommentCommand::parse)
        .filter(CommentCommand.Accept.class::isInstance).isPresent();
    if (!asked || event.get().sender().isBot()) {
      return;
    }
    PlanIssue issue = PlanIssue.from(event.get());
    GitHubGateway github = gateways.forRepository(issue.repository());
    String marker = Markers.reply(event.get().commentId());
    if (!github.commentsWithMarker(issue.number(), marker).isEmpty()) {
      return;
    }
    String sender = event.get().sender().login();
    Permission permission = github.permission(sender);
    String answer = permission.canWrite()
        ? accept(github, issue, sender, permission == Permission.ADMIN)
        : "@" + sender + ", only people with write, maintain or admin permission can accept a drafted plan.";
    github.comment(issue.number(), GitHubText.comment(marker + "\n" + answer + "\n"));
  }

  private String accept(GitHubGateway github, PlanIssue issue, String sender, boolean admin) throws Exception {
    RepoConfigResult result = configs.load(issue.repository(), issue.defaultBranch());
    if (!(result instanceof RepoConfigResult.Valid valid)) {
      return "@" + sender + ", `.github/workstreams.yml` on the default branch cannot be read, so nothing was accepted.";
    }
    RepoConfig config = valid.config();
    List<IssueComment> drafts = github.commentsWithMarker(issue.number(), Markers.DRAFT);
    Optional<String> draft = drafts.isEmpty() ? Optional.empty() : Optional.of(drafts.get(drafts.size() - 1).body());
    String body = github.issueBody(issue.number());
    DraftAcceptance acceptance = DraftAcceptance.of(body, draft);
    if (acceptance instanceof DraftAcceptance.Refused refused) {
      return "@" + sender + ", nothing was accepted: " + refused.reason() + ".";
    }
    if (acceptance instanceof DraftAcceptance.Append append) {
      // Checked again under today's config: the draft may be older than a change of `shared`.
      PlanReport report = new PlanChecker().check(append.body(), config.shared());
      if (!report.valid()) {
        return "@" + sender + ", nothing was accepted: the drafted plan no longer passes the plan engine ("
            + report.errors().get(0) + "); comment `/workstreams draft` to draft it again.";
      }
      github.updateIssueBody(issue.number(), append.body());
      body = append.body();
    }
    github.addLabel(issue.number(), config.triggerLabel());
    reconcile.run(github, config, new PlanIssue(issue.repository(), issue.number(), issue.title(), body,
        issue.defaultBranch()), admin);
    return "@" + sender + " accepted the drafted plan: it is appended to the issue, which now carries the label `"
        + config.triggerLabel() + "`, and its workstreams are opened.";
  }
}
