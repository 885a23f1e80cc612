package dev.workstreams.core.yaml;

/**
 * The text could not be read as one YAML document; there is no structure to check further. Each
 * reader words it for its own audience, so this carries what went wrong, not a sentence.
 */
public final class YamlError extends Exception {

  public enum Kind {
    /** The parser refused the text; {@link #detail()} is its message, possibly several lines. */
    SYNTAX,
    /** An alias ({@code *name}); {@link #detail()} is the alias as the parser gives it. */
    ALIAS,
    /** A second document starts at {@link #line()}. */
    MORE_DOCUMENTS
  }

  private final int line;
  private final Kind kind;
  private final String detail;

  YamlError(int line, Kind kind, String detail) {
    super(kind + " at line " + line + ": " + detail, null, false, false);
    this.line = line;
    this.kind = kind;
    this.detail = detail;
  }

  /** The line, through the reader's line mapping; 0 when the parser did not say. */
  public int line() {
    return line;
  }

  public Kind kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }

  /** The first line of {@link #detail()}, for a one-line message. */
  public String firstLineOfDetail() {
    String trimmed = detail.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
