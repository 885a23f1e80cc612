package dev.workstreams.workflow.followthrough;

import dev.workstreams.core.command.CommentCommand;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.FollowThroughGateways;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.PullRequestReviewPayload;
import java.util.Optional;

/**
 * {@code pull_request_review.submitted} on a workstream pull request: a review that requests changes,
 * or any review whose text has a {@code /workstreams revise} line, by someone with write access,
 * becomes a revision trigger carrying the review's text and every one of its inline comments. Reviews
 * by bots (the App included) and by people without write access start nothing: their text would steer
 * an agent that pushes with the App's token.
 */
public final class ReviseWhenReviewAsksForChanges implements EventHandler {

  private final GitHubGateways gateways;
  private final FollowThroughGateways followThrough;
  private final TriggerIntake intake;

  ReviseWhenReviewAsksForChanges(GitHubGateways gateways, FollowThroughGateways followThrough, TriggerIntake intake) {
    this.gateways = gateways;
    this.followThrough = followThrough;
    this.intake = intake;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<PullRequestReviewPayload> event = PullRequestReviewPayload.from(context);
    if (event.isEmpty() || event.get().reviewer().isBot() || event.get().sender().isBot()) {
      return;
    }
    PullRequestReviewPayload review = event.get();
    boolean command = CommentCommand.parse(review.body()).filter(c -> c instanceof CommentCommand.Revise).isPresent();
    if (!command && !review.state().equals("changes_requested")) {
      return;
    }
    Optional<TriggerIntake.Workstream> workstream = intake.workstream(review.repository(), review.pullRequest());
    if (workstream.isEmpty() || !review.sameRepository()) {
      return;
    }
    GitHubGateway github = gateways.forRepository(review.repository());
    if (!github.permission(review.reviewer().login()).canWrite()) {
      return;
    }
    var comments = followThrough.forRepository(review.repository()).reviewComments(review.pullRequest(), review.reviewId());
    intake.accept(github, workstream.get(), review.defaultBranch(), new Trigger.Review(review.reviewId(),
        review.reviewer().login(), command, review.body(), comments, review.commitId()));
  }
}
