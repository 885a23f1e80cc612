package dev.workstreams.core.config;

/**
 * One thing wrong with a repository's config file, worded for the person who edits it.
 *
 * @param line    1-based line in the file; 0 when the problem concerns the file as a whole
 * @param message what is wrong and what would be accepted
 */
public record ConfigProblem(int line, String message) {

  /** {@code line 3: max_parallel must be …}, or the bare message for whole-file problems. */
  public String describe() {
    return line > 0 ? "line " + line + ": " + message : message;
  }
}
