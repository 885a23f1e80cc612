package dev.workstreams.port;

/** A comment on an issue or pull request. */
public record IssueComment(long id, String body) {}
