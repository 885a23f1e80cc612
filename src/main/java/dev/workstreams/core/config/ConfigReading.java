package dev.workstreams.core.config;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.ownership.Glob;
import dev.workstreams.core.ownership.GlobProblem;
import dev.workstreams.core.schedule.WorkDuration;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlNull;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import dev.workstreams.core.yaml.YamlNode.YamlScalar.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** One pass over one config file's tree; collects values and problems. Not reusable. */
final class ConfigReading {

  static final List<String> KEYS = List.of("trigger_label", "max_parallel", "agent", "shared", "enforcement", "protected",
      "preview", "max_revisions", "agent_time_budget", "rerun_failed_checks", "review_time", "draft_label");

  /** GitHub refuses label names longer than 50 characters. */
  private static final int MAX_LABEL_LENGTH = 50;
  private static final int MAX_PARALLEL = 50;
  private static final int MAX_REVISIONS = 20;
  private static final Pattern AGENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private String triggerLabel = RepoConfig.DEFAULTS.triggerLabel();
  private int maxParallel = RepoConfig.DEFAULTS.maxParallel();
  private Optional<String> agent = RepoConfig.DEFAULTS.agent();
  private List<String> shared = RepoConfig.DEFAULTS.shared();
  private Enforcement enforcement = RepoConfig.DEFAULTS.enforcement();
  private List<String> protectedPaths = RepoConfig.DEFAULTS.protectedPaths();
  private Optional<Boolean> preview = RepoConfig.DEFAULTS.preview();
  private FollowThroughSettings followThrough = FollowThroughSettings.DEFAULTS;
  private WorkDuration reviewTime = RepoConfig.DEFAULTS.reviewTime();
  private String draftLabel = RepoConfig.DEFAULTS.draftLabel();

  RepoConfigResult read(YamlNode root) {
    if (root instanceof YamlNull) {
      return new RepoConfigResult.Valid(RepoConfig.DEFAULTS);
    }
    if (!(root instanceof YamlMap keys)) {
      problem(root, "the file must be a set of keys such as `trigger_label: plan`, not a list or a single value");
      return new RepoConfigResult.Invalid(problems);
    }
    keys.entries().forEach(this::readKey);
    if (!problems.isEmpty()) {
      return new RepoConfigResult.Invalid(problems);
    }
    return new RepoConfigResult.Valid(new RepoConfig(triggerLabel, maxParallel, agent, shared, enforcement, protectedPaths,
        preview, followThrough, reviewTime, draftLabel));
  }

  private void readKey(Entry entry) {
    String key = entry.key();
    if (!KEYS.contains(key)) {
      problems.add(new ConfigProblem(entry.line(), "unknown key " + ValueText.quote(key) + "; the keys are " + String.join(", ", KEYS)));
      return;
    }
    if (!seen.add(key)) {
      problems.add(new ConfigProblem(entry.line(), ValueText.quote(key) + " is given twice; keep one"));
      return;
    }
    YamlNode value = entry.value();
    switch (key) {
      case "trigger_label" -> readTriggerLabel(value);
      case "max_parallel" -> readMaxParallel(value);
      case "agent" -> readAgent(value);
      case "shared" -> readShared(value);
      case "protected" -> readProtected(value);
      case "preview" -> readPreview(value);
      case "max_revisions", "agent_time_budget", "rerun_failed_checks" -> readFollowThrough(key, value);
      case "review_time" -> readReviewTime(value);
      case "draft_label" -> readDraftLabel(value);
      default -> readEnforcement(value);
    }
  }

  private void readTriggerLabel(YamlNode value) {
    label(value, "trigger_label").ifPresent(label -> triggerLabel = label);
  }

  private void readDraftLabel(YamlNode value) {
    label(value, "draft_label").ifPresent(label -> draftLabel = label);
  }

  private Optional<String> label(YamlNode value, String key) {
    Optional<String> text = scalarText(value);
    int length = text.map(t -> t.codePointCount(0, t.length())).orElse(0);
    if (text.isEmpty() || text.get().isBlank() || length > MAX_LABEL_LENGTH) {
      problem(value, key + " must be a label name of 1 to " + MAX_LABEL_LENGTH + " characters"
          + (length > MAX_LABEL_LENGTH ? ", got " + length + " characters" : ""));
      return Optional.empty();
    }
    return text;
  }

  private void readReviewTime(YamlNode value) {
    Optional<WorkDuration> parsed = scalarText(value).flatMap(WorkDuration::parse);
    if (parsed.isPresent()) {
      reviewTime = parsed.get();
      return;
    }
    problem(value, "review_time must be " + WorkDuration.expected() + ", got " + shown(value));
  }

  private void readMaxParallel(YamlNode value) {
    OptionalLong whole = value instanceof YamlScalar s ? s.whole() : OptionalLong.empty();
    if (whole.isPresent() && whole.getAsLong() >= 1 && whole.getAsLong() <= MAX_PARALLEL) {
      maxParallel = (int) whole.getAsLong();
      return;
    }
    problem(value, "max_parallel must be a whole number from 1 to " + MAX_PARALLEL + ", got " + shown(value));
  }

  private void readAgent(YamlNode value) {
    if (isNothing(value)) {
      agent = Optional.empty();
      return;
    }
    Optional<String> text = scalarText(value);
    if (text.isPresent() && AGENT_NAME.matcher(text.get()).matches()) {
      agent = text;
      return;
    }
    problem(value, "agent must be a profile name: a letter or digit, then up to 63 letters, digits, `_`, `.` or `-`, got "
        + shown(value));
  }

  private void readShared(YamlNode value) {
    if (isNothing(value)) {
      shared = List.of();
      return;
    }
    if (!(value instanceof YamlList list)) {
      problem(value, "shared must be a list of paths, like `shared: [package-lock.json]`");
      return;
    }
    List<String> paths = new ArrayList<>();
    int position = 0;
    for (YamlNode entry : list.items()) {
      position++;
      Optional<String> text = scalarText(entry);
      if (text.isEmpty() || text.get().isBlank()) {
        problem(entry, "entry " + position + " of shared must be a non-empty path, got " + shown(entry));
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
  private void readProtected(YamlNode value) {
    if (isNothing(value)) {
      protectedPaths = List.of();
      return;
    }
    if (!(value instanceof YamlList list)) {
      problem(value, "protected must be a list of globs, like `protected: [.github/workflows/**, CODEOWNERS]`");
      return;
    }
    List<String> globs = new ArrayList<>();
    int position = 0;
    for (YamlNode entry : list.items()) {
      position++;
      Optional<String> text = scalarText(entry);
      Optional<GlobProblem> wrong = text.filter(t -> !t.isBlank()).flatMap(Glob::problem);
      if (text.isEmpty() || text.get().isBlank()) {
        problem(entry, "entry " + position + " of protected must be a non-empty glob, got " + shown(entry));
      } else if (wrong.isPresent()) {
        problem(entry, "entry " + position + " of protected, " + ValueText.quote(text.get()) + ", is not a valid glob: "
            + wrong.get().message());
      } else {
        globs.add(text.get());
      }
    }
    protectedPaths = globs;
  }

  private void readPreview(YamlNode value) {
    if (value instanceof YamlScalar s && s.type() == Type.BOOLEAN) {
      preview = Optional.of(isTrue(s));
      return;
    }
    problem(value, "preview must be `true` or `false`, got " + shown(value));
  }

  /** The parser decides what is a boolean (YAML 1.1 also takes yes/no, on/off); its text says which one. */
  private static boolean isTrue(YamlScalar s) {
    return Set.of("true", "yes", "y", "on").contains(s.text().toLowerCase(java.util.Locale.ROOT));
  }

  private void readFollowThrough(String key, YamlNode value) {
    FollowThroughSettings f = followThrough;
    if (key.equals("max_revisions")) {
      OptionalLong whole = value instanceof YamlScalar s ? s.whole() : OptionalLong.empty();
      if (whole.isPresent() && whole.getAsLong() >= 0 && whole.getAsLong() <= MAX_REVISIONS) {
        followThrough = new FollowThroughSettings((int) whole.getAsLong(), f.agentTimeBudgetSeconds(), f.planTimeBudgetSeconds(),
            f.rerunFailedChecks());
      } else {
        problem(value, "max_revisions must be a whole number from 0 to " + MAX_REVISIONS + ", got " + shown(value));
      }
    } else if (key.equals("agent_time_budget")) {
      OptionalLong budget = scalarText(value).flatMap(WorkDuration::parse)
          .map(d -> OptionalLong.of(d.seconds())).orElse(OptionalLong.empty());
      if (budget.isPresent()) {
        followThrough = new FollowThroughSettings(f.maxRevisions(), budget.getAsLong(), f.planTimeBudgetSeconds(),
            f.rerunFailedChecks());
      } else {
        problem(value, "agent_time_budget must be a duration like `2h`, `45m` or `1h30m`, got " + shown(value));
      }
    } else if (value instanceof YamlScalar s && s.type() == Type.BOOLEAN) {
      followThrough = new FollowThroughSettings(f.maxRevisions(), f.agentTimeBudgetSeconds(), f.planTimeBudgetSeconds(),
          isTrue(s));
    } else {
      problem(value, "rerun_failed_checks must be `true` or `false`, got " + shown(value));
    }
  }

  private void readEnforcement(YamlNode value) {
    Optional<Enforcement> chosen = scalarText(value).flatMap(Enforcement::fromYamlName);
    if (chosen.isPresent()) {
      enforcement = chosen.get();
      return;
    }
    problem(value, "enforcement must be `comment` or `block`, got " + shown(value));
  }

  /**
   * A key with no value. Jackson reports one as null, except on the file's last line, where it
   * reports an empty string: both mean "nothing" here.
   */
  private static boolean isNothing(YamlNode value) {
    return value instanceof YamlNull || (value instanceof YamlScalar s && s.type() == Type.TEXT && s.text().isEmpty());
  }

  /** Text of a string or number scalar; booleans, nulls and collections are not text. */
  private static Optional<String> scalarText(YamlNode value) {
    return value instanceof YamlScalar s && s.type() != Type.BOOLEAN && s.type() != Type.OTHER
        ? Optional.of(s.text()) : Optional.empty();
  }

  private static String shown(YamlNode value) {
    if (value instanceof YamlScalar s) {
      return ValueText.quote(s.text());
    }
    return value instanceof YamlMap ? "a set of keys" : value instanceof YamlList ? "a list" : "nothing";
  }

  private void problem(YamlNode at, String message) {
    problems.add(new ConfigProblem(at.line(), message));
  }
}
