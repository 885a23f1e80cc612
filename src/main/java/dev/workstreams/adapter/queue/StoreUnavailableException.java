package dev.workstreams.adapter.queue;

/** The delivery store could not take a delivery right now; GitHub should be told to try later. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message) {
    super(message);
  }
}
