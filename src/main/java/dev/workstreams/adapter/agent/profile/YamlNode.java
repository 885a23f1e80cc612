package dev.workstreams.adapter.agent.profile;

import java.util.List;

/** A node of a YAML document with the line it starts on, so that problems can point at it. */
sealed interface YamlNode {

  int line();

  /** What the operator wrote, as a word for a message ("a list", "text"). */
  String kind();

  record Scalar(String text, int line) implements YamlNode {
    public String kind() {
      return "text";
    }
  }

  record Null(int line) implements YamlNode {
    public String kind() {
      return "nothing";
    }
  }

  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public String kind() {
      return "a list";
    }
  }

  record Mapping(List<Entry> entries, int line) implements YamlNode {
    public String kind() {
      return "a mapping";
    }
  }

  record Entry(String key, int line, YamlNode value) {}
}
