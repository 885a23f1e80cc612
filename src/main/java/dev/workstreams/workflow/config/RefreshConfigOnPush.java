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
 * repository config is forgotten, so the next event reads the new file. When the push's lists of
 * changed files cannot be trusted to be complete, it is forgotten anyway: one more read of the
 * file costs less than a stale config.
 */
public final class RefreshConfigOnPush implements EventHandler {

  /** GitHub lists at most 20 commits in a push payload; a longer push may hide the change. */
  private static final int LISTED_COMMITS = 20;
  private static final List<String> CHANGE_LISTS = List.of("added", "modified", "removed");

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
      for (String kind : CHANGE_LISTS) {
        commit.path(kind).forEach(p -> paths.add(p.asText()));
      }
    }
    if (ConfigFile.touchesConfig(ref, defaultBranch, paths)
        || (ref.equals("refs/heads/" + defaultBranch) && listsMayBeIncomplete(payload))) {
      configs.invalidate(RepositoryId.of(context.installationId().getAsLong(), context.repository().get()));
    }
  }

  /**
   * GitHub truncates {@code commits} (at 20, and to nothing for very large pushes of 2,048 commits
   * and more) and leaves a commit's {@code added/modified/removed} empty when its diff is too large.
   * An empty list on a push that moved the branch, or a commit without any listed change, may hide
   * the config file. A deleted branch ({@code deleted}) changes no file.
   */
  private static boolean listsMayBeIncomplete(JsonNode payload) {
    if (payload.path("deleted").asBoolean(false)) {
      return false;
    }
    JsonNode commits = payload.path("commits");
    if (!commits.isArray() || commits.isEmpty() || commits.size() >= LISTED_COMMITS) {
      return true;
    }
    for (JsonNode commit : commits) {
      if (CHANGE_LISTS.stream().allMatch(kind -> commit.path(kind).isEmpty())) {
        return true;
      }
    }
    return false;
  }
}
