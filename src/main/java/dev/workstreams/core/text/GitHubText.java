package dev.workstreams.core.text;

import java.util.Locale;

/**
 * GitHub's limits on the texts the App writes, and the one cut that makes a text fit. Over a limit GitHub answers 422
 * and the write is lost (a delivery retried, then parked, and the issue never hears anything), so every renderer fits
 * its text here instead of trusting that it stays small. Lengths are Java chars (UTF-16 units), never fewer than the
 * characters GitHub counts.
 */
public final class GitHubText {

  /** Issue comments, pull request comments, pull request and issue bodies. */
  public static final int COMMENT = 65_536;
  /** A check run's {@code output.summary}, and its {@code output.text}, each. */
  public static final int CHECK_OUTPUT = 65_535;
  /** A check run's title: GitHub documents no limit; one line a person reads at a glance. */
  public static final int CHECK_TITLE = 255;
  /** A pull request's title (a task's title, which the plan checker holds to this). */
  public static final int TITLE = 256;

  static final String CUT = "\n\n… (cut here: GitHub takes at most %,d characters)\n";

  private GitHubText() {}

  /** A comment or body, cut to {@link #COMMENT} when it is longer. */
  /** A commit's id as GitHub shows it in text: its first seven characters. */
  public static String shortSha(String sha) {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }

  public static String comment(String text) {
    return fit(text, COMMENT);
  }

  /** A check run's summary or text, cut to {@link #CHECK_OUTPUT}. */
  public static String checkOutput(String text) {
    return fit(text, CHECK_OUTPUT);
  }

  /** One line of at most {@code limit} characters: line breaks become spaces, the end is cut with "…". */
  public static String line(String text, int limit) {
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    return flat.length() <= limit ? flat : head(flat, limit - 1) + "…";
  }

  /**
   * {@code text} itself when it has at most {@code limit} characters; otherwise as many whole lines as fit, and a
   * note saying where it was cut. A first line longer than the room left is cut inside.
   */
  public static String fit(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    String note = String.format(Locale.ROOT, CUT, limit);
    int room = Math.max(0, limit - note.length());
    int lineEnd = text.lastIndexOf('\n', room - 1);
    String kept = lineEnd > 0 ? text.substring(0, lineEnd) : head(text, room);
    return kept + note;
  }

  /** At most {@code length} chars of {@code text}, never ending in half of a surrogate pair. */
  static String head(String text, int length) {
    if (length <= 0) {
      return "";
    }
    if (text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
