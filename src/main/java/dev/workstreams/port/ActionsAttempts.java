package dev.workstreams.port;

import java.time.Instant;
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

  /** GitHub refused the dispatch for want of the Actions permission: {@code DISPATCHING} becomes {@code NEEDS_PERMISSION}. */
  void needsPermission(RepositoryId repository, String key);

  /**
   * Takes an attempt out of {@code NEEDS_PERMISSION} to dispatch it again, from {@code expectedHead}, with a new
   * dispatch time and deadline; true for exactly one caller, however many instances try.
   */
  boolean resume(RepositoryId repository, String key, String expectedHead, Instant at, Instant deadline);

  /** Ends an attempt waiting for the permission ({@code NEEDS_PERMISSION} becomes {@code DONE}); true for exactly one caller. */
  boolean dropAwaiting(RepositoryId repository, String key);

  Optional<ActionsAttempt> find(RepositoryId repository, String key);

  /** Moves a waiting attempt to {@code COLLECTING} with its run's id; true for exactly one caller. */
  boolean claim(RepositoryId repository, String key, long runId);

  void done(RepositoryId repository, String key);

  /** Marks a waiting attempt as cancelled by the App, so that its cancelled run is reported as a cancel. */
  void requestCancel(RepositoryId repository, String key);

  /** Every attempt still waiting for its run, oldest first. */
  List<ActionsAttempt> waiting();

  /** Every attempt waiting for its installation to accept the Actions permission, oldest first. */
  List<ActionsAttempt> awaitingPermission();
}
