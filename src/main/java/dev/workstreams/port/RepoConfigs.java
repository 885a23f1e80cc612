package dev.workstreams.port;

import dev.workstreams.core.config.RepoConfigResult;
import java.io.IOException;

/** A repository's {@code .github/workstreams.yml} from its default branch, cached by the adapter. */
public interface RepoConfigs {

  RepoConfigResult load(RepositoryId repository, String defaultBranch) throws IOException;

  /** Forget the cached config, after a push to the default branch changed the file. */
  void invalidate(RepositoryId repository);
}
