package dev.workstreams.core.plan;

import dev.workstreams.core.schedule.WorkDuration;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlNull;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree into a {@link Plan}, checking every field on its own. Rules that relate
 * tasks to each other live in {@link PlanValidator}. Every problem is collected; a broken field
 * never hides the problems of the fields after it.
 */
final class PlanReader {

  static final int MAX_TASKS = 50;
  static final int MAX_PROMPT_BYTES = 64 * 1024;
  static final int MAX_TITLE_CHARS = GitHubText.TITLE;
  /** Keeps the overlap analysis bounded: every pair of globs of two tasks may need a search. */
  static final int MAX_GLOBS_PER_TASK = 100;
  private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern BAD_REF =
      Pattern.compile("^[-/.]|/$|\\.lock$|\\.\\.|//|@\\{|[\\s~^:?*\\[\\\\\\x00-\\x1f\\x7f]|/\\.");
  private static final List<String> PLAN_KEYS = List.of("base", "max_parallel", "agent", "time_budget", "tasks");
  private static final List<String> TASK_KEYS = List.of("id", "title", "owns", "depends_on", "prompt", "estimate");

  private final List<PlanProblem> problems;
  private int listedTasks;

  PlanReader(List<PlanProblem> problems) {
    this.problems = problems;
  }

  /** The plan as far as it could be read: tasks with a readable id are kept for the cross-task rules. */
  Plan read(YamlNode root) {
    if (!(root instanceof YamlMap map)) {
      problems.add(
          PlanProblem.error(
              root.line(), "the plan must be a YAML mapping with a `tasks:` list, but it is " + root.kind()));
      return new Plan(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
    unknownKeys(map, PLAN_KEYS, "the plan");
    Optional<String> base = map.entry("base").flatMap(this::base);
    Optional<Integer> maxParallel = map.entry("max_parallel").flatMap(this::maxParallel);
    Optional<String> agent = map.entry("agent").flatMap(this::agent);
    Optional<WorkDuration> timeBudget = map.entry("time_budget").flatMap(e -> duration(e, "`time_budget`", problems));
    List<Task> tasks = map.entry("tasks").map(this::tasks).orElseGet(() -> missingTasks(map));
    return new Plan(base, maxParallel, agent, tasks, timeBudget);
  }

  /** Over the task limit the plan is refused without relating its tasks to each other, which costs per pair. */
  boolean tooManyTasks() {
    return listedTasks > MAX_TASKS;
  }

  private List<Task> missingTasks(YamlMap map) {
    problems.add(PlanProblem.error(map.line(), "the plan has no `tasks:` list"));
    return List.of();
  }

  private Optional<String> base(Entry entry) {
    Optional<String> text = text(entry, "`base`");
    if (text.isPresent() && BAD_REF.matcher(text.get()).find()) {
      problems.add(
          PlanProblem.error(entry.line(), "`base` is not a valid branch name: " + InertText.code(text.get())));
      return Optional.empty();
    }
    return text;
  }

  private Optional<Integer> maxParallel(Entry entry) {
    if (entry.value() instanceof YamlScalar s && !s.string() && s.text().matches("\\d{1,3}")) {
      int value = Integer.parseInt(s.text());
      if (value >= 1 && value <= MAX_TASKS) {
        return Optional.of(value);
      }
    }
    problems.add(
        PlanProblem.error(
            entry.line(),
            "`max_parallel` must be a whole number from 1 to " + MAX_TASKS + ", but it is " + entry.value().kind()));
    return Optional.empty();
  }

  /** A duration field ({@code 45m}, {@code 2h}, {@code 1h30m}); {@code what} names it in the error. */
  private static Optional<WorkDuration> duration(Entry entry, String what, List<PlanProblem> problems) {
    if (entry.value() instanceof YamlNull) {
      return Optional.empty();
    }
    Optional<WorkDuration> parsed = entry.value() instanceof YamlScalar s ? WorkDuration.parse(s.text()) : Optional.empty();
    if (parsed.isEmpty()) {
      String shown = entry.value() instanceof YamlScalar s ? InertText.code(s.text()) : entry.value().kind();
      problems.add(PlanProblem.error(entry.line(), what + " must be " + WorkDuration.expected() + ", but it is " + shown));
    }
    return parsed;
  }

  private Optional<String> agent(Entry entry) {
    Optional<String> text = text(entry, "`agent`");
    if (text.isPresent() && !PROFILE.matcher(text.get()).matches()) {
      problems.add(
          PlanProblem.error(
              entry.line(),
              "`agent` must name an agent profile (letters, digits, `-`, `_`, `.`), but it is " + InertText.code(text.get())));
      return Optional.empty();
    }
    return text;
  }

  private List<Task> tasks(Entry entry) {
    if (!(entry.value() instanceof YamlList list)) {
      problems.add(
          PlanProblem.error(entry.line(), "`tasks` must be a list of tasks, but it is " + entry.value().kind()));
      return List.of();
    }
    listedTasks = list.items().size();
    if (list.items().isEmpty()) {
      problems.add(PlanProblem.error(entry.line(), "`tasks` is empty: a plan needs at least one task"));
    }
    if (list.items().size() > MAX_TASKS) {
      problems.add(
          PlanProblem.error(
              entry.line(),
              "more than " + MAX_TASKS + " tasks (" + list.items().size() + "): split the plan into several plans; "
                  + "tasks are not checked against each other (dependencies, overlaps) until it has " + MAX_TASKS
                  + " or fewer"));
    }
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      new TaskReader(problems, i + 1).read(list.items().get(i)).ifPresent(tasks::add);
    }
    return tasks;
  }

  private Optional<String> text(Entry entry, String what) {
    if (entry.value() instanceof YamlScalar s && !s.text().isBlank()) {
      return Optional.of(s.text().strip());
    }
    problems.add(PlanProblem.error(entry.line(), what + " must be text, but it is " + entry.value().kind()));
    return Optional.empty();
  }

  private void unknownKeys(YamlMap map, List<String> allowed, String where) {
    for (Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        problems.add(PlanProblem.error(e.line(), unknownKey(e.key(), allowed, where)));
      }
    }
  }

  static String unknownKey(String key, List<String> allowed, String where) {
    String hint =
        Suggestions.closest(key, allowed).map(s -> " (did you mean `" + s + "`?)").orElse("");
    return "unknown key " + InertText.code(key) + " in " + where + hint + "; allowed keys: " + String.join(", ", allowed);
  }

  /** Reads one task item; the task is kept when its id is readable, so other rules can see it. */
  private static final class TaskReader {
    private final List<PlanProblem> problems;
    private final int position;
    private String name;

    TaskReader(List<PlanProblem> problems, int position) {
      this.problems = problems;
      this.position = position;
      this.name = "task " + position;
    }

    Optional<Task> read(YamlNode node) {
      if (!(node instanceof YamlMap map)) {
        problems.add(
            PlanProblem.error(node.line(), name + " must be a mapping with `id`, `title` and `owns`, but it is " + node.kind()));
        return Optional.empty();
      }
      Optional<String> id = map.entry("id").flatMap(this::id);
      if (map.entry("id").isEmpty()) {
        problems.add(PlanProblem.error(map.line(), name + " has no `id`"));
      }
      id.ifPresent(value -> name = "task `" + value + "`");
      for (Entry e : map.entries()) {
        if (!TASK_KEYS.contains(e.key())) {
          problems.add(PlanProblem.error(e.line(), unknownKey(e.key(), TASK_KEYS, name)));
        }
      }
      String title = required(map, "title").map(this::title).orElse("");
      List<String> owns = required(map, "owns").map(this::owns).orElse(List.of());
      List<String> dependsOn = map.entry("depends_on").map(this::dependsOn).orElse(List.of());
      String prompt = map.entry("prompt").map(this::prompt).orElse("");
      Optional<WorkDuration> estimate = map.entry("estimate").flatMap(this::estimate);
      return id.map(value -> new Task(value, title, owns, dependsOn, prompt, map.line(), estimate));
    }

    private Optional<Entry> required(YamlMap map, String key) {
      Optional<Entry> entry = map.entry(key);
      if (entry.isEmpty()) {
        problems.add(PlanProblem.error(map.line(), name + " has no `" + key + "`"));
      }
      return entry;
    }

    private Optional<String> id(Entry entry) {
      if (entry.value() instanceof YamlScalar s && TaskIds.valid(s.text())) {
        return Optional.of(s.text());
      }
      String shown = entry.value() instanceof YamlScalar s ? InertText.code(s.text()) : entry.value().kind();
      problems.add(
          PlanProblem.error(
              entry.line(),
              name + ": id " + shown + " must be 1 to 40 lowercase letters, digits or dashes, starting with a letter or digit"));
      return Optional.empty();
    }

    private String title(Entry entry) {
      if (!(entry.value() instanceof YamlScalar s) || s.text().isBlank()) {
        problems.add(PlanProblem.error(entry.line(), name + ": `title` must be one line of text"));
        return "";
      }
      String title = s.text().strip();
      if (title.contains("\n")) {
        problems.add(PlanProblem.error(entry.line(), name + ": `title` must be one line"));
      } else if (title.length() > MAX_TITLE_CHARS) {
        problems.add(
            PlanProblem.error(entry.line(), name + ": `title` is longer than " + MAX_TITLE_CHARS + " characters"));
      }
      return title;
    }

    private List<String> owns(Entry entry) {
      List<String> globs = strings(entry, "`owns`", "globs, e.g. `owns: [src/auth/**]`");
      if (globs.isEmpty() && entry.value() instanceof YamlList) {
        problems.add(PlanProblem.error(entry.line(), name + ": `owns` is empty: a task must own at least one glob"));
      }
      if (globs.size() > MAX_GLOBS_PER_TASK) {
        problems.add(
            PlanProblem.error(
                entry.line(),
                name + ": `owns` lists " + globs.size() + " globs; at most " + MAX_GLOBS_PER_TASK
                    + " are allowed (a folder glob such as `src/auth/**` covers many files)"));
      }
      return globs;
    }

    private List<String> dependsOn(Entry entry) {
      if (entry.value() instanceof YamlNull) {
        return List.of();
      }
      return strings(entry, "`depends_on`", "task ids, e.g. `depends_on: [auth]`");
    }

    private String prompt(Entry entry) {
      if (entry.value() instanceof YamlNull) {
        return "";
      }
      if (!(entry.value() instanceof YamlScalar s)) {
        problems.add(PlanProblem.error(entry.line(), name + ": `prompt` must be text, but it is " + entry.value().kind()));
        return "";
      }
      int bytes = s.text().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_PROMPT_BYTES) {
        problems.add(
            PlanProblem.error(
                entry.line(), name + ": `prompt` is " + bytes + " bytes; at most 64 KiB (65536 bytes) are allowed"));
      }
      return s.text();
    }

    private Optional<WorkDuration> estimate(Entry entry) {
      return duration(entry, name + ": `estimate`", problems);
    }

    private List<String> strings(Entry entry, String what, String example) {
      if (!(entry.value() instanceof YamlList list)) {
        problems.add(
            PlanProblem.error(entry.line(), name + ": " + what + " must be a list of " + example + ", but it is " + entry.value().kind()));
        return List.of();
      }
      List<String> values = new ArrayList<>();
      for (YamlNode item : list.items()) {
        if (item instanceof YamlScalar s && !s.text().isBlank()) {
          values.add(s.text().strip());
        } else if (item instanceof YamlScalar || item instanceof YamlNull) {
          problems.add(PlanProblem.error(item.line(), name + ": every entry of " + what + " must be text, but one is empty"));
        } else {
          problems.add(PlanProblem.error(item.line(), name + ": every entry of " + what + " must be text, but one is " + item.kind()));
        }
      }
      return values;
    }
  }
}
