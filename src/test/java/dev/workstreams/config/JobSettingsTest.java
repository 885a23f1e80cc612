package dev.workstreams.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobSettingsTest {
  private final JobSettings settings = new JobSettings(
      2, Duration.ofSeconds(1), 5, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofSeconds(30));

  @Test
  void doublesTheRetryDelayAfterEachFailureUpToTheCeiling() {
    assertEquals(Duration.ofSeconds(10), settings.retryDelayAfter(1));
    assertEquals(Duration.ofSeconds(20), settings.retryDelayAfter(2));
    assertEquals(Duration.ofSeconds(40), settings.retryDelayAfter(3));
    assertEquals(Duration.ofSeconds(60), settings.retryDelayAfter(4));
    assertEquals(Duration.ofSeconds(60), settings.retryDelayAfter(400));
  }

  @Test
  void recoversADeadInstancesJobsAfterFourMissedHeartbeatsOfThirtySecondsByDefault() {
    JobSettings defaults = JobSettings.defaults();
    assertEquals(Duration.ofSeconds(30), defaults.heartbeatInterval());
    assertEquals(4, JobSettings.MISSED_HEARTBEATS_LIMIT);
    assertEquals(Duration.ofSeconds(120), defaults.deadInstanceRecovery());
  }

  @Test
  void keepsTheHeartbeatAtLeastASecondForShortTestLeases() {
    JobSettings shortLease = new JobSettings(
        1, Duration.ofMillis(100), 3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(1), shortLease.heartbeatInterval());
    assertEquals(Duration.ofSeconds(4), shortLease.deadInstanceRecovery());
  }
}
