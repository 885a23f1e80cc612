package dev.workstreams.core.plan;

import dev.workstreams.core.ownership.FileTreeCheck;
import dev.workstreams.core.ownership.OwnedGlobs;
import dev.workstreams.core.ownership.TreeReport;
import dev.workstreams.core.schedule.DependencyGraph;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.TaskNode;
import dev.workstreams.core.text.InertText;
import dev.workstreams.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plan engine's front door: issue body in, every problem and the merge order out. Pure: the
 * caller supplies the repository's {@code shared} paths and, when it has them, its file list.
 */
public final class PlanChecker {

  private static final int LISTED_UNOWNED_FILES = 20;
  /** GitHub keeps at most this much of an issue body; a longer text is not a body GitHub sent. */
  public static final int MAX_BODY_CHARS = 65_536;

  private final PlanYaml yaml = new PlanYaml();

  public PlanReport check(String issueBody, List<String> shared) {
    List<PlanProblem> problems = new ArrayList<>();
    Plan empty = new Plan(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    if (issueBody.length() > MAX_BODY_CHARS) {
      problems.add(
          PlanProblem.error(
              0,
              String.format(Locale.ROOT, "the text is %,d characters long; a plan is read from at most %,d "
                  + "(GitHub's limit for an issue body): shorten it", issueBody.length(), MAX_BODY_CHARS)));
      return new PlanReport(empty, problems, Optional.empty());
    }
    Optional<PlanBlock> block = PlanBlockFinder.find(issueBody);
    if (block.isEmpty()) {
      problems.add(
          PlanProblem.error(
              0,
              "no plan found: put the plan in a fenced code block whose info string is `plan` "
                  + "(```plan … ```), or `yaml` with a top-level `tasks:` key"));
      return new PlanReport(empty, problems, Optional.empty());
    }
    YamlNode root;
    try {
      root = yaml.read(block.get(), problems);
    } catch (PlanYaml.Unreadable e) {
      problems.add(PlanProblem.error(e.line(), InertText.unmentioned(e.getMessage())));
      return new PlanReport(empty, problems, Optional.empty());
    }
    PlanReader reader = new PlanReader(problems);
    Plan plan = reader.read(root);
    if (reader.tooManyTasks()) {
      problems.sort(Comparator.comparingInt(PlanProblem::line));
      return new PlanReport(plan, problems, Optional.empty());
    }
    new PlanValidator(problems).validate(plan, shared);
    Optional<PlanSchedule> schedule = schedule(plan);
    schedule
        .filter(s -> plan.tasks().size() > 1 && s.mostlySequential())
        .ifPresent(s -> problems.add(sequentialWarning(plan, s)));
    problems.sort(Comparator.comparingInt(PlanProblem::line));
    return new PlanReport(plan, problems, schedule);
  }

  /** Findings from the repository's existing files: globs that match nothing, files nobody owns. */
  public List<PlanProblem> checkTree(Plan plan, List<String> shared, Collection<String> repoPaths) {
    List<OwnedGlobs> owned = plan.tasks().stream().map(t -> new OwnedGlobs(t.id(), t.owns())).toList();
    TreeReport report = FileTreeCheck.check(owned, shared, repoPaths);
    List<PlanProblem> findings = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : report.globsMatchingNothing().entrySet()) {
      int line = plan.task(e.getKey()).map(Task::line).orElse(0);
      for (String glob : e.getValue()) {
        findings.add(
            PlanProblem.warning(
                line,
                "task `" + e.getKey() + "`: `" + glob + "` matches no existing file (a typo? new files are fine)"));
      }
    }
    List<String> unowned = report.unownedFiles();
    if (!unowned.isEmpty()) {
      List<String> shown = unowned.subList(0, Math.min(LISTED_UNOWNED_FILES, unowned.size()));
      String more = unowned.size() > shown.size() ? " and " + (unowned.size() - shown.size()) + " more" : "";
      findings.add(
          PlanProblem.info(
              0,
              unowned.size() + " existing file" + (unowned.size() == 1 ? " is" : "s are")
                  + " owned by no task: " + String.join(", ", shown) + more));
    }
    return findings;
  }

  private static Optional<PlanSchedule> schedule(Plan plan) {
    List<TaskNode> nodes = plan.tasks().stream().map(t -> new TaskNode(t.id(), t.dependsOn())).toList();
    return nodes.isEmpty() ? Optional.empty() : new DependencyGraph(nodes).schedule();
  }

  private static PlanProblem sequentialWarning(Plan plan, PlanSchedule s) {
    return PlanProblem.warning(
        0,
        String.format(
            Locale.ROOT,
            "the plan is mostly sequential: %d tasks in %d levels, expected speed-up %.2f× over one session; "
                + "parallel sessions help little with a chain (critical path: %s)",
            plan.tasks().size(),
            s.levels().size(),
            s.expectedSpeedup(),
            String.join(" → ", s.criticalPath())));
  }
}
