package dev.workstreams.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables; an empty value counts as unset, as in a shell. */
final class EnvironmentReader {
  private final Map<String, String> env;

  EnvironmentReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + value.get() + "'");
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  Duration millis(String name, Duration fallback) {
    return Duration.ofMillis(integer(name, (int) Math.min(fallback.toMillis(), Integer.MAX_VALUE), 1, Integer.MAX_VALUE));
  }
}
