package dev.workstreams.testing;

import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler that remembers every call: how often each delivery was handled and, per call, when it
 * started and ended (to check that one subject's deliveries never overlap). It can be told to
 * take some time, or to fail.
 */
public final class RecordingHandler implements EventHandler {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Call> log = new CopyOnWriteArrayList<>();
  private final Duration busyFor;
  private final boolean failing;

  private RecordingHandler(Duration busyFor, boolean failing) {
    this.busyFor = busyFor;
    this.failing = failing;
  }

  public static RecordingHandler succeeding() {
    return new RecordingHandler(Duration.ZERO, false);
  }

  public static RecordingHandler takingTime(Duration busyFor) {
    return new RecordingHandler(busyFor, false);
  }

  public static RecordingHandler failing() {
    return new RecordingHandler(Duration.ZERO, true);
  }

  @Override
  public void handle(EventContext context) throws Exception {
    long start = System.nanoTime();
    calls.computeIfAbsent(context.deliveryId(), id -> new AtomicInteger()).incrementAndGet();
    if (!busyFor.isZero()) {
      Thread.sleep(busyFor.toMillis());
    }
    log.add(new Call(context.deliveryId(), context.name(), start, System.nanoTime()));
    if (failing) {
      throw new IllegalStateException("handler failed on purpose for delivery " + context.deliveryId());
    }
  }

  public int callsFor(String deliveryId) {
    AtomicInteger count = calls.get(deliveryId);
    return count == null ? 0 : count.get();
  }

  public int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public List<Call> calls() {
    return List.copyOf(log);
  }

  /** One handler run, in System.nanoTime() units. */
  public record Call(String deliveryId, String name, long startNanos, long endNanos) {}
}
