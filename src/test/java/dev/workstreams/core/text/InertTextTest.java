package dev.workstreams.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class InertTextTest {

  @Test
  void textCannotMentionFormatEndACellOrOpenATag() {
    assertEquals("Ping @\u200Balice \\| \\*bold\\* &lt;\\!\\-\\- workstreams:tracking \\-\\-\\> \\[x\\]\\(y\\) a &amp;b",
        InertText.text("Ping @alice | *bold* <!-- workstreams:tracking --> [x](y) a &b"));
  }

  @Test
  void textStaysOnOneLine() {
    assertEquals("\\# one two", InertText.text("# one\ntwo"));
  }

  @Test
  void codeGetsAFenceLongerThanAnyBacktickRunInside() {
    assertEquals("`src/**`", InertText.code("src/**"));
    assertEquals("``` a``b ```", InertText.code("a``b"));
  }

  @Test
  void codeCannotCarryAMarker() {
    String code = InertText.code("<!-- workstreams:ownership -->");

    assertFalse(code.contains("<!--"), code);
  }

  @Test
  void linesInACodeBlockCannotCloseItNorHideAMarker() {
    String line = InertText.insideCodeBlock("```\n<!-- workstreams:tracking -->");

    assertFalse(line.contains("```"), line);
    assertFalse(line.contains("<!--"), line);
  }
}
