package dev.workstreams.adapter.github.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waiting, behind an interface so that tests record waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: blocks the calling thread. */
  static Sleeper threadSleep() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
