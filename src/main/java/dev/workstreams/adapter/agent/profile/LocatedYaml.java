package dev.workstreams.adapter.agent.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML into {@link YamlNode}s that remember their lines. Aliases ({@code *name}) are
 * refused: nothing in the agents file needs them, and they are how "billion laughs" documents
 * blow up. Duplicate keys are refused too, since YAML leaves their meaning open.
 */
final class LocatedYaml {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final List<ProfileProblem> problems;

  LocatedYaml(List<ProfileProblem> problems) {
    this.problems = problems;
  }

  /** The document's root, or empty (with a problem recorded) when it cannot be read. */
  Optional<YamlNode> read(String text) {
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.of(new YamlNode.Null(1));
      }
      return Optional.of(value(parser, first));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(new ProfileProblem(at == null ? 0 : at.getLineNr(), "not valid YAML: " + e.getOriginalMessage()));
    } catch (RefusedAlias e) {
      problems.add(new ProfileProblem(e.line, "aliases (*name) are not allowed"));
    } catch (IOException e) {
      problems.add(new ProfileProblem(0, "cannot read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private YamlNode value(YAMLParser parser, JsonToken token) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    if (parser.isCurrentAlias()) {
      throw new RefusedAlias(line);
    }
    switch (token) {
      case START_OBJECT:
        return mapping(parser, line);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(parser, t));
        }
        return new YamlNode.Sequence(items, line);
      case VALUE_NULL:
        return new YamlNode.Null(line);
      default:
        return new YamlNode.Scalar(parser.getText(), line);
    }
  }

  private YamlNode mapping(YAMLParser parser, int line) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      int keyLine = parser.currentTokenLocation().getLineNr();
      YamlNode value = value(parser, parser.nextToken());
      if (!seen.add(key)) {
        problems.add(new ProfileProblem(keyLine, "duplicate key '" + key + "'"));
      }
      entries.add(new YamlNode.Entry(key, keyLine, value));
    }
    return new YamlNode.Mapping(entries, line);
  }

  /** Unwinds the recursive descent at the first alias. */
  private static final class RefusedAlias extends IOException {
    private final int line;

    RefusedAlias(int line) {
      super("alias at line " + line);
      this.line = line;
    }
  }
}
