package dev.workstreams.core.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working time as people write it in a plan or a repository config: {@code 45m}, {@code 2h},
 * {@code 1h30m}, {@code 90s}. Bounded so that a hostile value cannot overflow a sum of 50 of them.
 */
public final class WorkDuration {

  private static final Pattern FORM = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?");
  /** Far above any real task or review (about 41 days). */
  public static final Duration MAX = Duration.ofHours(999);

  private WorkDuration() {}

  /** The duration, or empty when the text is not of that form, is zero or is above {@link #MAX}. */
  public static Optional<Duration> parse(String text) {
    String value = text.strip();
    Matcher m = FORM.matcher(value);
    if (value.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    Duration d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
    return d.isZero() || d.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(d);
  }

  /** The shortest way to write {@code d} in the same form: {@code 1h30m}, {@code 45m}, {@code 0s}. */
  public static String format(Duration d) {
    StringBuilder text = new StringBuilder();
    if (d.toHours() > 0) {
      text.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      text.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0 || text.length() == 0) {
      text.append(d.toSecondsPart()).append('s');
    }
    return text.toString();
  }

  /** What a person is told the form is, in error messages. */
  public static String expected() {
    return "a duration such as `45m`, `2h` or `1h30m` (hours `h`, minutes `m`, seconds `s`; above zero, at most "
        + MAX.toHours() + "h)";
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
