package dev.workstreams.workflow.events;

import static dev.workstreams.workflow.events.Payloads.context;
import static dev.workstreams.workflow.events.Payloads.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.port.RepositoryId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushPayloadTest {

  private static PushPayload read(ObjectNode payload) {
    return PushPayload.from(context("push", payload)).orElseThrow();
  }

  @Test
  void readsAPushAsGitHubSendsIt() {
    PushPayload push = read(fixture("push-none-new-branch"));

    assertEquals(RepositoryId.of(1, "Codertocat/Hello-World"), push.repository());
    assertEquals("refs/heads/master", push.ref());
    assertEquals("master", push.defaultBranch());
    assertFalse(push.deleted());
    assertEquals(1, push.listedCommits());
    assertEquals(List.of(new PushPayload.Commit(List.of("README.md"))), push.commits());
  }

  @Test
  void readsEveryKindOfChangeOfACommit() {
    ObjectNode payload = fixture("push-none-new-branch");
    ObjectNode commit = (ObjectNode) payload.path("commits").get(0);
    commit.putArray("added").add("a.txt");
    commit.putArray("modified").add("m.txt");
    commit.putArray("removed").add("r.txt");

    assertEquals(List.of("a.txt", "m.txt", "r.txt"), read(payload).commits().get(0).changedPaths());
  }

  @Test
  void readsADeletedRef() {
    PushPayload push = read(fixture("push-none-deleted-tag"));

    assertTrue(push.deleted());
    assertEquals("refs/tags/simple-tag", push.ref());
    assertEquals(0, push.listedCommits());
  }

  @Test
  void countsEveryListedCommitAndReadsNoMoreThanGitHubLists() {
    ObjectNode payload = fixture("push-none-new-branch");
    ArrayNode commits = payload.putArray("commits");
    for (int i = 0; i < 25; i++) {
      commits.addObject().putArray("added").add("file-" + i);
    }

    PushPayload push = read(payload);
    assertEquals(25, push.listedCommits());
    assertEquals(PushPayload.GITHUB_LISTS_AT_MOST, push.commits().size());
  }

  @Test
  void commitsThatAreNotAListReadAsNone() {
    ObjectNode payload = fixture("push-none-new-branch");
    payload.putObject("commits").put("added", "README.md");

    assertEquals(0, read(payload).listedCommits());
    assertEquals(List.of(), read(payload).commits());
  }

  @Test
  void isEmptyWithoutInstallation() {
    assertEquals(Optional.empty(), PushPayload.from(context("push", fixture("push-none-basic"))));
  }
}
