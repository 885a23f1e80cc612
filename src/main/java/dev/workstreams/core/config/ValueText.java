package dev.workstreams.core.config;

/** Shows a person's own value back to them in a comment without breaking its Markdown. */
final class ValueText {

  private static final int MAX_SHOWN = 60;

  private ValueText() {}

  static String quote(String value) {
    String flat = value.replace('`', '\'').replaceAll("\\s+", " ");
    if (flat.length() > MAX_SHOWN) {
      flat = flat.substring(0, MAX_SHOWN) + "…";
    }
    return "`" + flat + "`";
  }
}
