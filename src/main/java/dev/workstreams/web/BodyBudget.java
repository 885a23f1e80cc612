package dev.workstreams.web;

import java.util.concurrent.Semaphore;

/**
 * What webhook bodies may cost before a signature says who sent them. Bodies of up to
 * {@link #SMALL_BODY} (nearly every real delivery) draw memory from one pool, larger ones from
 * another, so that a flood of large unsigned bodies cannot crowd out the small signed ones beside
 * it. Large bodies are also limited in number: beyond {@link #DEFAULT_LARGE_READS} being read at
 * once, one is refused before it is read (503, Retry-After), so a flood costs neither heap nor the
 * CPU the small deliveries need. A large body admitted but finding no memory is still read to its
 * end for its signature, just not kept: a wrong signature gets its 401, a right one a 503.
 */
final class BodyBudget {
  static final int SMALL_BODY = 1024 * 1024;
  /** Four bodies of GitHub's maximum (25 MB) kept at once. */
  static final long DEFAULT_LARGE_BYTES = 100L * 1024 * 1024;
  static final long DEFAULT_SMALL_BYTES = 64L * 1024 * 1024;
  /** Large bodies read at once, kept or not: each costs a thread and HMAC time while it streams in. */
  static final int DEFAULT_LARGE_READS = 8;

  private final int smallSize;
  private final int largeSize;
  private final Semaphore small;
  private final Semaphore large;
  private final Semaphore largeReads;

  BodyBudget(long smallBytes, long largeBytes, int largeReads) {
    this.smallSize = permits(smallBytes);
    this.largeSize = permits(largeBytes);
    this.small = new Semaphore(smallSize);
    this.large = new Semaphore(largeSize);
    this.largeReads = new Semaphore(largeReads);
  }

  static BodyBudget defaults() {
    return new BodyBudget(DEFAULT_SMALL_BYTES, DEFAULT_LARGE_BYTES, DEFAULT_LARGE_READS);
  }

  /**
   * Room for a body of {@code declaredLength} bytes, or for a chunked one ({@code -1}) that takes
   * memory from the large pool as it arrives. A large body beyond the readers allowed is not
   * admitted; one admitted without memory is not keeping.
   */
  Reservation reserve(long declaredLength) {
    if (declaredLength >= 0 && declaredLength <= SMALL_BODY) {
      boolean room = small.tryAcquire((int) declaredLength);
      return new Reservation(small, room ? declaredLength : 0, room, null);
    }
    if (!largeReads.tryAcquire()) {
      return new Reservation(large, 0, false, null).refused();
    }
    if (declaredLength < 0) {
      return new Reservation(large, 0, true, largeReads);
    }
    boolean room = declaredLength <= Integer.MAX_VALUE && large.tryAcquire((int) declaredLength);
    return new Reservation(large, room ? declaredLength : 0, room, largeReads);
  }

  /** Bytes of bodies held now, in both pools. */
  long inFlight() {
    return (long) (smallSize - small.availablePermits()) + (largeSize - large.availablePermits());
  }

  private static int permits(long bytes) {
    return (int) Math.min(Math.max(bytes, 0), Integer.MAX_VALUE);
  }

  /** What one body holds: memory while it is kept, a reader's place while it is large; given back once. */
  static final class Reservation implements AutoCloseable {
    private final Semaphore pool;
    private final Semaphore reader;
    private long held;
    private boolean keeping;
    private boolean admitted = true;
    private boolean closed;

    private Reservation(Semaphore pool, long held, boolean keeping, Semaphore reader) {
      this.pool = pool;
      this.held = held;
      this.keeping = keeping;
      this.reader = reader;
    }

    private Reservation refused() {
      admitted = false;
      return this;
    }

    /** False when the body must be refused unread: too many large bodies are being read. */
    synchronized boolean admitted() {
      return admitted;
    }

    synchronized boolean keeping() {
      return keeping;
    }

    /** More memory for a chunked body; when there is none the body stops being kept and its memory is given back. */
    synchronized boolean grow(int bytes) {
      if (keeping && pool.tryAcquire(bytes)) {
        held += bytes;
        return true;
      }
      keeping = false;
      pool.release((int) held);
      held = 0;
      return false;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      pool.release((int) held);
      held = 0;
      if (reader != null) {
        reader.release();
      }
    }
  }
}
