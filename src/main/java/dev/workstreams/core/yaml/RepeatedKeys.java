package dev.workstreams.core.yaml;

import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Keys written twice in one mapping: YAML leaves their meaning open, so every reader reports them. */
public final class RepeatedKeys {

  private RepeatedKeys() {}

  /** The second and later entries of a key, in the order a parser meets them (inner ones first). */
  public static List<Entry> in(YamlNode root) {
    List<Entry> repeated = new ArrayList<>();
    collect(root, repeated);
    return List.copyOf(repeated);
  }

  /** The tree with only the first entry of each key in every mapping. */
  public static YamlNode firstOnly(YamlNode node) {
    if (node instanceof YamlMap map) {
      List<Entry> entries = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Entry entry : map.entries()) {
        if (seen.add(entry.key())) {
          entries.add(new Entry(entry.key(), entry.line(), firstOnly(entry.value())));
        }
      }
      return new YamlMap(List.copyOf(entries), map.line());
    }
    if (node instanceof YamlList list) {
      return new YamlList(list.items().stream().map(RepeatedKeys::firstOnly).toList(), list.line());
    }
    return node;
  }

  private static void collect(YamlNode node, List<Entry> repeated) {
    if (node instanceof YamlMap map) {
      Set<String> seen = new HashSet<>();
      for (Entry entry : map.entries()) {
        collect(entry.value(), repeated);
        if (!seen.add(entry.key())) {
          repeated.add(entry);
        }
      }
    } else if (node instanceof YamlList list) {
      list.items().forEach(item -> collect(item, repeated));
    }
  }
}
