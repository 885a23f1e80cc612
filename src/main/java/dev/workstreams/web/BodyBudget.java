package dev.workstreams.web;

import java.util.concurrent.Semaphore;

/**
 * Bytes of webhook bodies held in memory at once, before a signature says who sent them. Bodies of
 * up to {@link #SMALL_BODY} (nearly every real delivery) draw on one pool, larger ones on another,
 * so that a flood of large unsigned bodies cannot crowd out the small signed ones beside it. A body
 * that finds its pool empty is still read to the end for its signature, but not kept: a wrong
 * signature gets its 401 all the same, a right one a 503 with Retry-After.
 */
final class BodyBudget {
  static final int SMALL_BODY = 1024 * 1024;
  /** Four bodies of GitHub's maximum (25 MB) at once. */
  static final long DEFAULT_LARGE_BYTES = 100L * 1024 * 1024;
  static final long DEFAULT_SMALL_BYTES = 64L * 1024 * 1024;

  private final int smallSize;
  private final int largeSize;
  private final Semaphore small;
  private final Semaphore large;

  BodyBudget(long smallBytes, long largeBytes) {
    this.smallSize = permits(smallBytes);
    this.largeSize = permits(largeBytes);
    this.small = new Semaphore(smallSize);
    this.large = new Semaphore(largeSize);
  }

  static BodyBudget defaults() {
    return new BodyBudget(DEFAULT_SMALL_BYTES, DEFAULT_LARGE_BYTES);
  }

  /**
   * Room for a body of {@code declaredLength} bytes, or for a chunked one ({@code -1}) that takes
   * room from the large pool as it arrives. The reservation is not keeping when there is no room.
   */
  Reservation reserve(long declaredLength) {
    if (declaredLength < 0) {
      return new Reservation(large, 0, true);
    }
    Semaphore pool = declaredLength <= SMALL_BODY ? small : large;
    boolean room = declaredLength <= Integer.MAX_VALUE && pool.tryAcquire((int) declaredLength);
    return new Reservation(pool, room ? declaredLength : 0, room);
  }

  /** Bytes of bodies held now, in both pools. */
  long inFlight() {
    return (long) (smallSize - small.availablePermits()) + (largeSize - large.availablePermits());
  }

  private static int permits(long bytes) {
    return (int) Math.min(Math.max(bytes, 0), Integer.MAX_VALUE);
  }

  /** Bytes held for one body: released once, when the body is stored or refused. */
  static final class Reservation implements AutoCloseable {
    private final Semaphore pool;
    private long held;
    private boolean keeping;

    private Reservation(Semaphore pool, long held, boolean keeping) {
      this.pool = pool;
      this.held = held;
      this.keeping = keeping;
    }

    synchronized boolean keeping() {
      return keeping;
    }

    /** More room for a chunked body; when there is none the body stops being kept and its room is given back. */
    synchronized boolean grow(int bytes) {
      if (keeping && pool.tryAcquire(bytes)) {
        held += bytes;
        return true;
      }
      keeping = false;
      close();
      return false;
    }

    @Override
    public synchronized void close() {
      pool.release((int) held);
      held = 0;
    }
  }
}
