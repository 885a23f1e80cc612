package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The globs of a plan, compiled and numbered: every task's globs in plan order, then the shared ones.
 *
 * <p>Entries that repeat a task id are merged into the first, and a glob a task lists twice counts once, so that
 * every question asked of a plan has one answer per task and glob.
 */
final class PlanGlobs {

  static final int SHARED = -1;

  private final List<String> taskIds;
  private final Map<String, Integer> taskIndexes;
  private final List<List<Glob>> globsByTask;
  private final List<Glob> shared;
  private final List<Glob> globs;
  private final int[] taskOfGlob;

  private PlanGlobs(Map<String, Set<String>> patternsByTask, Set<String> sharedPatterns) {
    Map<String, Glob> compiled = new HashMap<>();
    this.taskIds = List.copyOf(patternsByTask.keySet());
    this.taskIndexes = new HashMap<>();
    List<List<Glob>> byTask = new ArrayList<>();
    List<Glob> all = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (String taskId : taskIds) {
      taskIndexes.put(taskId, byTask.size());
      List<Glob> own =
          patternsByTask.get(taskId).stream().map(p -> compiled.computeIfAbsent(p, Glob::compile)).toList();
      own.forEach(glob -> owners.add(byTask.size()));
      all.addAll(own);
      byTask.add(own);
    }
    this.globsByTask = List.copyOf(byTask);
    this.shared = sharedPatterns.stream().map(p -> compiled.computeIfAbsent(p, Glob::compile)).toList();
    shared.forEach(glob -> owners.add(SHARED));
    all.addAll(shared);
    this.globs = List.copyOf(all);
    this.taskOfGlob = owners.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @throws IllegalArgumentException when a pattern is not a valid glob
   */
  static PlanGlobs compile(List<OwnedGlobs> tasks, List<String> shared) {
    Map<String, Set<String>> patternsByTask = new LinkedHashMap<>();
    for (OwnedGlobs task : tasks) {
      patternsByTask.computeIfAbsent(task.taskId(), id -> new LinkedHashSet<>()).addAll(task.globs());
    }
    return new PlanGlobs(patternsByTask, new LinkedHashSet<>(shared));
  }

  int taskCount() {
    return taskIds.size();
  }

  String taskId(int task) {
    return taskIds.get(task);
  }

  OptionalInt taskIndex(String taskId) {
    Integer index = taskIndexes.get(taskId);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  List<Glob> globsOf(int task) {
    return globsByTask.get(task);
  }

  List<Glob> shared() {
    return shared;
  }

  /** All globs, numbered: the tasks' in plan order, then the shared ones. */
  List<Glob> globs() {
    return globs;
  }

  /** The task a numbered glob belongs to, or {@link #SHARED}. */
  int taskOfGlob(int glob) {
    return taskOfGlob[glob];
  }
}
