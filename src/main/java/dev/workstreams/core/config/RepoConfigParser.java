package dev.workstreams.core.config;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads {@code .github/workstreams.yml} text into a {@link RepoConfig}, or into every problem a
 * person must fix, each with its line. Never throws on user input.
 *
 * <p>The file is written by anyone who can push to the default branch, so it is read token by
 * token (never expanded into a tree), refused over 64 KiB, and refused when it uses YAML aliases,
 * the building block of "billion laughs" files, which no honest config of five keys needs.
 */
public final class RepoConfigParser {

  /** Far above any real config; keeps a hostile file from costing memory or time. */
  public static final int MAX_BYTES = 64 * 1024;

  private final YAMLFactory yaml;

  public RepoConfigParser() {
    LoaderOptions limits = new LoaderOptions();
    limits.setCodePointLimit(MAX_BYTES);
    this.yaml = YAMLFactory.builder().loaderOptions(limits).build();
  }

  public RepoConfigResult parse(String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return invalid(0, "the file is " + bytes + " bytes; at most " + MAX_BYTES + " bytes (64 KiB) are read");
    }
    try (YAMLParser parser = (YAMLParser) yaml.createParser(text)) {
      return new ConfigReading(parser).read();
    } catch (ConfigReading.Refusal refusal) {
      return new RepoConfigResult.Invalid(List.of(refusal.problem()));
    } catch (StreamReadException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      return invalid(line, "this is not valid YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      return invalid(0, "this is not valid YAML: " + firstLine(e.getMessage()));
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
