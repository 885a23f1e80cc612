package dev.workstreams.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.actions.RunVerdict.Artifact;
import dev.workstreams.core.actions.RunVerdict.Kind;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunVerdictTest {

  static final Optional<Artifact> SUCCEEDED = Optional.of(new Artifact(OptionalInt.of(0), true));
  static final Optional<Artifact> FAILED = Optional.of(new Artifact(OptionalInt.of(3), true));

  @Test
  void aSuccessfulRunWithItsArtifactIsPublished() {
    assertEquals(Kind.PUBLISH, RunVerdict.of("success", false, SUCCEEDED, false).kind());
    assertEquals(Kind.PUBLISH, RunVerdict.of("success", false, Optional.of(new Artifact(OptionalInt.of(0), false)), false)
        .kind(), "an agent that made no commit succeeded with nothing to push");
  }

  @Test
  void onlyACancelTheAppAskedForIsACancel() {
    assertEquals(new RunVerdict(Kind.CANCELLED, "cancelled on GitHub Actions by a command"),
        RunVerdict.of("cancelled", true, Optional.empty(), false));
    assertEquals(new RunVerdict(Kind.FAILED, "the workflow run was cancelled on GitHub Actions"),
        RunVerdict.of("cancelled", false, SUCCEEDED, false));
    assertEquals(new RunVerdict(Kind.FAILED, "the workflow run timed out on GitHub Actions"),
        RunVerdict.of("timed_out", true, SUCCEEDED, false));
  }

  @Test
  void aMissingArtifactOrExitStatusIsAFailureWithItsReason() {
    assertEquals(new RunVerdict(Kind.FAILED, "the workflow run (success) left no artifact with the agent's result"),
        RunVerdict.of("success", false, Optional.empty(), false));
    assertEquals(new RunVerdict(Kind.FAILED, "the run's artifact holds no readable exit status"),
        RunVerdict.of("success", false, Optional.of(new Artifact(OptionalInt.empty(), true)), true));
  }

  @Test
  void aFailedAgentIsPushedOnlyWhenTheProfileSaysSo() {
    assertEquals(new RunVerdict(Kind.FAILED, "the agent exited with status 3 on GitHub Actions"),
        RunVerdict.of("failure", false, FAILED, false));
    assertEquals(Kind.PUBLISH_FAILED, RunVerdict.of("failure", false, FAILED, true).kind());
    assertEquals(Kind.FAILED, RunVerdict.of("failure", false, Optional.of(new Artifact(OptionalInt.of(3), false)), true)
        .kind(), "nothing to push");
    assertEquals(new RunVerdict(Kind.FAILED, "the agent exited 0 but the workflow run ended failure"),
        RunVerdict.of("failure", false, SUCCEEDED, false));
    assertEquals(new RunVerdict(Kind.FAILED, "the workflow run did not run the agent (startup_failure)"),
        RunVerdict.of("startup_failure", false, Optional.empty(), true));
  }
}
