package dev.workstreams.workflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.core.config.ConfigFile;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code push} to the default branch that touches {@code .github/workstreams.yml}: the cached
 * repository config is forgotten, so the next event reads the new file.
 */
public final class RefreshConfigOnPush implements EventHandler {

  /** GitHub lists at most 20 commits in a push payload; a longer push may hide the change. */
  private static final int LISTED_COMMITS = 20;

  private final RepoConfigs configs;

  public RefreshConfigOnPush(RepoConfigs configs) {
    this.configs = configs;
  }

  @Override
  public void handle(EventContext context) {
    JsonNode payload = context.payload();
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return;
    }
    String defaultBranch = payload.path("repository").path("default_branch").asText("");
    String ref = payload.path("ref").asText("");
    List<String> paths = new ArrayList<>();
    for (JsonNode commit : payload.path("commits")) {
      for (String kind : List.of("added", "modified", "removed")) {
        commit.path(kind).forEach(p -> paths.add(p.asText()));
      }
    }
    boolean listIncomplete = payload.path("commits").size() >= LISTED_COMMITS;
    if (ConfigFile.touchesConfig(ref, defaultBranch, paths)
        || (listIncomplete && ref.equals("refs/heads/" + defaultBranch))) {
      configs.invalidate(RepositoryId.of(context.installationId().getAsLong(), context.repository().get()));
    }
  }
}
