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
}
