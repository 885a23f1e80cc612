package dev.workstreams.adapter.queue;

import java.time.Instant;

/** What the job of a delivery does after one attempt: finish, or run again at a given time. */
sealed interface AttemptOutcome {

  /** Handled, parked, or nothing (left) to do: the job row goes. */
  record Finished() implements AttemptOutcome {}

  /** Try again later: after a failure (back-off) or because the subject is busy (no attempt used). */
  record RunAgainAt(Instant at) implements AttemptOutcome {}
}
