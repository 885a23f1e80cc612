package dev.workstreams.core.config;

import dev.workstreams.core.yaml.YamlError;
import dev.workstreams.core.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads {@code .github/workstreams.yml} text into a {@link RepoConfig}, or into every problem a
 * person must fix, each with its line. Never throws on user input.
 *
 * <p>The file is written by anyone who can push to the default branch, so it is read by the shared
 * {@link YamlReader} (bounded, tags ignored), refused over 64 KiB, and refused when it uses YAML
 * aliases, the building block of "billion laughs" files, which no honest config of five keys needs.
 */
public final class RepoConfigParser {

  /** Far above any real config; keeps a hostile file from costing memory or time. */
  public static final int MAX_BYTES = 64 * 1024;

  private final YamlReader yaml = new YamlReader(MAX_BYTES, YamlReader.DEFAULT_MAX_DEPTH);

  public RepoConfigResult parse(String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return invalid(0, "the file is " + bytes + " bytes; at most " + MAX_BYTES + " bytes (64 KiB) are read");
    }
    try {
      return new ConfigReading().read(yaml.read(text));
    } catch (YamlError e) {
      return invalid(e.line(), switch (e.kind()) {
        case SYNTAX -> "this is not valid YAML: " + firstLine(e.detail());
        case ALIAS -> "YAML aliases (`*name`) are not accepted here; write the value out";
        case MORE_DOCUMENTS -> "the file must hold one YAML document; another starts here";
      });
    }
  }

  private static RepoConfigResult invalid(int line, String message) {
    return new RepoConfigResult.Invalid(List.of(new ConfigProblem(line, message)));
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "the parser gave no reason";
    }
    return message.strip().lines().findFirst().orElse(message);
  }
}
