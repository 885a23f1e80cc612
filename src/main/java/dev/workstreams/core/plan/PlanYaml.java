package dev.workstreams.core.plan;

import dev.workstreams.core.text.InertText;
import dev.workstreams.core.yaml.RepeatedKeys;
import dev.workstreams.core.yaml.YamlError;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlReader;
import java.util.List;

/** A plan block read with the shared {@link YamlReader}, its lines the issue's and its failures in a plan author's words. */
final class PlanYaml {

  static final int MAX_CHARS = 4 * 1024 * 1024;
  private static final int MAX_DEPTH = 32;

  private final YamlReader reader = new YamlReader(MAX_CHARS, MAX_DEPTH);

  /** The root node, each key only once; repeated keys are added to {@code problems}, unreadable text is thrown. */
  YamlNode read(PlanBlock block, List<PlanProblem> problems) throws Unreadable {
    if (block.content().length() > MAX_CHARS) {
      throw new Unreadable(0, "the plan is larger than " + (MAX_CHARS / 1024 / 1024) + " MiB");
    }
    try {
      YamlNode root = reader.read(block.content(), block::issueLine);
      RepeatedKeys.in(root).forEach(entry -> problems.add(PlanProblem.error(entry.line(),
          "the key " + InertText.code(entry.key()) + " appears twice in the same mapping")));
      return RepeatedKeys.firstOnly(root);
    } catch (YamlError e) {
      throw new Unreadable(e.line(), switch (e.kind()) {
        case SYNTAX -> "invalid YAML: " + e.firstLineOfDetail();
        case ALIAS -> "YAML aliases (*" + e.detail() + ") are not allowed in a plan; write the value out";
        case MORE_DOCUMENTS -> "only one YAML document is allowed in the plan";
      });
    }
  }

  /** The text could not be read as YAML at all; the plan has no structure to check further. */
  static final class Unreadable extends Exception {
    private final int line;

    Unreadable(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}
