package dev.workstreams.adapter.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: {@code 90s}, {@code 45m}, {@code 2h}, {@code 1h30m}. */
public final class DurationText {

  private static final Pattern FORM = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

  private DurationText() {}

  /** The duration, or empty when the text is not of that form or is zero. */
  public static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (text.isBlank() || !m.matches()) {
      return Optional.empty();
    }
    Duration d = Duration.ofHours(number(m.group(1)))
        .plusMinutes(number(m.group(2)))
        .plusSeconds(number(m.group(3)));
    return d.isZero() ? Optional.empty() : Optional.of(d);
  }

  /** The shortest way to write {@code d} in the same form, for logs and comments. */
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

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
