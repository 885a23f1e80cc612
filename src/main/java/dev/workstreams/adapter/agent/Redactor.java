package dev.workstreams.adapter.agent;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Blanks secrets out of text as {@code ***}. Values shorter than four characters are left alone:
 * they cannot be credentials, and blanking every "1" or "on" would garble the log.
 */
final class Redactor {

  static final int MIN_LENGTH = 4;

  private final List<String> secrets;

  Redactor(Collection<String> secrets) {
    // Longest first, so that a secret containing another is blanked whole.
    this.secrets = secrets.stream()
        .filter(s -> s != null && s.length() >= MIN_LENGTH)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }

  /**
   * The same, for text decoded byte for byte as ISO-8859-1 (how the log file is rewritten, so that
   * output that is not valid UTF-8 survives untouched): each secret is matched by its UTF-8 bytes.
   */
  String redactBytes(String latin1Text) {
    String out = latin1Text;
    for (String secret : secrets) {
      out = out.replace(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), "***");
    }
    return out;
  }
}
