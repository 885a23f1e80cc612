package dev.workstreams.core.dashboard;

/**
 * Text the App did not write (task ids and titles, log lines, logins), made inert for HTML and SVG:
 * the five characters that can open a tag, an entity or end an attribute become entities.
 */
public final class Markup {

  private Markup() {}

  public static String escape(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** At most {@code max} characters, an ellipsis marking a cut. */
  public static String cut(String raw, int max) {
    return raw.length() <= max ? raw : raw.substring(0, Math.max(0, max - 1)) + "…";
  }
}
