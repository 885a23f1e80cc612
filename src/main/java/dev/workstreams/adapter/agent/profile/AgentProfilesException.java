package dev.workstreams.adapter.agent.profile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The agents file cannot be used; the message lists every problem with its line. It never
 * contains the value of an environment variable.
 */
public final class AgentProfilesException extends Exception {

  private final List<ProfileProblem> problems;

  public AgentProfilesException(String source, List<ProfileProblem> problems) {
    super(source + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ProfileProblem> problems() {
    return problems;
  }
}
