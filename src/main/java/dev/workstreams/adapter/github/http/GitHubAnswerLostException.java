package dev.workstreams.adapter.github.http;

import org.kohsuke.github.GHIOException;

/**
 * A write that must not be sent twice blindly (see {@link RepeatableCalls}) lost its answer: GitHub
 * answered 5xx, or the connection broke after the request went out. The write may have taken
 * effect. The caller looks for what it would have made (a comment by its marker, a check run by
 * head and name) before making it again; a job that fails with this is retried, and its
 * reconciler's lookups do the same.
 */
public final class GitHubAnswerLostException extends GHIOException {

  public GitHubAnswerLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
