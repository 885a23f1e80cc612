package dev.workstreams.adapter.github.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneStatesTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final LaneStates lanes = new LaneStates(clock, sleeper, Duration.ofSeconds(1));

  @Test
  void aRateLimitPausesEveryRequestOfItsInstallationOnly() throws IOException {
    lanes.pause(Lane.installation(1), clock.instant().plusSeconds(30));

    assertEquals(Duration.ZERO, lanes.awaitPause(Lane.installation(2)));
    assertEquals(Duration.ofSeconds(30), lanes.remainingPause(Lane.installation(1)));
    assertEquals(Duration.ofSeconds(30), lanes.awaitPause(Lane.installation(1)));
    assertEquals(Duration.ZERO, lanes.awaitPause(Lane.installation(1)));
  }

  @Test
  void aShorterPauseDoesNotShortenALongerOne() {
    lanes.pause(Lane.installation(1), clock.instant().plusSeconds(60));
    lanes.pause(Lane.installation(1), clock.instant().plusSeconds(5));

    assertEquals(Duration.ofSeconds(60), lanes.remainingPause(Lane.installation(1)));
  }

  @Test
  void writesWaitForTheGapAfterThePreviousWrite() throws IOException {
    lanes.exclusiveWrite(Lane.installation(1), () -> "first");
    clock.advance(Duration.ofMillis(300));
    lanes.exclusiveWrite(Lane.installation(1), () -> "second");
    lanes.exclusiveWrite(Lane.installation(2), () -> "other installation");

    assertEquals(List.of(Duration.ofMillis(700)), sleeper.waits());
  }
}
