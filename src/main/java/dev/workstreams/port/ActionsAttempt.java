package dev.workstreams.port;

import java.time.Instant;
import java.util.Optional;

/**
 * One agent attempt sent to a GitHub Actions runner, as every App instance sees it: which
 * assignment, the attempt key its run and artifact carry, the branch head the run starts from, the
 * run's id once known, and how far the App got with it.
 *
 * @param expectedHead the task branch's head when the run was dispatched: the bundle must build on it
 * @param deadline when the App stops waiting for the run's result (the profile's timeout)
 */
public record ActionsAttempt(
    RepositoryId repository,
    String key,
    AgentAssignment assignment,
    String workflow,
    String expectedHead,
    Optional<Long> runId,
    State state,
    boolean cancelRequested,
    Instant dispatchedAt,
    Instant deadline) {

  public enum State {
    /** Recorded just before the dispatch: no other instance dispatches it again. */
    DISPATCHING,
    /**
     * GitHub refused the dispatch because the installation has not accepted the Actions permission: no run, no
     * deadline; dispatched again (back to {@code DISPATCHING}) once the installation accepts it.
     */
    NEEDS_PERMISSION,
    /** GitHub took the dispatch; the run's result is awaited. */
    DISPATCHED,
    /** One instance claimed the finished run and is verifying and pushing its result. */
    COLLECTING,
    /** Reported. */
    DONE
  }

  /** Whether the App still waits for this attempt's run. */
  public boolean waiting() {
    return state == State.DISPATCHING || state == State.DISPATCHED;
  }
}
