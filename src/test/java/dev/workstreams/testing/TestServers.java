package dev.workstreams.testing;

import dev.workstreams.WorkstreamsServer;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.workflow.EventRouter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Servers for tests: port 0, a data folder of the test's own, and job settings in milliseconds
 * (short back-off, short leases, fast polling) so that retries and recoveries take no time.
 */
public final class TestServers {
  private TestServers() {}

  /** A webhook secret made up for one test; never a committed value. */
  public static String newSecret() {
    return "whsec-" + UUID.randomUUID();
  }

  /** The environment of a configured server; tests add or override variables. */
  public static Map<String, String> environment(Path dataDir, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("APP_ID", "1");
    env.put("WEBHOOK_SECRET", secret);
    env.put("DATA_DIR", dataDir.toString());
    env.put("PORT", "0");
    env.put("JOB_WORKERS", "4");
    env.put("JOB_POLL_INTERVAL_MS", "100");
    env.put("JOB_MAX_ATTEMPTS", "3");
    env.put("JOB_RETRY_DELAY_MS", "100");
    env.put("JOB_MAX_RETRY_DELAY_MS", "400");
    env.put("SUBJECT_LEASE_MS", "3000");
    env.put("SUBJECT_WAIT_FALLBACK_MS", "1000");
    return env;
  }

  public static WorkstreamsServer start(Map<String, String> environment, EventRouter router) {
    ServerConfig config = ServerConfig.fromEnvironment(environment);
    return WorkstreamsServer.start(WorkstreamsServer.intake(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        WorkstreamsServer.openDatabase(config), router), registration -> {});
  }
}
