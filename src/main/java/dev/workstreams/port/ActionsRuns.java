package dev.workstreams.port;

/** Where the results of agents on GitHub Actions runners are taken in. */
public interface ActionsRuns {

  /**
   * A workflow run of the repository completed. When it is one of the App's agent attempts (found by
   * the attempt key in its title, and by its id when the dispatch told it), its result is verified,
   * pushed and reported, once, however often the event is delivered; any other run is ignored.
   */
  void completed(RepositoryId repository, WorkflowRun run);

  /** None: no profile runs on Actions. */
  ActionsRuns NONE = (repository, run) -> {};
}
