package dev.workstreams.core.followthrough;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time budgets as a repository config or a plan writes them: {@code 2h}, {@code 45m}, {@code 1h30m},
 * {@code 90s} (the agents file's form; the core cannot use the agent adapter's reader).
 */
public final class BudgetText {

  private static final Pattern FORM = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

  private BudgetText() {}

  /** The duration, or empty when the text is not of that form or is zero. */
  public static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (text.isBlank() || !m.matches()) {
      return Optional.empty();
    }
    Duration d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
    return d.isZero() ? Optional.empty() : Optional.of(d);
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
