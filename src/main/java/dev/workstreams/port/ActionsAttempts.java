package dev.workstreams.port;

import java.util.List;
import java.util.Optional;

/**
 * The agent attempts sent to Actions, shared by every App instance (one database), so that nothing
 * is dispatched twice and each run's result is pushed once, redeliveries included.
 */
public interface ActionsAttempts {

  /** Records an attempt about to be dispatched ({@code DISPATCHING}); false when it is already recorded. */
  boolean begin(ActionsAttempt attempt);

  /** GitHub took the dispatch; {@code runId} when it said which run. */
  void dispatched(RepositoryId repository, String key, Optional<Long> runId);

  Optional<ActionsAttempt> find(RepositoryId repository, String key);

  /** Moves a waiting attempt to {@code COLLECTING} with its run's id; true for exactly one caller. */
  boolean claim(RepositoryId repository, String key, long runId);

  void done(RepositoryId repository, String key);

  /** Marks a waiting attempt as cancelled by the App, so that its cancelled run is reported as a cancel. */
  void requestCancel(RepositoryId repository, String key);

  /** Every attempt still waiting for its run, oldest first. */
  List<ActionsAttempt> waiting();
}
