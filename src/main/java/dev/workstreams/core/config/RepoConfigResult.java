package dev.workstreams.core.config;

import java.util.List;

/** The outcome of reading a repository's config file: settings to use, or problems to report. */
public sealed interface RepoConfigResult {

  /** The file was absent or valid. */
  record Valid(RepoConfig config) implements RepoConfigResult {}

  /** The file has problems; handlers post them on the issue and do nothing else. */
  record Invalid(List<ConfigProblem> problems) implements RepoConfigResult {
    public Invalid {
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid config needs at least one problem");
      }
      problems = List.copyOf(problems);
    }
  }
}
