package dev.workstreams.adapter.queue;

/** A delivery whose fields do not fit the store: refused alone, before it joins a batch; retrying cannot help. */
public final class UnstorableDeliveryException extends RuntimeException {
  public UnstorableDeliveryException(String message) {
    super(message);
  }
}
