package dev.workstreams.adapter.github.http;

import java.nio.charset.StandardCharsets;

/**
 * Escapes names (branches, labels, logins, file paths, repository names) for REST URL paths and
 * queries; the one way every part of {@code adapter/github} builds a path from a name. A name is
 * anyone's to choose: a {@code #} or {@code ?} left raw would cut the path, a {@code %} would be
 * read as an escape, and {@code [bot]} is not allowed raw in a URL.
 */
public final class RestPaths {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RestPaths() {}

  /** One path segment: everything but RFC 3986's unreserved characters is escaped, {@code /} included. */
  public static String segment(String value) {
    return escape(value, false);
  }

  /**
   * A value whose {@code /} separates segments GitHub reads as one parameter: a branch after
   * {@code /branches/} or {@code /git/refs/heads/}, a file path after {@code /contents/}.
   */
  public static String segments(String value) {
    return escape(value, true);
  }

  /** A query parameter's value. */
  public static String query(String value) {
    return escape(value, false);
  }

  /** {@code /repos/OWNER/NAME} for a full name {@code owner/name}. */
  public static String repository(String owner, String name) {
    return "/repos/" + segment(owner) + "/" + segment(name);
  }

  private static String escape(String value, boolean keepSlashes) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (unreserved(c) || (keepSlashes && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
