package dev.workstreams.adapter.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether deliveries are pouring in right now. Intake is the part GitHub waits for (it gives up
 * after 10 s), handling is the part that can lag, since every delivery is stored with its job.
 * So while intake runs at a burst rate, each job waits a little before it starts, leaving the
 * processor to intake; every job still starts within {@link #MAX_YIELD}, so handling never stops.
 */
public final class IntakePressure {
  /** One window: deliveries stored in it decide whether intake is busy. */
  private static final long WINDOW_MILLIS = 100;
  /** Busy from this many deliveries a window (500 a second) on: far above any GitHub App's daily rhythm. */
  private static final long BUSY_PER_WINDOW = 50;
  static final Duration MAX_YIELD = Duration.ofMillis(500);
  private static final long NAP_MILLIS = 10;

  private final Clock clock;
  private final AtomicLong window = new AtomicLong();
  private final AtomicLong countInWindow = new AtomicLong();
  private final AtomicLong countInPreviousWindow = new AtomicLong();

  public IntakePressure(Clock clock) {
    this.clock = clock;
  }

  /** Intake stored {@code deliveries} just now. */
  void stored(int deliveries) {
    long current = clock.millis() / WINDOW_MILLIS;
    long seen = window.get();
    if (current != seen && window.compareAndSet(seen, current)) {
      countInPreviousWindow.set(current == seen + 1 ? countInWindow.get() : 0);
      countInWindow.set(0);
    }
    countInWindow.addAndGet(deliveries);
  }

  boolean isBusy() {
    long current = clock.millis() / WINDOW_MILLIS;
    long seen = window.get();
    if (current == seen) {
      return countInWindow.get() >= BUSY_PER_WINDOW || countInPreviousWindow.get() >= BUSY_PER_WINDOW;
    }
    return current == seen + 1 && countInWindow.get() >= BUSY_PER_WINDOW;
  }

  /** Called by a job before it starts: waits while intake is busy, at most {@link #MAX_YIELD}. */
  void yieldToIntake() {
    long deadline = clock.millis() + MAX_YIELD.toMillis();
    while (isBusy() && clock.millis() < deadline) {
      try {
        Thread.sleep(NAP_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
