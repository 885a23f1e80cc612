package dev.workstreams.adapter.agent;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's whole environment. Nothing of the server's is inherited: no App key, token, webhook
 * secret or database URL can reach the agent unless the operator lists it in the profile.
 */
final class AgentEnvironment {

  /** Enough to find the usual tools; a profile may set its own {@code PATH}. */
  static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private AgentEnvironment() {}

  static Map<String, String> of(AgentRequest request, Path promptFile, Path home) {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", DEFAULT_PATH);
    env.put("HOME", home.toString());
    env.putAll(request.profile().environment());
    env.put("WORKSTREAMS_TASK_ID", request.task().taskId());
    env.put("WORKSTREAMS_ISSUE", Integer.toString(request.task().issue()));
    env.put("WORKSTREAMS_OWNS", String.join("\n", request.owns()));
    env.put("WORKSTREAMS_PROMPT_FILE", promptFile.toString());
    return env;
  }
}
