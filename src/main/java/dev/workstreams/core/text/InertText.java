package dev.workstreams.core.text;

/**
 * Text the App did not write (task titles, globs, keys, paths, log lines), made inert before it goes into Markdown
 * that the App posts: it cannot mention anyone, start a heading or a list, end a table cell, open a link or an HTML
 * tag, or carry one of the App's hidden {@code <!-- workstreams:… -->} markers, which the App would later trust as its
 * own.
 */
public final class InertText {

  // A zero-width space: "@\u200Bname" reads as @name and pings nobody (the way Dependabot and Renovate quote names).
  private static final String ZWSP = "\u200B";
  private static final String MARKDOWN_PUNCTUATION = "\\`*_[]()#+-!|~>{}";

  private InertText() {}

  /** Running text, shown as written on one line: Markdown punctuation escaped, {@code <} and {@code &} as entities. */
  public static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else if (c == '<') {
        out.append("&lt;");
      } else if (c == '&') {
        out.append("&amp;");
      } else if (c == '@') {
        out.append('@').append(ZWSP);
      } else if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Inline code, shown as written on one line: a fence longer than any run of backticks inside, so the text cannot
   * end the span; {@code <!--} broken by a zero-width space, because code spans keep entities literal.
   */
  public static String code(String raw) {
    String flat = markersBroken(raw.replace('\r', ' ').replace('\n', ' '));
    int longestRun = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    if (longestRun == 0) {
      return "`" + flat + "`";
    }
    String fence = "`".repeat(longestRun + 1);
    return fence + " " + flat + " " + fence;
  }

  /** Lines shown inside a fenced code block the App opened with {@code ```}: they can neither close it nor hide a marker. */
  public static String insideCodeBlock(String raw) {
    return markersBroken(raw.replace("```", "`" + ZWSP + "``").replace("~~~", "~" + ZWSP + "~~"));
  }

  /**
   * A message that quotes user text in its own way (YAML parser errors, glob problems): left as written, except that
   * it can no longer mention anyone or carry a marker.
   */
  public static String unmentioned(String message) {
    return markersBroken(message.replace("@", "@" + ZWSP));
  }

  private static String markersBroken(String text) {
    return text.replace("<!--", "<" + ZWSP + "!--");
  }
}
