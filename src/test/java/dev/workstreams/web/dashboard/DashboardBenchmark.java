package dev.workstreams.web.dashboard;

import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Serves the dashboard over a database holding 200 plans and 2,000 workstreams (20 repositories the
 * signed-in person reaches), for {@code bench/dashboard-load.sh} to load with wrk. First measures how
 * long a line an agent prints takes to reach an SSE client ({@code LOG} line), then prints {@code READY
 * <base URL> <cookie> <plan path>} and serves until its standard input closes.
 *
 * <p>Argument: a scratch folder for {@code DATA_DIR}.
 */
public final class DashboardBenchmark {

  private static final int REPOSITORIES = 20;
  private static final int PLANS = 200;
  private static final int TASKS = 10;
  private static final int LOG_SAMPLES = 40;

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createDirectories(Path.of(args[0]));
    try (DashboardRig rig = new DashboardRig(dataDir)) {
      Set<String> repositories = new LinkedHashSet<>();
      for (int r = 0; r < REPOSITORIES; r++) {
        repositories.add("octo/r" + r);
      }
      repositories.add("octo/hello");
      rig.reach(repositories);
      seed(rig);
      String cookie = rig.signIn();
      System.out.println(logLatency(rig, cookie));
      System.out.println("READY " + rig.base() + " " + cookie + " /plans/octo/r0/1");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().forEach(l -> { });
    }
  }

  private static void seed(DashboardRig rig) {
    StringBuilder plan = new StringBuilder("```plan\ntasks:\n");
    for (int t = 0; t < TASKS; t++) {
      plan.append("  - id: t").append(t).append("\n    title: Task ").append(t).append("\n    owns: [src/t").append(t)
          .append("/**]\n");
      if (t >= 3) {
        plan.append("    depends_on: [t").append(t - 3).append(t >= 5 ? ", t" + (t - 5) : "").append("]\n");
      }
    }
    plan.append("```\n");
    WorkstreamState[] states = WorkstreamState.values();
    for (int p = 0; p < PLANS; p++) {
      RepositoryId repository = RepositoryId.of(1, "octo/r" + (p % REPOSITORIES));
      int issue = 1 + p / REPOSITORIES;
      rig.plans.savePlan(new StoredPlan(repository, issue, PlanState.ACTIVE, plan.toString(), "main", 3, Optional.of("script"),
          List.of(), Enforcement.COMMENT, rig.clock.instant().minus(Duration.ofMinutes(p)), Optional.empty(), Optional.empty(), ""));
      for (int t = 0; t < TASKS; t++) {
        WorkstreamState state = states[(p + t) % states.length];
        rig.plans.saveWorkstream(repository, issue, StoredWorkstream.pending("t" + t, "workstreams/" + issue + "-t" + t)
            .withPullRequest(new ObservedPullRequest(1000 + t, ObservedPullRequest.State.OPEN, "t" + t, "", Set.of(), true))
            .withState(state, "").withAgentRun(1, Optional.empty(), Optional.empty(), Duration.ofMinutes(t)));
      }
    }
  }

  /** Milliseconds from a line's write to its arrival at an SSE client, for a running task (ui of octo/hello#7). */
  private static String logLatency(DashboardRig rig, String cookie) throws Exception {
    Path log = rig.runLog("octo", "hello", 7, "ui", "20261205T100000Z.log", "== workstreams: agent script");
    ConcurrentHashMap<Integer, Long> arrived = new ConcurrentHashMap<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create(rig.base() + "/runs/octo/hello/7/ui/events"))
        .header("Cookie", cookie).build();
    var executor = Executors.newSingleThreadExecutor();
    HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    Future<?> reader = executor.submit(() -> response.body().forEach(line -> {
      if (line.startsWith("data: sample ")) {
        arrived.put(Integer.parseInt(line.substring("data: sample ".length())), System.nanoTime());
      }
    }));
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < LOG_SAMPLES; i++) {
      long written = System.nanoTime();
      DashboardRig.append(log, "sample " + i);
      while (!arrived.containsKey(i)) {
        Thread.onSpinWait();
      }
      millis.add((arrived.get(i) - written) / 1e6);
      Thread.sleep(37); // not aligned with the server's polling, so samples fall anywhere in its interval
    }
    reader.cancel(true);
    executor.shutdownNow();
    Collections.sort(millis);
    return String.format(java.util.Locale.ROOT, "LOG %d lines: median %.1f ms, max %.1f ms from write to SSE client",
        LOG_SAMPLES, millis.get(millis.size() / 2), millis.get(millis.size() - 1));
  }
}
