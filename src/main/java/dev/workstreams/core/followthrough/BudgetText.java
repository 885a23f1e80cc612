package dev.workstreams.core.followthrough;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time budgets as a repository config or a plan writes them: {@code 2h}, {@code 45m}, {@code 1h30m},
 * {@code 90s} (the agents file's form; the core cannot use the agent adapter's reader).
 */
public final class BudgetText {

  private static final Pattern FORM = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

  private BudgetText() {}

  /** The duration in seconds, or empty when the text is not of that form or is zero. */
  public static OptionalLong parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (text.isBlank() || !m.matches()) {
      return OptionalLong.empty();
    }
    long seconds = number(m.group(1)) * 3600 + number(m.group(2)) * 60 + number(m.group(3));
    return seconds == 0 ? OptionalLong.empty() : OptionalLong.of(seconds);
  }

  /** {@code 2h}, {@code 1h 5m}, {@code 42m}, {@code 30s}: how comments show a budget or a time used. */
  public static String show(long seconds) {
    long minutes = seconds / 60;
    if (minutes == 0) {
      return seconds + "s";
    }
    return minutes >= 60 ? (minutes / 60) + "h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + "m") : minutes + "m";
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
