package dev.workstreams.adapter.agent.profile;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.DurationText;
import dev.workstreams.adapter.agent.sandbox.SandboxPolicy;
import dev.workstreams.adapter.agent.ActionsRunner;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one profile of the agents file, recording every problem with its line. */
final class ProfileReader {

  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(45);
  static final Duration DEFAULT_SETUP_TIMEOUT = Duration.ofMinutes(15);

  private static final List<String> KEYS =
      List.of("command", "setup", "timeout", "setup_timeout", "env", "push_on_failure", "network", "mounts", "limits",
          "runner", "workflow", "ref");
  /** What a profile with {@code runner: actions} may not say: on Actions the repository's workflow decides what runs. */
  private static final List<String> LOCAL_ONLY =
      List.of("command", "setup", "setup_timeout", "env", "network", "mounts", "limits");
  /** What only a profile with {@code runner: actions} may say. */
  private static final List<String> ACTIONS_ONLY = List.of("workflow", "ref");
  /** A branch or tag name as git allows it, roughly: no spaces, control characters, {@code ..}, {@code ~^:?*[\}. */
  private static final Pattern REF = Pattern.compile("(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._/-]{1,200}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final EnvTemplate template;
  private final List<ProfileProblem> problems;
  private final SandboxKeysReader sandboxKeys;

  ProfileReader(EnvTemplate template, List<ProfileProblem> problems) {
    this.template = template;
    this.problems = problems;
    this.sandboxKeys = new SandboxKeysReader(problems);
  }

  /** Reads the profile {@code name}, whose key is on {@code line}. */
  Optional<AgentProfile> read(String name, int line, YamlNode node) {
    if (!(node instanceof YamlMap fields)) {
      return problem(node.line(), "profile '" + name + "' must be a mapping of command, timeout, …");
    }
    int before = problems.size();
    Optional<List<String>> command = Optional.empty();
    List<List<String>> setup = List.of();
    Duration timeout = DEFAULT_TIMEOUT;
    Duration setupTimeout = DEFAULT_SETUP_TIMEOUT;
    Map<String, String> env = Map.of();
    boolean pushOnFailure = false;
    SandboxPolicy sandbox = SandboxPolicy.DEFAULT;
    boolean onActions = false;
    String workflow = ActionsRunner.DEFAULT_WORKFLOW;
    Optional<String> ref = Optional.empty();
    for (Entry field : fields.entries()) {
      String where = "profile '" + name + "', " + field.key();
      switch (field.key()) {
        case "command" -> command = command(where, field.value());
        case "setup" -> setup = setup(where, field.value());
        case "timeout" -> timeout = duration(where, field.value()).orElse(timeout);
        case "setup_timeout" -> setupTimeout = duration(where, field.value()).orElse(setupTimeout);
        case "env" -> env = environment(where, field.value());
        case "push_on_failure" -> pushOnFailure = flag(where, field.value());
        case "network" -> sandbox = new SandboxPolicy(sandboxKeys.network(where, field.value()), sandbox.mounts(), sandbox.limits());
        case "mounts" -> sandbox = new SandboxPolicy(sandbox.network(), sandboxKeys.mounts(where, field.value()), sandbox.limits());
        case "limits" -> sandbox = new SandboxPolicy(sandbox.network(), sandbox.mounts(), sandboxKeys.limits(where, field.value()));
        case "runner" -> onActions = runner(where, field.value());
        case "workflow" -> workflow = workflow(where, field.value()).orElse(workflow);
        case "ref" -> ref = ref(where, field.value());
        default -> problems.add(new ProfileProblem(field.line(),
            "unknown key '" + field.key() + "' in profile '" + name + "' (known: " + String.join(", ", KEYS) + ")"));
      }
    }
    if (onActions) {
      return actionsProfile(name, fields, before, new ActionsRunner(workflow, ref, timeout), pushOnFailure);
    }
    fields.entries().stream().filter(e -> ACTIONS_ONLY.contains(e.key())).forEach(e -> problems.add(new ProfileProblem(
        e.line(), "profile '" + name + "', " + e.key() + ": only a profile with 'runner: actions' names a workflow")));
    if (command.isEmpty() && fields.entries().stream().noneMatch(e -> e.key().equals("command"))) {
      problems.add(new ProfileProblem(line, "profile '" + name + "' has no command"));
    }
    if (problems.size() > before || command.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AgentProfile(name, command.get(), setup, timeout, setupTimeout, env, pushOnFailure, sandbox));
  }

  /** A profile whose agent runs in the repository's workflow on an Actions runner. */
  private Optional<AgentProfile> actionsProfile(String name, YamlMap fields, int before, ActionsRunner runner,
      boolean pushOnFailure) {
    fields.entries().stream().filter(e -> LOCAL_ONLY.contains(e.key())).forEach(e -> problems.add(new ProfileProblem(
        e.line(), "profile '" + name + "', " + e.key() + ": not used with 'runner: actions', where the repository's"
            + " workflow decides what runs and no value of the server's goes to the runner")));
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new AgentProfile(name, List.of(), List.of(), runner.timeout(), DEFAULT_SETUP_TIMEOUT, Map.of(),
        pushOnFailure, SandboxPolicy.DEFAULT, Optional.of(runner)));
  }

  /** {@code runner: local} (the default) or {@code runner: actions}; true for actions. */
  private boolean runner(String where, YamlNode node) {
    if (node instanceof YamlScalar s && (s.text().equals("local") || s.text().equals("actions"))) {
      return s.text().equals("actions");
    }
    problems.add(new ProfileProblem(node.line(), where + ": " + SandboxKeysReader.written(node)
        + " is not a runner; write local (a process on this machine) or actions (the repository's workflow)"));
    return false;
  }

  private Optional<String> workflow(String where, YamlNode node) {
    if (node instanceof YamlScalar s && ActionsRunner.WORKFLOW_FILE.matcher(s.text()).matches()) {
      return Optional.of(s.text());
    }
    return problem(node.line(), where + ": " + SandboxKeysReader.written(node)
        + " is not a workflow file name; write one like workstreams-agent.yml");
  }

  private Optional<String> ref(String where, YamlNode node) {
    if (node instanceof YamlScalar s && REF.matcher(s.text()).matches() && !s.text().startsWith("-")
        && !s.text().endsWith("/") && !s.text().endsWith(".lock")) {
      return Optional.of(s.text());
    }
    return problem(node.line(), where + ": " + SandboxKeysReader.written(node) + " is not a branch or tag name");
  }

  private Optional<List<String>> command(String where, YamlNode node) {
    if (!(node instanceof YamlList list) || list.items().isEmpty()) {
      return problem(node.line(), where + " must be a non-empty list of arguments, like [claude, -p]");
    }
    List<String> args = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlScalar arg) || arg.text().isEmpty()) {
        return problem(item.line(), where + ": each argument must be non-empty text");
      }
      args.add(arg.text());
    }
    String program = args.get(0);
    if (program.contains("/") && !program.startsWith("/")) {
      // A relative path would be resolved in the working copy: the repository would pick the program.
      return problem(list.line(),
          where + ": the program must be a name found on PATH or an absolute path, not " + program);
    }
    return Optional.of(args);
  }

  private List<List<String>> setup(String where, YamlNode node) {
    if (!(node instanceof YamlList list)) {
      problems.add(new ProfileProblem(node.line(), where + " must be a list of commands, like [[npm, ci]]"));
      return List.of();
    }
    List<List<String>> commands = new ArrayList<>();
    list.items().forEach(item -> command(where, item).ifPresent(commands::add));
    return commands;
  }

  private Optional<Duration> duration(String where, YamlNode node) {
    Optional<Duration> duration = node instanceof YamlScalar s ? DurationText.parse(s.text()) : Optional.empty();
    if (duration.isEmpty()) {
      problems.add(new ProfileProblem(node.line(),
          where + ": " + SandboxKeysReader.written(node) + " is not a duration; write it like 90s, 45m, 2h or 1h30m"));
    }
    return duration;
  }

  private Map<String, String> environment(String where, YamlNode node) {
    if (!(node instanceof YamlMap vars)) {
      problems.add(new ProfileProblem(node.line(), where + " must be a mapping of NAME: value"));
      return Map.of();
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Entry var : vars.entries()) {
      if (!VARIABLE.matcher(var.key()).matches() || var.key().startsWith("WORKSTREAMS_")) {
        problems.add(new ProfileProblem(var.line(), where + ": '" + var.key()
            + "' is not a variable name a profile may set (WORKSTREAMS_* are the app's)"));
      } else if (!(var.value() instanceof YamlScalar value)) {
        problems.add(new ProfileProblem(var.line(), where + "." + var.key() + " must be text"));
      } else {
        env.put(var.key(), template.expand(value.text(), missing -> problems.add(new ProfileProblem(var.line(),
            where + "." + var.key() + " refers to ${" + missing + "}, which the server's environment does not set"))));
      }
    }
    return env;
  }

  private boolean flag(String where, YamlNode node) {
    if (node instanceof YamlScalar s && (s.text().equals("true") || s.text().equals("false"))) {
      return Boolean.parseBoolean(s.text());
    }
    problems.add(new ProfileProblem(node.line(), where + " must be true or false"));
    return false;
  }

  private <T> Optional<T> problem(int line, String message) {
    problems.add(new ProfileProblem(line, message));
    return Optional.empty();
  }
}
