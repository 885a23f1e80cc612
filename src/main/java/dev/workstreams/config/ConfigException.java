package dev.workstreams.config;

/** A bad environment value, with a message an operator can act on (and never the value of a secret). */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
