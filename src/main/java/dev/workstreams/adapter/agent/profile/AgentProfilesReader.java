package dev.workstreams.adapter.agent.profile;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.core.yaml.RepeatedKeys;
import dev.workstreams.core.yaml.YamlError;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import dev.workstreams.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the operator's agents file ({@code AGENTS_FILE}):
 *
 * <pre>
 * profiles:
 *   claude:
 *     command: [claude, -p, --permission-mode, acceptEdits]
 *     setup: [[npm, ci]]          # optional
 *     timeout: 45m                # default 45m
 *     setup_timeout: 10m          # default 15m, for each setup command
 *     env: { ANTHROPIC_API_KEY: "${ANTHROPIC_API_KEY}" }
 *     push_on_failure: false
 *   runners:                      # the agent runs in the repository's workflow on GitHub Actions
 *     runner: actions             # default: local
 *     workflow: workstreams-agent.yml   # default
 *     ref: main                   # optional: where the workflow is taken from; default branch
 *     timeout: 2h                 # how long the App waits for the run
 * default: claude                 # optional
 * planner: claude                 # optional: the profile that drafts plans (/workstreams draft)
 * </pre>
 *
 * Every problem is reported at once, with its line. {@code ${NAME}} is expanded from the server
 * environment given to the constructor (a map, so tests need not touch the real one).
 */
public final class AgentProfilesReader {

  /** SnakeYAML's default limit, which this file was read under before the reader was shared. */
  static final int MAX_CHARS = 3 * 1024 * 1024;
  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final EnvTemplate template;
  private final YamlReader yaml = new YamlReader(MAX_CHARS, YamlReader.DEFAULT_MAX_DEPTH);

  public AgentProfilesReader(Map<String, String> serverEnvironment) {
    this.template = new EnvTemplate(Map.copyOf(serverEnvironment));
  }

  public AgentProfiles read(Path file) throws AgentProfilesException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new AgentProfilesException(file.toString(),
          List.of(new ProfileProblem(0, "cannot read: " + e.getMessage())));
    }
  }

  /** Parses the file's text; {@code source} names it in the error message. */
  public AgentProfiles parse(String yaml, String source) throws AgentProfilesException {
    List<ProfileProblem> problems = new ArrayList<>();
    Optional<YamlNode> root = document(yaml, problems);
    Map<String, AgentProfile> profiles = new LinkedHashMap<>();
    Optional<String> defaultName = Optional.empty();
    Optional<String> plannerName = Optional.empty();
    if (root.isPresent() && !(root.get() instanceof YamlMap)) {
      problems.add(new ProfileProblem(root.get().line(), "the file must be a mapping with 'profiles' and 'default'"));
    } else if (root.isPresent()) {
      YamlMap top = (YamlMap) root.get();
      for (Entry entry : top.entries()) {
        switch (entry.key()) {
          case "profiles" -> readProfiles(entry.value(), profiles, problems);
          case "default" -> defaultName = defaultName(entry.value(), problems);
          case "planner" -> plannerName = plannerName(entry.value(), problems);
          default -> problems.add(new ProfileProblem(entry.line(),
              "unknown key '" + entry.key() + "' (known: profiles, default, planner)"));
        }
      }
      if (top.entries().stream().noneMatch(e -> e.key().equals("profiles"))) {
        problems.add(new ProfileProblem(top.line(), "no 'profiles' in the file"));
      }
      List<String> declared = declaredProfiles(top);
      // Without profiles, that one problem says it all.
      defaultName.filter(name -> !declared.isEmpty() && !declared.contains(name)).ifPresent(name ->
          problems.add(new ProfileProblem(lineOf(top, "default"), "default names '" + name
              + "', which is not a profile (profiles: " + String.join(", ", declared) + ")")));
      plannerName.filter(name -> !declared.isEmpty() && !declared.contains(name)).ifPresent(name ->
          problems.add(new ProfileProblem(lineOf(top, "planner"), "planner names '" + name
              + "', which is not a profile (profiles: " + String.join(", ", declared) + ")")));
    }
    if (!problems.isEmpty()) {
      throw new AgentProfilesException(source, problems);
    }
    return new AgentProfiles(profiles, defaultName, plannerName);
  }

  /** The document's root, or empty (with a problem recorded) when it cannot be read. */
  private Optional<YamlNode> document(String yaml, List<ProfileProblem> problems) {
    try {
      YamlNode root = this.yaml.read(yaml);
      // Repeated keys stay in the tree: each is read, and the file is refused for them anyway.
      RepeatedKeys.in(root).forEach(entry ->
          problems.add(new ProfileProblem(entry.line(), "duplicate key '" + entry.key() + "'")));
      return Optional.of(root);
    } catch (YamlError e) {
      problems.add(new ProfileProblem(e.line(), switch (e.kind()) {
        case SYNTAX -> "not valid YAML: " + e.detail();
        case ALIAS -> "aliases (*name) are not allowed";
        case MORE_DOCUMENTS -> "the file must hold one YAML document; another starts here";
      }));
      return Optional.empty();
    }
  }

  private void readProfiles(YamlNode node, Map<String, AgentProfile> profiles, List<ProfileProblem> problems) {
    if (!(node instanceof YamlMap mapping) || mapping.entries().isEmpty()) {
      problems.add(new ProfileProblem(node.line(), "'profiles' must map profile names to profiles"));
      return;
    }
    ProfileReader reader = new ProfileReader(template, problems);
    for (Entry entry : mapping.entries()) {
      if (!PROFILE_NAME.matcher(entry.key()).matches()) {
        problems.add(new ProfileProblem(entry.line(),
            "'" + entry.key() + "' is not a profile name (letters, digits, . _ -)"));
        continue;
      }
      reader.read(entry.key(), entry.line(), entry.value()).ifPresent(p -> profiles.put(p.name(), p));
    }
  }

  private static Optional<String> defaultName(YamlNode node, List<ProfileProblem> problems) {
    if (node instanceof YamlScalar name && !name.text().isBlank()) {
      return Optional.of(name.text());
    }
    problems.add(new ProfileProblem(node.line(), "default must name a profile"));
    return Optional.empty();
  }

  private static Optional<String> plannerName(YamlNode node, List<ProfileProblem> problems) {
    if (node instanceof YamlScalar name && !name.text().isBlank()) {
      return Optional.of(name.text());
    }
    problems.add(new ProfileProblem(node.line(), "planner must name a profile"));
    return Optional.empty();
  }

  /** The profile names written in the file, including those whose profile has problems. */
  private static List<String> declaredProfiles(YamlMap top) {
    return top.entries().stream()
        .filter(e -> e.key().equals("profiles") && e.value() instanceof YamlMap)
        .flatMap(e -> ((YamlMap) e.value()).entries().stream())
        .map(Entry::key)
        .toList();
  }

  private static int lineOf(YamlMap mapping, String key) {
    return mapping.entries().stream()
        .filter(e -> e.key().equals(key))
        .mapToInt(Entry::line)
        .findFirst()
        .orElse(0);
  }
}
