package dev.workstreams.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitHubRefusalTest {

  @Test
  void readsTheFileAndPermissionFromGitHubsRefStatusReason() {
    String reason = "refusing to allow a GitHub App to create or update workflow `.github/workflows/build.yml` without"
        + " `workflows` permission";

    assertEquals(Optional.of(new PushOutcome.MissingPermission("workflows", ".github/workflows/build.yml", reason)),
        GitHubRefusal.missingPermission(reason));
  }

  @Test
  void readsItFromTheRemotesMessagesAfterAHookRefusal() {
    String reason = "pre-receive hook declined\nremote: refusing to allow a GitHub App to create or update workflow"
        + " `.github/workflows/a b.yml` without `workflows` permission\n";

    assertEquals(".github/workflows/a b.yml", GitHubRefusal.missingPermission(reason).orElseThrow().path());
  }

  @Test
  void leavesOtherRefusalsAlone() {
    assertEquals(Optional.empty(), GitHubRefusal.missingPermission("GH006: Protected branch update failed for refs/heads/x."));
    assertEquals(Optional.empty(), GitHubRefusal.missingPermission(
        "refusing to allow an OAuth App to create or update workflow `.github/workflows/x.yml` without `workflow` scope"));
  }
}
