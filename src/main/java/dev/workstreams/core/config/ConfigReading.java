package dev.workstreams.core.config;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.workstreams.core.ownership.Glob;
import dev.workstreams.core.ownership.GlobProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One pass over one config file's tokens; collects values and problems. Not reusable. */
final class ConfigReading {

  static final List<String> KEYS = List.of("trigger_label", "max_parallel", "agent", "shared", "enforcement", "protected");

  /** GitHub refuses label names longer than 50 characters. */
  private static final int MAX_LABEL_LENGTH = 50;
  private static final int MAX_PARALLEL = 50;
  private static final Pattern AGENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /** A problem that stops reading: an alias, or a second document. */
  static final class Refusal extends Exception {
    private final transient ConfigProblem problem;

    Refusal(ConfigProblem problem) {
      super(problem.describe(), null, false, false);
      this.problem = problem;
    }

    ConfigProblem problem() {
      return problem;
    }
  }

  private final YAMLParser parser;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private String triggerLabel = RepoConfig.DEFAULTS.triggerLabel();
  private int maxParallel = RepoConfig.DEFAULTS.maxParallel();
  private Optional<String> agent = RepoConfig.DEFAULTS.agent();
  private List<String> shared = RepoConfig.DEFAULTS.shared();
  private Enforcement enforcement = RepoConfig.DEFAULTS.enforcement();
  private List<String> protectedPaths = RepoConfig.DEFAULTS.protectedPaths();

  ConfigReading(YAMLParser parser) {
    this.parser = parser;
  }

  RepoConfigResult read() throws IOException, Refusal {
    JsonToken first = next();
    if (first == null || first == JsonToken.VALUE_NULL) {
      return new RepoConfigResult.Valid(RepoConfig.DEFAULTS);
    }
    if (first != JsonToken.START_OBJECT) {
      problem("the file must be a set of keys such as `trigger_label: plan`, not a list or a single value");
      return new RepoConfigResult.Invalid(problems);
    }
    for (JsonToken token = next(); token == JsonToken.FIELD_NAME; token = next()) {
      readKey(parser.currentName());
    }
    if (next() != null) {
      throw new Refusal(new ConfigProblem(line(), "the file must hold one YAML document; another starts here"));
    }
    if (!problems.isEmpty()) {
      return new RepoConfigResult.Invalid(problems);
    }
    return new RepoConfigResult.Valid(new RepoConfig(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths));
  }

  private void readKey(String key) throws IOException, Refusal {
    int keyLine = line();
    JsonToken value = next();
    if (!KEYS.contains(key)) {
      problems.add(new ConfigProblem(keyLine, "unknown key " + ValueText.quote(key) + "; the keys are " + String.join(", ", KEYS)));
      skip(value);
      return;
    }
    if (!seen.add(key)) {
      problems.add(new ConfigProblem(keyLine, ValueText.quote(key) + " is given twice; keep one"));
      skip(value);
      return;
    }
    switch (key) {
      case "trigger_label" -> readTriggerLabel(value);
      case "max_parallel" -> readMaxParallel(value);
      case "agent" -> readAgent(value);
      case "shared" -> readShared(value);
      case "protected" -> readProtected(value);
      default -> readEnforcement(value);
    }
  }

  private void readTriggerLabel(JsonToken value) throws IOException, Refusal {
    Optional<String> text = scalarText(value);
    int length = text.map(t -> t.codePointCount(0, t.length())).orElse(0);
    if (text.isEmpty() || text.get().isBlank() || length > MAX_LABEL_LENGTH) {
      problem("trigger_label must be a label name of 1 to " + MAX_LABEL_LENGTH + " characters"
          + (length > MAX_LABEL_LENGTH ? ", got " + length + " characters" : ""));
      skip(value);
      return;
    }
    triggerLabel = text.get();
  }

  private void readMaxParallel(JsonToken value) throws IOException, Refusal {
    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == YAMLParser.NumberType.INT
        && parser.getIntValue() >= 1 && parser.getIntValue() <= MAX_PARALLEL) {
      maxParallel = parser.getIntValue();
      return;
    }
    problem("max_parallel must be a whole number from 1 to " + MAX_PARALLEL + ", got " + shown(value));
    skip(value);
  }

  private void readAgent(JsonToken value) throws IOException, Refusal {
    if (isNothing(value)) {
      agent = Optional.empty();
      return;
    }
    Optional<String> text = scalarText(value);
    if (text.isPresent() && AGENT_NAME.matcher(text.get()).matches()) {
      agent = text;
      return;
    }
    problem("agent must be a profile name: a letter or digit, then up to 63 letters, digits, `_`, `.` or `-`, got "
        + shown(value));
    skip(value);
  }

  private void readShared(JsonToken value) throws IOException, Refusal {
    if (isNothing(value)) {
      shared = List.of();
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      problem("shared must be a list of paths, like `shared: [package-lock.json]`");
      skip(value);
      return;
    }
    List<String> paths = new ArrayList<>();
    int position = 0;
    for (JsonToken entry = next(); entry != JsonToken.END_ARRAY; entry = next()) {
      position++;
      Optional<String> text = scalarText(entry);
      if (text.isEmpty() || text.get().isBlank()) {
        problem("entry " + position + " of shared must be a non-empty path, got " + shown(entry));
        skip(entry);
      } else {
        paths.add(text.get());
      }
    }
    shared = paths;
  }

  /**
   * An empty {@code protected} is allowed and means what it says: the repository lets agents push
   * workflow files and CODEOWNERS like any other file their task owns.
   */
  private void readProtected(JsonToken value) throws IOException, Refusal {
    if (isNothing(value)) {
      protectedPaths = List.of();
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      problem("protected must be a list of globs, like `protected: [.github/workflows/**, CODEOWNERS]`");
      skip(value);
      return;
    }
    List<String> globs = new ArrayList<>();
    int position = 0;
    for (JsonToken entry = next(); entry != JsonToken.END_ARRAY; entry = next()) {
      position++;
      Optional<String> text = scalarText(entry);
      Optional<GlobProblem> wrong = text.filter(t -> !t.isBlank()).flatMap(Glob::problem);
      if (text.isEmpty() || text.get().isBlank()) {
        problem("entry " + position + " of protected must be a non-empty glob, got " + shown(entry));
        skip(entry);
      } else if (wrong.isPresent()) {
        problem("entry " + position + " of protected, " + ValueText.quote(text.get()) + ", is not a valid glob: "
            + wrong.get().message());
      } else {
        globs.add(text.get());
      }
    }
    protectedPaths = globs;
  }

  private void readEnforcement(JsonToken value) throws IOException, Refusal {
    Optional<Enforcement> chosen = scalarText(value).flatMap(Enforcement::fromYamlName);
    if (chosen.isPresent()) {
      enforcement = chosen.get();
      return;
    }
    problem("enforcement must be `comment` or `block`, got " + shown(value));
    skip(value);
  }

  /**
   * A key with no value. Jackson reports one as null, except on the file's last line, where it
   * reports an empty string: both mean "nothing" here.
   */
  private boolean isNothing(JsonToken value) throws IOException {
    return value == JsonToken.VALUE_NULL || (value == JsonToken.VALUE_STRING && parser.getText().isEmpty());
  }

  /** Text of a string or number scalar; booleans, nulls and collections are not text. */
  private Optional<String> scalarText(JsonToken value) throws IOException {
    boolean text = value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT
        || value == JsonToken.VALUE_NUMBER_FLOAT;
    return text ? Optional.of(parser.getText()) : Optional.empty();
  }

  private String shown(JsonToken value) throws IOException {
    return switch (value) {
      case START_OBJECT -> "a set of keys";
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "nothing";
      default -> ValueText.quote(parser.getText());
    };
  }

  private JsonToken next() throws IOException, Refusal {
    JsonToken token = parser.nextToken();
    if (token != null && parser.isCurrentAlias()) {
      throw new Refusal(new ConfigProblem(line(), "YAML aliases (`*name`) are not accepted here; write the value out"));
    }
    return token;
  }

  /** Skips a value token by token (not {@code skipChildren}) so aliases inside are refused too. */
  private void skip(JsonToken value) throws IOException, Refusal {
    int depth = value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY ? 1 : 0;
    while (depth > 0) {
      JsonToken token = next();
      if (token == null) {
        return;
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
  }

  private void problem(String message) {
    problems.add(new ConfigProblem(line(), message));
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }
}
