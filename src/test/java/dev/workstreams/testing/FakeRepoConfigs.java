package dev.workstreams.testing;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RepositoryId;
import java.util.ArrayList;
import java.util.List;

/** Every repository's {@code .github/workstreams.yml}, as one result; records invalidations. */
public final class FakeRepoConfigs implements RepoConfigs {

  private RepoConfigResult result = new RepoConfigResult.Valid(RepoConfig.DEFAULTS);
  private final List<RepositoryId> invalidated = new ArrayList<>();

  public FakeRepoConfigs answering(RepoConfigResult answer) {
    this.result = answer;
    return this;
  }

  @Override
  public RepoConfigResult load(RepositoryId repository, String defaultBranch) {
    return result;
  }

  @Override
  public void invalidate(RepositoryId repository) {
    invalidated.add(repository);
  }

  public List<RepositoryId> invalidated() {
    return List.copyOf(invalidated);
  }
}
