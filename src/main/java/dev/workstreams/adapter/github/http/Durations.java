package dev.workstreams.adapter.github.http;

import java.time.Duration;

/** Waits as people read them in logs: {@code 850ms}, {@code 60s}, {@code 14m 5s}. */
final class Durations {

  private Durations() {}

  static String describe(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds < 120) {
      return seconds + "s";
    }
    return seconds / 60 + "m " + seconds % 60 + "s";
  }
}
