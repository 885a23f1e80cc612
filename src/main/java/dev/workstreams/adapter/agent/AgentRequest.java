package dev.workstreams.adapter.agent;

import java.nio.file.Path;
import java.util.List;

/**
 * One run of an agent.
 *
 * @param workingDirectory the task's working copy
 * @param prompt given on standard input and in the file named by {@code WORKSTREAMS_PROMPT_FILE}
 * @param owns the task's globs, passed newline-separated in {@code WORKSTREAMS_OWNS}
 * @param secrets strings to blank out of the log (the installation token, say); the values of the
 *     profile's variables are added by the runner
 */
public record AgentRequest(
    AgentProfile profile, Path workingDirectory, AgentTask task, String prompt, List<String> owns,
    List<String> secrets) {

  public AgentRequest {
    owns = List.copyOf(owns);
    secrets = List.copyOf(secrets);
  }

  /** Never shows the prompt or the secrets. */
  @Override
  public String toString() {
    return "AgentRequest[profile=" + profile.name() + ", task=" + task + ", workingDirectory=" + workingDirectory + "]";
  }
}
