package dev.workstreams.core.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.workstreams.core.plan.YamlNode.Entry;
import dev.workstreams.core.plan.YamlNode.YamlList;
import dev.workstreams.core.plan.YamlNode.YamlMap;
import dev.workstreams.core.plan.YamlNode.YamlNull;
import dev.workstreams.core.plan.YamlNode.YamlScalar;
import dev.workstreams.core.text.InertText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads untrusted YAML into a {@link YamlNode} tree, safely: the input is bounded, nesting is
 * bounded, tags never instantiate types (the tree holds text only) and aliases are refused
 * outright, so a "billion laughs" document is an error instead of an expansion.
 */
final class YamlReader {

  static final int MAX_CHARS = 4 * 1024 * 1024;
  private static final int MAX_DEPTH = 32;

  private final YAMLFactory factory;

  YamlReader() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_CHARS + 1);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setMaxAliasesForCollections(0);
    loader.setAllowDuplicateKeys(true); // reported by us, with both lines
    factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
  }

  /** The root node; duplicate keys are added to {@code problems}, unreadable text is thrown. */
  YamlNode read(PlanBlock block, List<PlanProblem> problems) throws YamlError {
    if (block.content().length() > MAX_CHARS) {
      throw new YamlError(0, "the plan is larger than " + (MAX_CHARS / 1024 / 1024) + " MiB");
    }
    try (JsonParser parser = factory.createParser(block.content())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNull(1);
      }
      YamlNode root = node((YAMLParser) parser, block, problems);
      if (parser.nextToken() != null) {
        throw new YamlError(line(parser, block), "only one YAML document is allowed in the plan");
      }
      return root;
    } catch (YamlError e) {
      throw e;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : block.issueLine(e.getLocation().getLineNr());
      throw new YamlError(line, "invalid YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports limits and syntax through its own unchecked exceptions.
      throw new YamlError(0, "invalid YAML: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private YamlNode node(YAMLParser parser, PlanBlock block, List<PlanProblem> problems)
      throws IOException, YamlError {
    int line = line(parser, block);
    if (parser.isCurrentAlias()) {
      throw new YamlError(line, "YAML aliases (*" + parser.getText() + ") are not allowed in a plan; write the value out");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return map(parser, block, problems, line);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(parser, block, problems));
        }
        return new YamlList(List.copyOf(items), line);
      case VALUE_NULL:
        return new YamlNull(line);
      case VALUE_STRING:
        return new YamlScalar(parser.getText(), true, line);
      default:
        return new YamlScalar(parser.getText(), false, line);
    }
  }

  private YamlNode map(YAMLParser parser, PlanBlock block, List<PlanProblem> problems, int line)
      throws IOException, YamlError {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int keyLine = line(parser, block);
      parser.nextToken();
      YamlNode value = node(parser, block, problems);
      if (seen.add(key)) {
        entries.add(new Entry(key, keyLine, value));
      } else {
        problems.add(PlanProblem.error(keyLine, "the key " + InertText.code(key) + " appears twice in the same mapping"));
      }
    }
    return new YamlMap(List.copyOf(entries), line);
  }

  private static int line(JsonParser parser, PlanBlock block) {
    return block.issueLine(parser.currentTokenLocation().getLineNr());
  }

  private static String firstLine(String message) {
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  /** The text could not be read as YAML at all; the plan has no structure to check further. */
  static final class YamlError extends Exception {
    private final int line;

    YamlError(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}
