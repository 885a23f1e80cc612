package dev.workstreams.adapter.github.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every wait and moves the fake clock by it instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

  private final FakeClock clock;
  private final List<Duration> waits = new ArrayList<>();

  public RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    waits.add(duration);
    clock.advance(duration);
  }

  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
