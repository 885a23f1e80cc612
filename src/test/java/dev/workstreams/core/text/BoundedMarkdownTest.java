package dev.workstreams.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedMarkdownTest {

  private static final String MORE = "- … and %d more\n";

  /** Lines of ten characters each ("- item 01\n"), then one line that brings the total to {@code chars}. */
  private static List<String> items(int chars) {
    List<String> lines = new ArrayList<>();
    int total = 0;
    while (chars - total > 20) {
      lines.add("- item " + (lines.size() % 90 + 10) + "\n");
      total += 10;
    }
    lines.add("- " + "z".repeat(chars - total - 3) + "\n");
    return lines;
  }

  @Test
  void keepsEveryItemWhenTheTextIsExactlyTheLimit() {
    List<String> lines = items(65_536 - 7);

    String text = BoundedMarkdown.comment().text("# Head\n").items(lines, MORE).render();

    assertEquals(65_536, text.length());
    assertEquals("# Head\n" + String.join("", lines), text);
  }

  @Test
  void cutsByWholeItemsAndCountsThoseLeftOutOneCharacterOver() {
    List<String> lines = items(65_537 - 7);

    String text = BoundedMarkdown.comment().text("# Head\n").items(lines, MORE).render();

    assertTrue(text.length() <= 65_536, () -> "length " + text.length());
    assertTrue(text.startsWith("# Head\n- item 10\n"));
    String last = text.substring(text.lastIndexOf("- …"));
    int shown = (int) text.lines().filter(l -> l.startsWith("- item")).count();
    assertEquals("- … and " + (lines.size() - shown) + " more\n", last);
  }

  @Test
  void anEarlyLongListLeavesRoomForTheTextAfterIt() {
    String text = new BoundedMarkdown(200)
        .text("verdict\n")
        .items(items(1_000), MORE)
        .text("footer\n")
        .render();

    assertTrue(text.length() <= 200);
    assertTrue(text.startsWith("verdict\n- item 10\n"));
    assertTrue(text.endsWith(" more\nfooter\n"), text);
  }

  @Test
  void aListWithItsOwnMaximumLeavesTheRestForLaterParts() {
    String text = new BoundedMarkdown(1_000)
        .items("errors:\n", items(5_000), MORE, 100)
        .items("table:\n", items(300), MORE, Integer.MAX_VALUE)
        .render();

    assertTrue(text.indexOf("table:\n") <= 100, text);
    assertTrue(text.endsWith("z\n"), text);
  }

  @Test
  void anEmptyListShowsNotEvenItsHeader() {
    assertEquals("a\n", new BoundedMarkdown(100).text("a\n").items("header\n", List.of(), MORE, 50).render());
  }
}
