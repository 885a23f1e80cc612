package dev.workstreams.core.schedule;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working time, to the second, as people write it in a plan or a repository config: {@code 45m},
 * {@code 2h}, {@code 1h30m}, {@code 90s}. A value of its own rather than {@code java.time}, which the
 * core keeps out (no clocks); bounded so that a hostile value cannot overflow a sum of many of them.
 */
public record WorkDuration(long seconds) implements Comparable<WorkDuration> {

  public static final WorkDuration ZERO = new WorkDuration(0);
  /** Far above any real task or review (about 41 days). */
  public static final WorkDuration MAX = ofHours(999);
  private static final Pattern FORM = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,6})m)?(?:(\\d{1,7})s)?");

  public WorkDuration {
    if (seconds < 0) {
      throw new IllegalArgumentException("a duration cannot be negative: " + seconds + "s");
    }
  }

  public static WorkDuration ofMinutes(long minutes) {
    return new WorkDuration(minutes * 60);
  }

  public static WorkDuration ofHours(long hours) {
    return new WorkDuration(hours * 3600);
  }

  /** The duration, or empty when the text is not of that form, is zero or is above {@link #MAX}. */
  public static Optional<WorkDuration> parse(String text) {
    String value = text.strip();
    Matcher m = FORM.matcher(value);
    if (value.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    long seconds = number(m.group(1)) * 3600 + number(m.group(2)) * 60 + number(m.group(3));
    return seconds == 0 || seconds > MAX.seconds ? Optional.empty() : Optional.of(new WorkDuration(seconds));
  }

  public WorkDuration plus(WorkDuration other) {
    return new WorkDuration(Math.addExact(seconds, other.seconds));
  }

  public WorkDuration minus(WorkDuration other) {
    return new WorkDuration(seconds - other.seconds);
  }

  public boolean isZero() {
    return seconds == 0;
  }

  @Override
  public int compareTo(WorkDuration other) {
    return Long.compare(seconds, other.seconds);
  }

  /** The shortest way to write it in the same form: {@code 1h30m}, {@code 45m}, {@code 0s}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (rest > 0 || text.length() == 0) {
      text.append(rest).append('s');
    }
    return text.toString();
  }

  /** The same as {@link #toString()}, for readers who look for a formatter. */
  public static String format(WorkDuration d) {
    return d.toString();
  }

  /** What a person is told the form is, in error messages. */
  public static String expected() {
    return "a duration such as `45m`, `2h` or `1h30m` (hours `h`, minutes `m`, seconds `s`; above zero, at most "
        + MAX.seconds / 3600 + "h)";
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
