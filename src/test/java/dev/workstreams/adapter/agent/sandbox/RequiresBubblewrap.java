package dev.workstreams.adapter.agent.sandbox;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * bubblewrap for tests that run agents in it: absent or not working, such a test fails under
 * {@code CI=true} (the CI machine must have it; {@code .ci/run} installs it) and is skipped, saying
 * why, elsewhere.
 */
public final class RequiresBubblewrap {

  private RequiresBubblewrap() {}

  public static Path bwrap() {
    Path bwrap = SandboxProbe.locate(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Optional<String> problem = SandboxProbe.problem(bwrap);
    if (problem.isPresent()) {
      String message = "this test runs agents in bubblewrap, which does not work here: " + problem.get();
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return bwrap;
  }

  /** This host's way of enforcing limits, as the server finds it. */
  public static ResourceControl resources() {
    return ResourceControls.detect(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
  }
}
