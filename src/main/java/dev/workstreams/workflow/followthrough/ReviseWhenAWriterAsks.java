package dev.workstreams.workflow.followthrough;

import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssueCommentPayload;
import java.util.List;
import java.util.Optional;

/**
 * {@code /workstreams revise} in a comment on a workstream pull request, by someone with write access:
 * a revision on what the comment says, which also starts the revision count again and lifts
 * {@code workstreams:needs-human}. From anyone else, or a bot, it does nothing.
 */
public final class ReviseWhenAWriterAsks implements EventHandler {

  private final GitHubGateways gateways;
  private final TriggerIntake intake;

  ReviseWhenAWriterAsks(GitHubGateways gateways, TriggerIntake intake) {
    this.gateways = gateways;
    this.intake = intake;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IssueCommentPayload> event = IssueCommentPayload.from(context);
    if (event.isEmpty() || event.get().sender().isBot() || !context.payload().path("issue").has("pull_request")) {
      return;
    }
    String body = event.get().commentBody().orElse("");
    if (CommentCommand.parse(body).filter(c -> c instanceof CommentCommand.Revise).isEmpty()) {
      return;
    }
    Optional<TriggerIntake.Workstream> workstream = intake.workstream(event.get().repository(), event.get().issue().number());
    if (workstream.isEmpty()) {
      return;
    }
    GitHubGateway github = gateways.forRepository(event.get().repository());
    String author = event.get().sender().login();
    if (!github.permission(author).canWrite()) {
      return;
    }
    intake.accept(github, workstream.get(), event.get().defaultBranch(),
        new Trigger.Review(event.get().commentId(), author, true, body, List.of(), ""));
  }
}
