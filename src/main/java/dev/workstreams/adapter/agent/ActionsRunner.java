package dev.workstreams.adapter.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a profile's agent runs when the profile says {@code runner: actions}: the repository's own
 * workflow, dispatched on a GitHub Actions runner, instead of a process on the App's machine.
 *
 * @param workflow the workflow's file name under {@code .github/workflows/}
 * @param ref the branch or tag the workflow definition is taken from; empty: the repository's default branch
 * @param timeout how long the App waits for the run's result before it reports the run as timed out
 */
public record ActionsRunner(String workflow, Optional<String> ref, Duration timeout) {

  public static final String DEFAULT_WORKFLOW = "workstreams-agent.yml";
  /** A file name only: the workflow is looked up by it in the repository's {@code .github/workflows}. */
  public static final Pattern WORKFLOW_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ya?ml");

  public ActionsRunner {
    if (!WORKFLOW_FILE.matcher(workflow).matches()) {
      throw new IllegalArgumentException("not a workflow file name: " + workflow);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a run's timeout must be positive: " + timeout);
    }
  }
}
