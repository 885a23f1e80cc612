package dev.workstreams.workflow.drafts;

import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssueCommentPayload;
import dev.workstreams.workflow.events.IssuePayload;
import dev.workstreams.workflow.plans.support.PlanIssue;
import java.util.Optional;

/**
 * {@code /workstreams draft} in an issue comment, or the repository's {@code draft_label} on an
 * issue, by someone with write access: the planner drafts the issue's plan (see {@link PlanDrafting}).
 */
final class DraftPlanWhenAsked implements EventHandler {

  private final GitHubGateways gateways;
  private final PlanDrafting drafting;

  DraftPlanWhenAsked(GitHubGateways gateways, PlanDrafting drafting) {
    this.gateways = gateways;
    this.drafting = drafting;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    if (context.event().equals("issue_comment")) {
      Optional<IssueCommentPayload> event = IssueCommentPayload.from(context);
      boolean asked = event.flatMap(IssueCommentPayload::commentBody).flatMap(CommentCommand::parse)
          .filter(CommentCommand.Draft.class::isInstance).isPresent();
      if (!asked || event.get().sender().isBot()) {
        return;
      }
      draft(new DraftRequest(PlanIssue.from(event.get()), event.get().sender().login(), context.deliveryId()),
          Optional.empty());
    } else {
      Optional<IssuePayload> event = IssuePayload.from(context);
      if (event.isEmpty() || event.get().sender().isBot() || event.get().label().isEmpty()) {
        return;
      }
      draft(new DraftRequest(PlanIssue.from(event.get()), event.get().sender().login(), context.deliveryId()),
          event.get().label());
    }
  }

  // A label is a request only when it is the repository's draft label; the command always is one.
  private void draft(DraftRequest request, Optional<String> label) throws Exception {
    GitHubGateway github = gateways.forRepository(request.issue().repository());
    // Any label but the default draft label: an unreadable config is none of its business.
    Optional<RepoConfig> config = label.isPresent() && !label.get().equals(RepoConfig.DEFAULT_DRAFT_LABEL)
        ? drafting.configQuietly(request) : drafting.config(github, request);
    if (config.isEmpty() || label.isPresent() && !label.get().equals(config.get().draftLabel())) {
      return;
    }
    drafting.draft(request, config.get());
  }
}
