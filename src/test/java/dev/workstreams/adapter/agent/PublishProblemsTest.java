package dev.workstreams.adapter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.adapter.git.PushOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishProblemsTest {

  @Test
  void namesTheFileAndThePermissionWhenGitHubRefusesAWorkflowChange() {
    String text = PublishProblems.notPushed(new PushOutcome.MissingPermission("workflows", ".github/workflows/ci.yml",
        "pre-receive hook declined\nrefusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml`"
            + " without `workflows` permission"), "auth");

    assertEquals("GitHub refused the push: the App may not create or update `.github/workflows/ci.yml` without the"
        + " `workflows` permission. An owner of the installation must accept the App's request for `workflows: write`"
        + " (GitHub shows it on the installation's settings page), then `/workstreams retry auth`. The commit stays in"
        + " the App's working copy until the workstream ends.", text);
  }

  @Test
  void namesEachLeftOutFileWithItsReason() {
    List<String> sentences = PublishProblems.leftOut(List.of(".github/workflows/ci.yml", "CODEOWNERS", "docs/x.md"),
        path -> !path.startsWith("docs/"));

    assertEquals(List.of(
        "left out of the push: `.github/workflows/ci.yml`, `CODEOWNERS` (protected by the repository config `protected`;"
            + " only a task that owns it in a plan labelled by an admin may change it)",
        "left out of the push (outside the task's paths, `enforcement: block`): `docs/x.md`"), sentences);
  }

  @Test
  void saysWhyNothingRanWithoutTheBotIdentity() {
    assertEquals("the App's bot identity could not be looked up on GitHub (GET /app for App 7 answered HTTP 500"
            + " Server Error); the agent did not run, so that nothing is committed under another name. It is looked up"
            + " again on the next run: `/workstreams retry auth`",
        PublishProblems.identityUnknown("auth", "GET /app for App 7 answered HTTP 500 Server Error"));
  }

  @Test
  void keepsTheRemotesWordsForOtherRefusals() {
    assertEquals("GitHub refused the push (REJECTED_OTHER_REASON): GH006: Protected branch update failed. The commit"
            + " stays in the App's working copy until the workstream ends.",
        PublishProblems.notPushed(new PushOutcome.Rejected("REJECTED_OTHER_REASON", "GH006: Protected branch update failed"),
            "auth"));
  }
}
