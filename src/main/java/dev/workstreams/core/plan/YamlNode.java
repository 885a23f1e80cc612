package dev.workstreams.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the block line it started on. Plans need positions for their messages and
 * nothing else YAML offers (types, tags, anchors), so the tree holds only maps, lists, scalars
 * as their source text, and null.
 */
sealed interface YamlNode {

  int line();

  /** What the node is, in the words a plan author would use. */
  String kind();

  record Entry(String key, int line, YamlNode value) {}

  record YamlMap(List<Entry> entries, int line) implements YamlNode {
    Optional<Entry> entry(String key) {
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

  /** A scalar as written; {@code string} is false for numbers and booleans written bare. */
  record YamlScalar(String text, boolean string, int line) implements YamlNode {
    @Override
    public String kind() {
      return string ? "text" : "the value " + text;
    }
  }

  record YamlNull(int line) implements YamlNode {
    @Override
    public String kind() {
      return "empty";
    }
  }
}
