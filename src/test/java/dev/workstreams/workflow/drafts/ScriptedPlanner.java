package dev.workstreams.workflow.drafts;

import dev.workstreams.port.Planner;
import dev.workstreams.port.RepositoryId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A planner that answers from a script, one answer per round, and keeps every prompt it was given. */
final class ScriptedPlanner implements Planner {

  final List<String> prompts = new ArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();

  ScriptedPlanner answering(String... outputs) {
    for (String output : outputs) {
      answers.add(new Answer(true, "exited with status 0", output));
    }
    return this;
  }

  ScriptedPlanner failing(String summary) {
    answers.add(new Answer(false, summary, "something went wrong"));
    return this;
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  @Override
  public String profile() {
    return "scripted";
  }

  @Override
  public Answer ask(RepositoryId repository, int issue, String baseBranch, String prompt, int round) {
    prompts.add(prompt);
    if (answers.isEmpty()) {
      throw new AssertionError("the planner was asked more often than scripted (round " + round + ")");
    }
    return answers.poll();
  }
}
