package dev.workstreams.adapter.github.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckRunsTest {

  @Test
  void keepsASummaryThatFits() {
    String summary = "x".repeat(CheckRuns.MAX_SUMMARY);

    assertEquals(summary, CheckRuns.fitted(summary));
  }

  @Test
  void cutsALongerSummaryToGitHubsLimitAndSaysSo() {
    String fitted = CheckRuns.fitted("x".repeat(100_000));

    assertEquals(CheckRuns.MAX_SUMMARY, fitted.length());
    assertTrue(fitted.endsWith("\n\n… (cut here: GitHub shows at most 65,535 characters of a check run's summary)"), fitted);
  }

  @Test
  void neverCutsBetweenTheTwoHalvesOfACharacter() {
    int end = CheckRuns.MAX_SUMMARY - CheckRuns.CUT_NOTE.length();
    String summary = "x".repeat(end - 1) + "😀" + "x".repeat(1_000);

    String fitted = CheckRuns.fitted(summary);

    assertEquals("x".repeat(end - 1) + CheckRuns.CUT_NOTE, fitted);
  }
}
