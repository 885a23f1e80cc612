package dev.workstreams.core.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.workstreams.core.yaml.YamlError.Kind;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlNull;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import dev.workstreams.core.yaml.YamlNode.YamlScalar.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntUnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one reader of untrusted YAML (plans, the repository config, the agents file) into a
 * {@link YamlNode} tree, safely: the input is bounded, nesting is bounded, tags never instantiate
 * types (the tree holds text only) and aliases are refused outright, so a "billion laughs"
 * document is an error instead of an expansion. Callers check the size first, in their own words;
 * the parser's own limit is the backstop.
 */
public final class YamlReader {

  /** SnakeYAML's default nesting bound, which the config and the agents file were read under. */
  public static final int DEFAULT_MAX_DEPTH = 50;

  private final YAMLFactory factory;

  /**
   * @param maxChars the most characters read; a longer text is a {@link Kind#SYNTAX} error
   * @param maxDepth the deepest nesting of lists and mappings; it also bounds the recursion below
   */
  public YamlReader(int maxChars, int maxDepth) {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(maxChars + 1);
    loader.setNestingDepthLimit(maxDepth);
    loader.setMaxAliasesForCollections(0);
    loader.setAllowDuplicateKeys(true); // kept in the tree, reported by each reader with both lines
    factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
            .build();
  }

  /** The root node, with the lines the text has. */
  public YamlNode read(String text) throws YamlError {
    return read(text, IntUnaryOperator.identity());
  }

  /** The root node, each line passed through {@code lines} (a plan block's line → the issue's). */
  public YamlNode read(String text, IntUnaryOperator lines) throws YamlError {
    try (JsonParser parser = factory.createParser(text)) {
      Reading reading = new Reading((YAMLParser) parser, lines);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNull(1);
      }
      YamlNode root = reading.node();
      if (parser.nextToken() != null) {
        throw new YamlError(reading.line(), Kind.MORE_DOCUMENTS, "another document");
      }
      return root;
    } catch (YamlError e) {
      throw e;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : lines.applyAsInt(e.getLocation().getLineNr());
      throw new YamlError(line, Kind.SYNTAX, String.valueOf(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports limits and syntax through its own unchecked exceptions.
      throw new YamlError(0, Kind.SYNTAX, String.valueOf(e.getMessage()));
    }
  }

  private record Reading(YAMLParser parser, IntUnaryOperator lines) {

    YamlNode node() throws IOException, YamlError {
      int line = line();
      if (parser.isCurrentAlias()) {
        throw new YamlError(line, Kind.ALIAS, parser.getText());
      }
      switch (parser.currentToken()) {
        case START_OBJECT:
          return map(line);
        case START_ARRAY:
          List<YamlNode> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node());
          }
          return new YamlList(List.copyOf(items), line);
        case VALUE_NULL:
          return new YamlNull(line);
        default:
          return new YamlScalar(parser.getText(), type(parser.currentToken()), whole(), line);
      }
    }

    private OptionalLong whole() throws IOException {
      boolean fits = parser.currentToken() == JsonToken.VALUE_NUMBER_INT
          && (parser.getNumberType() == NumberType.INT || parser.getNumberType() == NumberType.LONG);
      return fits ? OptionalLong.of(parser.getLongValue()) : OptionalLong.empty();
    }

    private static Type type(JsonToken token) {
      return switch (token) {
        case VALUE_STRING -> Type.TEXT;
        case VALUE_NUMBER_INT -> Type.INTEGER;
        case VALUE_NUMBER_FLOAT -> Type.DECIMAL;
        case VALUE_TRUE, VALUE_FALSE -> Type.BOOLEAN;
        default -> Type.OTHER;
      };
    }

    private YamlNode map(int line) throws IOException, YamlError {
      List<Entry> entries = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = line();
        parser.nextToken();
        entries.add(new Entry(key, keyLine, node()));
      }
      return new YamlMap(List.copyOf(entries), line);
    }

    int line() {
      return lines.applyAsInt(parser.currentTokenLocation().getLineNr());
    }
  }
}
