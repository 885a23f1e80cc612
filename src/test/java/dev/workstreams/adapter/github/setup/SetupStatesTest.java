package dev.workstreams.adapter.github.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.github.http.FakeClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetupStatesTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
  private final SetupStates states = new SetupStates(clock, new SecureRandom());

  @Test
  void aStateWorksOnce() {
    String state = states.issue();

    assertTrue(states.consume(state));
    assertFalse(states.consume(state));
  }

  @Test
  void statesAreRandomAndLong() {
    String first = states.issue();

    assertNotEquals(first, states.issue());
    assertEquals(43, first.length(), "256 bits in URL-safe base64");
  }

  @Test
  void aStateExpiresAfterAnHour() {
    String state = states.issue();
    clock.advance(Duration.ofHours(1));

    assertFalse(states.consume(state));
  }

  @Test
  void unknownAndMissingStatesAreRefused() {
    states.issue();

    assertFalse(states.consume("guess"));
    assertFalse(states.consume(null));
  }

  @Test
  void keepsABoundedNumberOfOutstandingStates() {
    String oldest = states.issue();
    for (int i = 0; i < SetupStates.MAX_OUTSTANDING; i++) {
      states.issue();
    }

    assertFalse(states.consume(oldest));
  }
}
