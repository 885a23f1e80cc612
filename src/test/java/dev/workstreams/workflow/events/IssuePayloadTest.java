package dev.workstreams.workflow.events;

import static dev.workstreams.workflow.events.Payloads.context;
import static dev.workstreams.workflow.events.Payloads.fixture;
import static dev.workstreams.workflow.events.Payloads.installed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.port.RepositoryId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuePayloadTest {

  private static IssuePayload read(ObjectNode payload) {
    return IssuePayload.from(context("issues", payload)).orElseThrow();
  }

  @Test
  void readsALabelledIssueAsGitHubSendsIt() {
    IssuePayload event = read(installed("issues-labeled-bug"));

    assertEquals(RepositoryId.of(1, "Codertocat/Hello-World"), event.repository());
    assertEquals("master", event.defaultBranch());
    assertEquals(1, event.issue().number());
    assertEquals("Spelling error in the README file", event.issue().title());
    assertTrue(event.issue().body().startsWith("It looks like you accidently spelled 'commit' with two 't's."),
        event.issue().body());
    assertEquals(List.of("bug"), event.issue().labels());
    assertTrue(event.issue().hasLabel("bug"));
    assertFalse(event.issue().hasLabel("Bug"), "labels are matched as GitHub shows them");
    assertEquals(Optional.of("bug"), event.label());
    assertEquals(new Account("Codertocat", "User"), event.sender());
    assertFalse(event.sender().isBot());
    assertFalse(event.bodyChanged());
  }

  @Test
  void readsTheLabelRemovedFromAnIssue() {
    assertEquals(Optional.of("bug"), read(installed("issues-unlabeled-bug")).label());
  }

  @Test
  void seesWhetherAnEditChangedTheBody() {
    ObjectNode titleOnly = installed("issues-edited-basic");
    titleOnly.putObject("changes").putObject("title").put("from", "Speling error");
    ObjectNode body = installed("issues-edited-basic");
    body.putObject("changes").putObject("body").put("from", "old text");

    assertFalse(read(installed("issues-edited-basic")).bodyChanged(), "GitHub's example lists no change");
    assertFalse(read(titleOnly).bodyChanged());
    assertTrue(read(body).bodyChanged());
  }

  @Test
  void anIssueWithoutBodyOrLabelReadsAsEmpty() {
    IssuePayload event = read(installed("issues-opened-null-body"));

    assertEquals("", event.issue().body());
    assertEquals(Optional.empty(), event.label());
  }

  @Test
  void aRepositoryWithoutDefaultBranchReadsAsMain() {
    ObjectNode payload = installed("issues-labeled-bug");
    ((ObjectNode) payload.path("repository")).remove("default_branch");

    assertEquals("main", read(payload).defaultBranch());
  }

  @Test
  void recognisesBotsByTypeOrByLogin() {
    ObjectNode byType = installed("issues-labeled-bug");
    ((ObjectNode) byType.path("sender")).put("type", "Bot");
    ObjectNode byLogin = installed("issues-labeled-bug");
    ((ObjectNode) byLogin.path("sender")).put("login", "workstreams[bot]");

    assertTrue(read(byType).sender().isBot());
    assertTrue(read(byLogin).sender().isBot());
  }

  @Test
  void aPayloadWithoutSenderHasNoBotAndNoLogin() {
    ObjectNode payload = installed("issues-labeled-bug");
    payload.remove("sender");

    assertEquals(new Account("", ""), read(payload).sender());
    assertFalse(read(payload).sender().isBot());
  }

  // Intake refuses bodies longer than the plan store keeps; what it lets through is read whole.
  @Test
  void keepsALongBodyWhole() {
    ObjectNode payload = installed("issues-labeled-bug");
    String body = "x".repeat(65_535);
    ((ObjectNode) payload.path("issue")).put("body", body);

    assertEquals(body, read(payload).issue().body());
  }

  @Test
  void isEmptyWithoutInstallationOrRepository() {
    ObjectNode noRepository = installed("issues-labeled-bug");
    noRepository.remove("repository");

    assertEquals(Optional.empty(), IssuePayload.from(context("issues", fixture("issues-labeled-bug"))));
    assertEquals(Optional.empty(), IssuePayload.from(context("issues", noRepository)));
  }
}
