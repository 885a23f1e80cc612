package dev.workstreams.workflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.workflow.EventContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A real push to the default branch ({@code master} in GitHub's example), with its change lists as GitHub sends them. */
class RefreshConfigOnPushTest {

  private final List<RepositoryId> invalidated = new ArrayList<>();
  private final RefreshConfigOnPush refresh = new RefreshConfigOnPush(new RepoConfigs() {
    @Override
    public RepoConfigResult load(RepositoryId repository, String defaultBranch) {
      throw new AssertionError("a push never reads the config");
    }

    @Override
    public void invalidate(RepositoryId repository) {
      invalidated.add(repository);
    }
  });

  private static ObjectNode push() throws IOException {
    return (ObjectNode) new ObjectMapper().readTree(Fixtures.webhook("push-none-default-branch"));
  }

  private int refreshes(ObjectNode payload) {
    refresh.handle(new EventContext("d1", "push", Optional.empty(), OptionalLong.of(7),
        Optional.of(payload.path("repository").path("full_name").asText()), payload));
    return invalidated.size();
  }

  private static ObjectNode firstCommit(ObjectNode payload) {
    return (ObjectNode) payload.path("commits").get(0);
  }

  @Test
  void aPushWhoseListsNameOtherFilesKeepsTheConfig() throws IOException {
    assertEquals(0, refreshes(push()));
  }

  @Test
  void aPushThatModifiesTheConfigRefreshesIt() throws IOException {
    ObjectNode payload = push();
    firstCommit(payload).putArray("modified").add(".github/workstreams.yml");

    assertEquals(1, refreshes(payload));
  }

  @Test
  void aPushWithoutListedCommitsRefreshesIt() throws IOException {
    ObjectNode payload = push();
    payload.putArray("commits");

    assertEquals(1, refreshes(payload));
  }

  @Test
  void aCommitWithoutListedChangesRefreshesIt() throws IOException {
    ObjectNode payload = push();
    ObjectNode commit = firstCommit(payload);
    commit.putArray("added");
    commit.putArray("modified");
    commit.putArray("removed");

    assertEquals(1, refreshes(payload));
  }

  @Test
  void twentyListedCommitsMayHideMoreAndRefreshIt() throws IOException {
    ObjectNode payload = push();
    ArrayNode commits = payload.putArray("commits");
    for (int i = 0; i < 20; i++) {
      commits.addObject().putArray("modified").add("src/File" + i + ".java");
    }

    assertEquals(1, refreshes(payload));
  }

  @Test
  void incompleteListsOnAnotherBranchOrADeletedBranchChangeNothing() throws IOException {
    ObjectNode other = push();
    other.put("ref", "refs/heads/feature").putArray("commits");
    ObjectNode deleted = push();
    deleted.put("deleted", true).putArray("commits");

    assertEquals(0, refreshes(other));
    assertEquals(0, refreshes(deleted));
  }
}
