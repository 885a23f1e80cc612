package dev.workstreams.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GitHubTextTest {

  private static String lines(int chars) {
    StringBuilder out = new StringBuilder();
    while (out.length() < chars) {
      out.append("- a line of a long comment\n");
    }
    return out.substring(0, chars);
  }

  @Test
  void keepsACommentOfExactlyTheLimit() {
    String text = lines(65_536);

    assertEquals(text, GitHubText.comment(text));
  }

  @Test
  void cutsACommentOneCharacterOverTheLimitAtALineAndSaysSo() {
    String cut = GitHubText.comment(lines(65_537));

    assertTrue(cut.length() <= 65_536, () -> "length " + cut.length());
    assertTrue(cut.endsWith("- a line of a long comment\n\n… (cut here: GitHub takes at most 65,536 characters)\n"),
        () -> cut.substring(cut.length() - 120));
  }

  @Test
  void checkOutputsStopOneCharacterEarlier() {
    assertEquals(lines(65_535), GitHubText.checkOutput(lines(65_535)));
    assertTrue(GitHubText.checkOutput(lines(65_536)).length() <= 65_535);
  }

  @Test
  void cutsOneLongLineInsideItWithoutSplittingASurrogatePair() {
    String text = "x".repeat(65_536 - 56) + "😀".repeat(100);

    String cut = GitHubText.comment(text);

    assertTrue(cut.length() <= 65_536);
    assertTrue(cut.endsWith("x\n\n… (cut here: GitHub takes at most 65,536 characters)\n"), cut.substring(cut.length() - 80));
  }

  @Test
  void aLineHasNoBreaksAndEndsWithAnEllipsisWhenCut() {
    assertEquals("a b", GitHubText.line("a\nb", 10));
    assertEquals("abcd…", GitHubText.line("abcdefgh", 5));
  }
}
