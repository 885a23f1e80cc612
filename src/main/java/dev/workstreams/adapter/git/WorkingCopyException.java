package dev.workstreams.adapter.git;

/**
 * An unexpected failure of a working copy (disk full, a corrupt repository). Expected outcomes
 * (conflicts, rejections, an unreachable remote) are results, never this. The message names the
 * repository and task and never holds a token.
 */
public final class WorkingCopyException extends RuntimeException {

  public WorkingCopyException(String message, Throwable cause) {
    super(message, cause);
  }
}
