package dev.workstreams.adapter.agent.sandbox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as an operator writes them in a profile: {@code 512m}, {@code 4g}, {@code 100k} or plain bytes. */
public final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,12})([kmgt]?)");
  private static final String UNITS = "kmgt";

  private ByteSize() {}

  public static Optional<Long> parse(String text) {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long value = Long.parseLong(m.group(1));
    if (m.group(2).isEmpty()) {
      return Optional.of(value);
    }
    int shift = 10 * (UNITS.indexOf(m.group(2)) + 1);
    if (value > (Long.MAX_VALUE >> shift)) {
      return Optional.empty();
    }
    return Optional.of(value << shift);
  }

  /** The largest unit that divides the size: 4294967296 is {@code 4g}, 1536m stays {@code 1536m}. */
  public static String format(long bytes) {
    for (int i = UNITS.length() - 1; i >= 0; i--) {
      long unit = 1L << (10 * (i + 1));
      if (bytes >= unit && bytes % unit == 0) {
        return bytes / unit + String.valueOf(UNITS.charAt(i));
      }
    }
    return Long.toString(bytes);
  }
}
