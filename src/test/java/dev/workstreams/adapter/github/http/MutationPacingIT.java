package dev.workstreams.adapter.github.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.workstreams.adapter.github.GitHubTestRig;
import dev.workstreams.adapter.github.auth.TestKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes of one installation, fired together, reach GitHub one at a time with the gap between them; real time. */
class MutationPacingIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(30)).failOnUnmatchedRequests(true).build();

  private static final long INTERVAL_MS = 200;
  private static final long ANSWER_DELAY_MS = 50;
  /** WireMock logs request times in whole milliseconds. */
  private static final long TOLERANCE_MS = 5;
  private static final int WRITES = 5;

  /** One request as WireMock saw it: when it arrived and when its answer was sent. */
  private record Served(String path, long startMs, long endMs) {}

  @Test
  void writesOfOneInstallationNeverOverlapAndKeepTheGapWhileOtherInstallationsProceed() throws Exception {
    GitHubTestRig rig = new GitHubTestRig(github, TestKeys.generate(), Clock.systemUTC(), Sleeper.threadSleep(),
        Duration.ofMillis(INTERVAL_MS));
    GitHubTestRig.stubToken(github, 1, "ghs_one", Clock.systemUTC().instant());
    GitHubTestRig.stubToken(github, 2, "ghs_two", Clock.systemUTC().instant());
    github.stubFor(post(urlPathMatching("/repos/octo/[a-z]+/issues/1/comments"))
        .willReturn(aResponse().withStatus(201).withFixedDelay((int) ANSWER_DELAY_MS).withBody("{\"id\":1}")));
    rig.clients.installationToken(1);
    rig.clients.installationToken(2);

    runTogether(rig, List.of(1L, 2L));

    List<Served> first = served("/repos/octo/one/");
    List<Served> second = served("/repos/octo/two/");
    assertEquals(WRITES, first.size());
    assertEquals(WRITES, second.size());
    assertPaced(first);
    assertPaced(second);
    assertTrue(second.get(0).startMs() < first.get(WRITES - 1).startMs(),
        "installation 2 waited for installation 1: " + first + " " + second);
  }

  private static void runTogether(GitHubTestRig rig, List<Long> installations) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITES * installations.size());
    try {
      List<Callable<Object>> writes = new ArrayList<>();
      for (long installation : installations) {
        String repo = installation == 1 ? "one" : "two";
        URI url = rig.endpoints.rest("/repos/octo/" + repo + "/issues/1/comments");
        for (int i = 0; i < WRITES; i++) {
          writes.add(() -> rig.clients.call(installation, "POST", url, Optional.of("{\"body\":\"hello\"}")));
        }
      }
      for (Future<Object> done : pool.invokeAll(writes, 30, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertPaced(List<Served> writes) {
    for (int i = 1; i < writes.size(); i++) {
      long gap = writes.get(i).startMs() - writes.get(i - 1).endMs();
      assertTrue(gap >= INTERVAL_MS - TOLERANCE_MS, "gap of " + gap + " ms between writes " + (i - 1) + " and " + i + ": " + writes);
    }
  }

  private static List<Served> served(String prefix) {
    return github.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getUrl().startsWith(prefix))
        .map(MutationPacingIT::served)
        .sorted(Comparator.comparingLong(Served::startMs))
        .toList();
  }

  private static Served served(ServeEvent event) {
    long start = event.getRequest().getLoggedDate().getTime();
    return new Served(event.getRequest().getUrl(), start, start + event.getTiming().getTotalTime());
  }
}
