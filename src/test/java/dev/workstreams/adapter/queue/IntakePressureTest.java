package dev.workstreams.adapter.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntakePressureTest {
  private final MovableClock clock = new MovableClock();
  private final IntakePressure pressure = new IntakePressure(clock);

  @Test
  void isCalmWithoutDeliveries() {
    assertFalse(pressure.isBusy());
  }

  @Test
  void isCalmAtAnOrdinaryRate() {
    pressure.stored(3);
    clock.advance(40);
    pressure.stored(2);

    assertFalse(pressure.isBusy());
  }

  @Test
  void isBusyDuringABurstAndTheWindowAfterIt() {
    pressure.stored(30);
    pressure.stored(30);
    assertTrue(pressure.isBusy());

    clock.advance(100);
    assertTrue(pressure.isBusy(), "a burst in the previous window still counts");

    clock.advance(100);
    assertFalse(pressure.isBusy(), "calm again once a whole window has passed without deliveries");
  }

  @Test
  void yieldsWithoutWaitingWhenCalm() {
    pressure.yieldToIntake();

    assertFalse(pressure.isBusy());
  }

  /** A clock that only moves when told to. */
  private static final class MovableClock extends Clock {
    private long millis = 1_000_000;

    void advance(long by) {
      millis += by;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
