package dev.workstreams.config;

import java.nio.charset.StandardCharsets;

/**
 * A value that must never reach a log line, an exception message or a {@code toString()}: the
 * webhook secret, a database password, a private key. Only {@link #reveal()} gives it out, so
 * every use of the real value is easy to find.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  public byte[] utf8() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
