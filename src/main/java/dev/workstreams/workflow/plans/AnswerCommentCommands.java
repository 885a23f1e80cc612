package dev.workstreams.workflow.plans;

import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssueCommentPayload;
import dev.workstreams.workflow.plans.support.CommandRequests;
import dev.workstreams.workflow.plans.support.PlanIssue;
import dev.workstreams.workflow.plans.support.PlanProgress;
import dev.workstreams.workflow.plans.support.RecordedPlans;
import java.util.Optional;

/**
 * {@code /workstreams status|retry|cancel} in a plan issue's comments, from people with write
 * access. Every command gets one reply, marked with the command's comment id so that a retried
 * delivery never replies twice.
 */
public final class AnswerCommentCommands implements EventHandler {

  private final GitHubGateways gateways;
  private final PlanStore store;
  private final RecordedPlans recorded;
  private final CommandRequests requests;
  private final PlanProgress progress;

  public AnswerCommentCommands(GitHubGateways gateways, PlanStore store, CommandRequests requests, PlanProgress progress) {
    this.gateways = gateways;
    this.store = store;
    this.recorded = new RecordedPlans(store);
    this.requests = requests;
    this.progress = progress;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IssueCommentPayload> event = IssueCommentPayload.from(context);
    Optional<CommentCommand> command = event.flatMap(IssueCommentPayload::commentBody).flatMap(CommentCommand::parse);
    if (command.isEmpty() || event.get().sender().isBot() || command.get() instanceof CommentCommand.Revise) {
      return; // revise belongs to follow-through (ReviseWhenAWriterAsks), on the workstream's pull request
    }
    if (command.get() instanceof CommentCommand.Draft || command.get() instanceof CommentCommand.Accept) {
      return; // answered by workflow/drafts
    }
    PlanIssue issue = PlanIssue.from(event.get());
    GitHubGateway github = gateways.forRepository(issue.repository());
    String marker = Markers.reply(event.get().commentId());
    if (!github.commentsWithMarker(issue.number(), marker).isEmpty()) {
      return;
    }
    String sender = event.get().sender().login();
    String answer = github.permission(sender).canWrite()
        ? answer(command.get(), issue, sender)
        : "@" + sender + ", only people with write, maintain or admin permission can give workstreams commands.";
    // A status answer is the tracking comment, which may already fill GitHub's limit on its own.
    github.comment(issue.number(), GitHubText.comment(marker + "\n" + answer + "\n"));
    if (command.get() instanceof CommentCommand.Retry || command.get() instanceof CommentCommand.Cancel) {
      Optional<StoredPlan> plan = store.plan(issue.repository(), issue.number());
      if (plan.isPresent()) {
        progress.advance(github, plan.get());
      }
    }
  }

  private String answer(CommentCommand command, PlanIssue issue, String sender) throws Exception {
    Optional<StoredPlan> plan = store.plan(issue.repository(), issue.number());
    if (command instanceof CommentCommand.Unknown) {
      return "@" + sender + ", I don't know that command. " + CommentCommand.USAGE;
    }
    if (plan.isEmpty() || recorded.desired(plan.get()).isEmpty()) {
      return "@" + sender + ", this issue has no accepted plan yet: add the trigger label to a valid plan first.";
    }
    if (command instanceof CommentCommand.Status) {
      return Markers.withoutTracking(recorded.trackingComment(plan.get(), false).orElseThrow());
    }
    String taskId = command instanceof CommentCommand.Retry r ? r.taskId() : ((CommentCommand.Cancel) command).taskId();
    Optional<StoredWorkstream> workstream = recorded.workstreams(plan.get()).values().stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst();
    if (workstream.isEmpty()) {
      return "@" + sender + ", this plan has no task `" + taskId + "`. " + CommentCommand.USAGE;
    }
    return requests.request(plan.get(), workstream.get(), command, sender);
  }
}
