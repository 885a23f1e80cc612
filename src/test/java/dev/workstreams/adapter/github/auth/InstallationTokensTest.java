package dev.workstreams.adapter.github.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.github.http.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstallationTokensTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));

  @Test
  void reusesATokenUntilFiveMinutesBeforeItExpires() throws IOException {
    List<Long> requests = new ArrayList<>();
    InstallationTokens tokens = new InstallationTokens(id -> {
      requests.add(id);
      return new InstallationToken("t" + requests.size(), clock.instant().plus(Duration.ofHours(1)));
    }, clock);

    assertEquals("t1", tokens.token(7));
    clock.advance(Duration.ofMinutes(54));
    assertEquals("t1", tokens.token(7));
    clock.advance(Duration.ofMinutes(1));
    assertEquals("t2", tokens.token(7));
    assertEquals(List.of(7L, 7L), requests);
  }

  @Test
  void keepsOneTokenPerInstallation() throws IOException {
    InstallationTokens tokens = new InstallationTokens(
        id -> new InstallationToken("token-for-" + id, clock.instant().plus(Duration.ofHours(1))), clock);

    assertEquals("token-for-1", tokens.token(1));
    assertEquals("token-for-2", tokens.token(2));
    assertEquals("token-for-1", tokens.token(1));
  }

  @Test
  void forgettingATokenFetchesANewOne() throws IOException {
    AtomicInteger created = new AtomicInteger();
    InstallationTokens tokens = new InstallationTokens(
        id -> new InstallationToken("t" + created.incrementAndGet(), clock.instant().plus(Duration.ofHours(1))), clock);

    tokens.token(3);
    tokens.forget(3);

    assertEquals("t2", tokens.token(3));
  }

  @Test
  void fetchesOnceForManyConcurrentCallersButDoesNotMakeOtherInstallationsWait() throws Exception {
    CountDownLatch slowFetchStarted = new CountDownLatch(1);
    CountDownLatch releaseSlowFetch = new CountDownLatch(1);
    ConcurrentHashMap<Long, AtomicInteger> fetches = new ConcurrentHashMap<>();
    InstallationTokens tokens = new InstallationTokens(id -> {
      fetches.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
      if (id == 1) {
        slowFetchStarted.countDown();
        await(releaseSlowFetch);
      }
      return new InstallationToken("token-" + id, clock.instant().plus(Duration.ofHours(1)));
    }, clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> waiting = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        waiting.add(pool.submit(() -> tokens.token(1)));
      }
      assertTrue(slowFetchStarted.await(5, TimeUnit.SECONDS));

      assertEquals("token-2", pool.submit(() -> tokens.token(2)).get(5, TimeUnit.SECONDS));

      releaseSlowFetch.countDown();
      for (Future<String> future : waiting) {
        assertEquals("token-1", future.get(5, TimeUnit.SECONDS));
      }
      assertEquals(1, fetches.get(1L).get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hidesTheTokenWhenPrinted() {
    assertEquals("InstallationToken[value=(hidden), expiresAt=2026-11-02T10:00:00Z]",
        new InstallationToken("ghs_secret", clock.instant()).toString());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
