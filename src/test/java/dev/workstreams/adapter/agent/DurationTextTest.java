package dev.workstreams.adapter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void readsSecondsMinutesHoursAndTheirSums() {
    assertEquals(Optional.of(Duration.ofSeconds(90)), DurationText.parse("90s"));
    assertEquals(Optional.of(Duration.ofMinutes(45)), DurationText.parse("45m"));
    assertEquals(Optional.of(Duration.ofHours(2)), DurationText.parse("2h"));
    assertEquals(Optional.of(Duration.ofMinutes(90)), DurationText.parse("1h30m"));
  }

  @Test
  void refusesBareNumbersZeroAndOtherUnits() {
    for (String text : new String[] {"90", "0s", "", "45 m", "1d", "m", "-5m", "1.5h"}) {
      assertTrue(DurationText.parse(text).isEmpty(), text);
    }
  }

  @Test
  void formatsTheWayItReads() {
    assertEquals("1h30m", DurationText.format(Duration.ofMinutes(90)));
    assertEquals("2s", DurationText.format(Duration.ofSeconds(2)));
    assertEquals("0s", DurationText.format(Duration.ZERO));
  }
}
