package dev.workstreams.adapter.agent.profile;

import dev.workstreams.adapter.agent.sandbox.ByteSize;
import dev.workstreams.adapter.agent.sandbox.Limits;
import dev.workstreams.adapter.agent.sandbox.Network;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlNull;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a profile's sandbox keys ({@code network}, {@code mounts}, {@code limits}), recording every problem with its line. */
final class SandboxKeysReader {

  static final List<String> LIMIT_KEYS = List.of("memory", "pids", "file_size");
  private static final int MAX_PIDS = 1_000_000;

  private final List<ProfileProblem> problems;

  SandboxKeysReader(List<ProfileProblem> problems) {
    this.problems = problems;
  }

  Network network(String where, YamlNode node) {
    if (node instanceof YamlScalar s && (s.text().equals("full") || s.text().equals("none"))) {
      return s.text().equals("full") ? Network.FULL : Network.NONE;
    }
    problems.add(new ProfileProblem(node.line(), where + " must be full or none, not " + written(node)));
    return Network.FULL;
  }

  List<Path> mounts(String where, YamlNode node) {
    if (!(node instanceof YamlList list)) {
      problems.add(new ProfileProblem(node.line(), where + " must be a list of absolute paths, like [/opt/toolchains]"));
      return List.of();
    }
    List<Path> mounts = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (item instanceof YamlScalar s && s.text().startsWith("/") && !Path.of(s.text()).normalize().toString().equals("/")
          && !List.of(s.text().split("/")).contains("..")) {
        mounts.add(Path.of(s.text()).normalize());
      } else {
        problems.add(new ProfileProblem(item.line(),
            where + ": " + written(item) + " is not an absolute path below / (read-only paths like /opt/toolchains)"));
      }
    }
    return mounts;
  }

  Limits limits(String where, YamlNode node) {
    Limits limits = Limits.DEFAULT;
    if (!(node instanceof YamlMap fields)) {
      problems.add(new ProfileProblem(node.line(), where + " must be a mapping like {memory: 4g, pids: 512, file_size: 1g}"));
      return limits;
    }
    for (Entry field : fields.entries()) {
      String key = where + "." + field.key();
      switch (field.key()) {
        case "memory" -> limits = size(key, field.value()).map(limits::withMemory).orElse(limits);
        case "file_size" -> limits = size(key, field.value()).map(limits::withFileSize).orElse(limits);
        case "pids" -> limits = pids(key, field.value()).map(limits::withPids).orElse(limits);
        default -> problems.add(new ProfileProblem(field.line(), "unknown key '" + field.key() + "' in " + where
            + " (known: " + String.join(", ", LIMIT_KEYS) + ")"));
      }
    }
    return limits;
  }

  private Optional<Long> size(String where, YamlNode node) {
    Optional<Long> size = node instanceof YamlScalar s ? ByteSize.parse(s.text()) : Optional.empty();
    if (size.isEmpty()) {
      problems.add(new ProfileProblem(node.line(), where + ": " + written(node) + " is not a size; write it like 512m, 4g or 1g"));
    }
    return size;
  }

  private Optional<Integer> pids(String where, YamlNode node) {
    if (node instanceof YamlScalar s && s.text().matches("[1-9][0-9]{0,6}") && Integer.parseInt(s.text()) <= MAX_PIDS) {
      return Optional.of(Integer.parseInt(s.text()));
    }
    problems.add(new ProfileProblem(node.line(),
        where + ": " + written(node) + " is not a number of processes from 1 to " + MAX_PIDS));
    return Optional.empty();
  }

  /** A value as the operator wrote it, or what it is: "'45 minutes'", "a list", "nothing". */
  static String written(YamlNode node) {
    if (node instanceof YamlScalar s) {
      return "'" + s.text() + "'";
    }
    return node instanceof YamlNull ? "nothing" : node.kind();
  }
}
