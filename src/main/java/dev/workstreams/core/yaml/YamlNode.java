package dev.workstreams.core.yaml;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A YAML value with the line it started on. Plans, the repository config and the agents file need
 * positions for their messages and nothing else YAML offers (types, tags, anchors), so the tree
 * holds only maps, lists, scalars as their source text, and null. A map keeps every entry as
 * written, repeated keys included: {@link RepeatedKeys} finds them and each reader decides.
 */
public sealed interface YamlNode {

  int line();

  /** What the node is, in the words a plan author would use. */
  String kind();

  record Entry(String key, int line, YamlNode value) {}

  record YamlMap(List<Entry> entries, int line) implements YamlNode {
    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  record YamlList(List<YamlNode> items, int line) implements YamlNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as written, with what the parser took it for; {@code whole} is a whole number's value
   * as the parser decodes it, since YAML also writes 16 as {@code 0x10} or {@code 1_6}.
   */
  record YamlScalar(String text, Type type, OptionalLong whole, int line) implements YamlNode {

    /** What the parser took a scalar for; {@code OTHER} is what no reader expects (binary, say). */
    public enum Type { TEXT, INTEGER, DECIMAL, BOOLEAN, OTHER }

    /** False for numbers and booleans written bare. */
    public boolean string() {
      return type == Type.TEXT;
    }

    @Override
    public String kind() {
      return string() ? "text" : "the value " + text;
    }
  }

  record YamlNull(int line) implements YamlNode {
    @Override
    public String kind() {
      return "empty";
    }
  }
}
