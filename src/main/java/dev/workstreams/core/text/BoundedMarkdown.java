package dev.workstreams.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown text built from parts in the order of their importance, that never grows past its limit. Plain parts
 * (a heading, a verdict, a footer) stay whole when they can; lists are cut by whole item, and end with a line that
 * says how many items were left out. Every part keeps room for the smallest form of the parts after it, so a long
 * list early on cannot push out a later one entirely: the verdict and the first errors first, then the table.
 */
public final class BoundedMarkdown {

  private sealed interface Part permits Plain, Items {}

  private record Plain(String text) implements Part {}

  /** {@code more} is a format with one {@code %d}, the number of items left out: {@code "- … and %d more\n"}. */
  private record Items(String header, List<String> lines, String more, int maxChars) implements Part {}

  private final int limit;
  private final List<Part> parts = new ArrayList<>();

  public BoundedMarkdown(int limit) {
    this.limit = limit;
  }

  /** A text for an issue or pull request comment, or a pull request body. */
  public static BoundedMarkdown comment() {
    return new BoundedMarkdown(GitHubText.COMMENT);
  }

  public BoundedMarkdown text(String text) {
    parts.add(new Plain(text));
    return this;
  }

  /** One line per item (each item ends with its own newline), cut by whole item with {@code more}. */
  public BoundedMarkdown items(List<String> lines, String more) {
    return items("", lines, more, Integer.MAX_VALUE);
  }

  /**
   * A list under a {@code header} that is shown only with it; the list takes at most {@code maxChars}, so that what
   * follows still has room.
   */
  public BoundedMarkdown items(String header, List<String> lines, String more, int maxChars) {
    parts.add(new Items(header, List.copyOf(lines), more, maxChars));
    return this;
  }

  public String render() {
    int[] smallestAfter = new int[parts.size() + 1];
    for (int i = parts.size() - 1; i >= 0; i--) {
      smallestAfter[i] = smallestAfter[i + 1] + smallest(parts.get(i));
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      int room = Math.max(0, limit - out.length() - smallestAfter[i + 1]);
      Part part = parts.get(i);
      if (part instanceof Plain plain) {
        out.append(plain.text().length() <= room ? plain.text() : GitHubText.fit(plain.text(), room));
      } else if (part instanceof Items items) {
        out.append(render(items, Math.min(room, items.maxChars())));
      }
    }
    return GitHubText.fit(out.toString(), limit);
  }

  private static String render(Items items, int room) {
    List<String> lines = items.lines();
    int whole = items.header().length() + lines.stream().mapToInt(String::length).sum();
    if (lines.isEmpty() || whole <= room) {
      return lines.isEmpty() ? "" : items.header() + String.join("", lines);
    }
    StringBuilder out = new StringBuilder(items.header());
    int shown = 0;
    while (out.length() + lines.get(shown).length() + more(items, lines.size() - shown - 1).length() <= room) {
      out.append(lines.get(shown++));
    }
    String more = more(items, lines.size() - shown);
    return out.length() + more.length() <= room ? out.append(more).toString() : "";
  }

  private static String more(Items items, int left) {
    return String.format(Locale.ROOT, items.more(), left);
  }

  // What a part takes at the least: a plain part as a cut note (or whole, when shorter); a list as its "more" line.
  private static int smallest(Part part) {
    if (part instanceof Items items) {
      return items.lines().isEmpty() ? 0 : items.header().length() + more(items, items.lines().size()).length();
    }
    return Math.min(((Plain) part).text().length(), 200);
  }
}
