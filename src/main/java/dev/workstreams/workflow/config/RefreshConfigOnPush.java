package dev.workstreams.workflow.config;

import dev.workstreams.core.config.ConfigFile;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.PushPayload;
import java.util.List;
import java.util.Optional;

/**
 * {@code push} to the default branch that touches {@code .github/workstreams.yml}: the cached
 * repository config is forgotten, so the next event reads the new file. When the push's lists of
 * changed files cannot be trusted to be complete, it is forgotten anyway: one more read of the
 * file costs less than a stale config.
 */
public final class RefreshConfigOnPush implements EventHandler {

  private final RepoConfigs configs;

  public RefreshConfigOnPush(RepoConfigs configs) {
    this.configs = configs;
  }

  @Override
  public void handle(EventContext context) {
    Optional<PushPayload> event = PushPayload.from(context);
    if (event.isEmpty()) {
      return;
    }
    PushPayload push = event.get();
    List<String> paths = push.commits().stream().flatMap(c -> c.changedPaths().stream()).toList();
    if (ConfigFile.touchesConfig(push.ref(), push.defaultBranch(), paths)
        || (push.ref().equals("refs/heads/" + push.defaultBranch()) && listsMayBeIncomplete(push))) {
      configs.invalidate(push.repository());
    }
  }

  /**
   * GitHub truncates {@code commits} (at 20, and to nothing for very large pushes of 2,048 commits
   * and more) and leaves a commit's {@code added/modified/removed} empty when its diff is too large.
   * An empty list on a push that moved the branch, or a commit without any listed change, may hide
   * the config file. A deleted branch ({@code deleted}) changes no file.
   */
  private static boolean listsMayBeIncomplete(PushPayload push) {
    if (push.deleted()) {
      return false;
    }
    return push.listedCommits() == 0 || push.listedCommits() >= PushPayload.GITHUB_LISTS_AT_MOST
        || push.commits().stream().anyMatch(c -> c.changedPaths().isEmpty());
  }
}
