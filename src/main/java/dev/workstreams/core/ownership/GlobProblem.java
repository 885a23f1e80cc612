package dev.workstreams.core.ownership;

import java.util.Objects;

/**
 * Why a glob was rejected, worded for the person who wrote it.
 *
 * @param glob the pattern as written
 * @param message what is wrong and, where it helps, what to write instead
 */
public record GlobProblem(String glob, String message) {

  public GlobProblem {
    Objects.requireNonNull(glob, "glob");
    Objects.requireNonNull(message, "message");
  }
}
