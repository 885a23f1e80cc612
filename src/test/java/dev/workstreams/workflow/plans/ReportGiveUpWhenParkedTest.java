package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportGiveUpWhenParkedTest {

  @Test
  void saysWhichDeliveryWasGivenUpAfterHowManyAttemptsAndWhyInOneLine() {
    assertEquals("The App gave up on delivery `abc-1` (`issues.labeled`) after 8 failed attempts; last error: "
            + "`java.io.IOException: GitHub answered 502`. Once the cause is fixed, redeliver it from the App's advanced settings.",
        ReportGiveUpWhenParked.comment("abc-1", "issues.labeled", 8, "java.io.IOException: GitHub answered 502"));
  }

  @Test
  void keepsAHostileErrorToOneBoundedLineWithoutTokensOrCodeSpanBreaks() {
    String error = "boom `@everyone`\nsecond line ghs_abcdefghijklmnop Bearer eyJhbGciOiJSUzI1NiJ9.x " + "y".repeat(5000);
    String comment = ReportGiveUpWhenParked.comment("abc-1", "issues.labeled", 8, error);
    assertEquals(1, comment.lines().count());
    assertFalse(comment.contains("ghs_abcdefghijklmnop"), comment);
    assertFalse(comment.contains("eyJhbGciOiJSUzI1NiJ9"), comment);
    assertTrue(comment.contains("boom '@everyone' second line [redacted] [redacted]"), comment);
    assertTrue(comment.length() < ReportGiveUpWhenParked.MAX_ERROR_CHARACTERS + 250, "length " + comment.length());
  }

  @Test
  void writesAMarkerThatADeliveryIdCannotCloseEarly() {
    assertEquals("<!-- workstreams:gave-up {\"delivery\":\"abc-1\"} -->", ReportGiveUpWhenParked.marker("abc-1"));
    String marker = ReportGiveUpWhenParked.marker("x\"-->y");
    assertEquals(1, marker.split("-->", -1).length - 1, marker);
    assertTrue(marker.endsWith(" -->"), marker);
  }
}
