package dev.workstreams.core.reconcile;

/** One change that makes GitHub look like the plan. Workflows perform them as "ensure" calls. */
public sealed interface Step {

  /** A task branch from the base, holding one empty commit so that a pull request can exist. */
  record CreateBranch(String taskId, String branch, String commitMessage) implements Step {}

  record OpenPullRequest(String taskId, String branch, String title, String body) implements Step {}

  record UpdatePullRequest(String taskId, int number, String title, String body) implements Step {}

  /** A repository label, created when missing. */
  record EnsureLabel(String name, String color, String description) implements Step {}

  record AddLabel(String taskId, int number, String label) implements Step {}

  record RemoveLabel(String taskId, int number, String label) implements Step {}

  /** A task left the plan: its pull request stays open for people, labelled and explained. */
  record FlagRemoved(String taskId, int number, String comment) implements Step {}
}
