package dev.workstreams.core.config;

import java.util.Optional;

/** What the app does about files a workstream touches outside its ownership. */
public enum Enforcement {
  /** Comment on the pull request and fail the ownership check. */
  COMMENT,
  /** As {@link #COMMENT}, and never push an agent's changes to files outside ownership. */
  BLOCK;

  /** The spelling used in the YAML file: {@code comment} or {@code block}. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<Enforcement> fromYamlName(String text) {
    for (Enforcement value : values()) {
      if (value.yamlName().equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
