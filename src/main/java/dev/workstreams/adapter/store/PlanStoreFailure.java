package dev.workstreams.adapter.store;

/** The plan store could not read or write; the job fails and the queue retries it later. */
public final class PlanStoreFailure extends RuntimeException {

  public PlanStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
