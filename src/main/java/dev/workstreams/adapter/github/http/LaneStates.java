package dev.workstreams.adapter.github.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/** Per lane: writes one at a time with a gap between them, and pauses after rate limits. */
final class LaneStates {

  /** Sends one request; may throw like the connector does. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  private static final class State {
    /** Fair, so writes go out in the order they were asked for. */
    final ReentrantLock writes = new ReentrantLock(true);
    Instant lastWriteEnd = Instant.EPOCH;
    volatile Instant pausedUntil = Instant.EPOCH;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration writeGap;
  private final ConcurrentMap<Lane, State> states = new ConcurrentHashMap<>();

  LaneStates(Clock clock, Sleeper sleeper, Duration writeGap) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.writeGap = writeGap;
  }

  /**
   * Runs a write once the lane's previous write has ended at least the gap ago, holding the lane
   * until it ends (retries included), so writes of one installation never overlap.
   */
  <T> T exclusiveWrite(Lane lane, Call<T> write) throws IOException {
    State state = state(lane);
    try {
      state.writes.lockInterruptibly();
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
    try {
      sleepUntil(state.lastWriteEnd.plus(writeGap));
      return write.run();
    } finally {
      state.lastWriteEnd = clock.instant();
      state.writes.unlock();
    }
  }

  /** Holds every request of the lane back until {@code until}, as a rate limit asked. */
  void pause(Lane lane, Instant until) {
    State state = state(lane);
    synchronized (state) {
      if (until.isAfter(state.pausedUntil)) {
        state.pausedUntil = until;
      }
    }
  }

  /** Waits out a pause another request of the lane met; returns how long it waited. */
  Duration awaitPause(Lane lane) throws IOException {
    return sleepUntil(state(lane).pausedUntil);
  }

  /** How long the lane is still paused for, without waiting. */
  Duration remainingPause(Lane lane) {
    Duration left = Duration.between(clock.instant(), state(lane).pausedUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  void sleep(Duration duration) throws IOException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private Duration sleepUntil(Instant until) throws IOException {
    Duration wait = Duration.between(clock.instant(), until);
    if (wait.isNegative() || wait.isZero()) {
      return Duration.ZERO;
    }
    sleep(wait);
    return wait;
  }

  private State state(Lane lane) {
    return states.computeIfAbsent(lane, key -> new State());
  }

  private static InterruptedIOException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    InterruptedIOException io = new InterruptedIOException("interrupted while waiting to call GitHub");
    io.initCause(e);
    return io;
  }
}
