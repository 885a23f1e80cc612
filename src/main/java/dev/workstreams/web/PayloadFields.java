package dev.workstreams.web;

import dev.workstreams.workflow.Subject;
import java.util.Optional;
import java.util.OptionalLong;

/** The few payload fields that intake stores beside the raw body, for routing and scheduling. */
record PayloadFields(
    Optional<String> action,
    OptionalLong installationId,
    Optional<String> repository,
    Optional<String> subject) {

  static final class Builder {
    private Optional<String> action = Optional.empty();
    private OptionalLong installationId = OptionalLong.empty();
    private Optional<String> repository = Optional.empty();
    private OptionalLong issueNumber = OptionalLong.empty();
    private OptionalLong pullRequestNumber = OptionalLong.empty();
    private OptionalLong number = OptionalLong.empty();
    private Optional<String> pullRequestHead = Optional.empty();

    void action(Optional<String> value) {
      action = value;
    }

    void installationId(OptionalLong value) {
      installationId = value;
    }

    void repository(Optional<String> value) {
      repository = value;
    }

    void issueNumber(OptionalLong value) {
      issueNumber = value;
    }

    void pullRequestNumber(OptionalLong value) {
      pullRequestNumber = value;
    }

    void pullRequestHead(Optional<String> value) {
      pullRequestHead = value;
    }

    void number(OptionalLong value) {
      number = value;
    }

    /**
     * A workstream pull request's events belong to its plan issue (its head branch is
     * {@code workstreams/<issue>-<task>}), so that they are never handled beside the plan's own.
     */
    PayloadFields build() {
      OptionalLong planIssue = pullRequestHead.map(Subject::planIssueOfBranch).orElse(OptionalLong.empty());
      OptionalLong subjectNumber = issueNumber.isPresent() ? issueNumber
          : planIssue.isPresent() ? planIssue
          : pullRequestNumber.isPresent() ? pullRequestNumber : number;
      return new PayloadFields(action, installationId, repository, Subject.of(repository, subjectNumber));
    }
  }
}
