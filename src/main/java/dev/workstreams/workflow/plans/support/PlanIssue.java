package dev.workstreams.workflow.plans.support;

import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.events.IssueCommentPayload;
import dev.workstreams.workflow.events.IssuePayload;

/** A plan issue as an {@code issues} or {@code issue_comment} payload shows it. */
public record PlanIssue(RepositoryId repository, int number, String title, String body, String defaultBranch) {

  public static PlanIssue from(IssuePayload event) {
    return new PlanIssue(event.repository(), event.issue().number(), event.issue().title(), event.issue().body(),
        event.defaultBranch());
  }

  public static PlanIssue from(IssueCommentPayload event) {
    return new PlanIssue(event.repository(), event.issue().number(), event.issue().title(), event.issue().body(),
        event.defaultBranch());
  }
}
