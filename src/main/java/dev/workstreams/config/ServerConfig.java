package dev.workstreams.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's settings, read from the environment (names as in the design, Probot's where Probot
 * has one). Parsing takes a map, not {@code System.getenv()}, so every rule is testable.
 */
public record ServerConfig(
    Optional<String> appId,
    Optional<Secret> webhookSecret,
    Optional<Secret> privateKey,
    Optional<Path> privateKeyPath,
    int port,
    String webhookPath,
    String githubApiUrl,
    Path dataDir,
    DatabaseTarget database,
    Optional<Path> agentsFile,
    int agentConcurrency,
    AgentSandboxMode agentSandbox,
    Duration githubMutationInterval,
    Optional<String> publicUrl,
    String logLevel,
    JobSettings jobs) {

  private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  public static ServerConfig fromEnvironment(Map<String, String> env) {
    EnvironmentReader read = new EnvironmentReader(env);
    Path dataDir = Path.of(read.text("DATA_DIR").orElse("./data"));
    JobSettings defaults = JobSettings.defaults();
    return new ServerConfig(
        read.text("APP_ID"),
        read.text("WEBHOOK_SECRET").map(Secret::of),
        read.text("PRIVATE_KEY").map(pem -> Secret.of(pem.replace("\\n", "\n"))),
        read.text("PRIVATE_KEY_PATH").map(Path::of),
        read.integer("PORT", 3000, 0, 65535),
        webhookPath(read.text("WEBHOOK_PATH").orElse("/api/github/webhooks")),
        read.text("GITHUB_API_URL").orElse("https://api.github.com"),
        dataDir,
        read.text("DATABASE_URL").map(DatabaseTarget::parse).orElseGet(() -> DatabaseTarget.embedded(dataDir)),
        read.text("AGENTS_FILE").map(Path::of),
        read.integer("AGENT_CONCURRENCY", 4, 1, 256),
        agentSandbox(read.text("AGENT_SANDBOX").orElse("bwrap")),
        Duration.ofMillis(read.integer("GITHUB_MUTATION_INTERVAL_MS", 1000, 0, 3_600_000)),
        read.text("PUBLIC_URL"),
        logLevel(read.text("LOG_LEVEL").orElse("info")),
        new JobSettings(
            read.integer("JOB_WORKERS", defaults.workers(), 0, 512),
            read.millis("JOB_POLL_INTERVAL_MS", defaults.pollInterval()),
            read.integer("JOB_MAX_ATTEMPTS", defaults.maxAttempts(), 1, 1000),
            read.millis("JOB_RETRY_DELAY_MS", defaults.firstRetryDelay()),
            read.millis("JOB_MAX_RETRY_DELAY_MS", defaults.maxRetryDelay()),
            read.millis("SUBJECT_LEASE_MS", defaults.leaseDuration()),
            read.millis("SUBJECT_WAIT_FALLBACK_MS", defaults.subjectWaitFallback())));
  }

  /** Setup mode: the App is not registered yet, so no delivery can be verified. */
  public boolean isConfigured() {
    return appId.isPresent() && webhookSecret.isPresent();
  }

  /** {@code AGENT_SANDBOX}: how agent processes are confined. */
  public enum AgentSandboxMode {
    /** In bubblewrap; without a working bubblewrap no agent starts. */
    BWRAP,
    /** Unsandboxed, as the server's own user: the operator's explicit choice, warned about at every start. */
    OFF
  }

  private static AgentSandboxMode agentSandbox(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "bwrap" -> AgentSandboxMode.BWRAP;
      case "off" -> AgentSandboxMode.OFF;
      default -> throw new ConfigException("AGENT_SANDBOX must be bwrap (the default) or off, got '" + value + "'");
    };
  }

  private static String webhookPath(String path) {
    if (!path.startsWith("/")) {
      throw new ConfigException("WEBHOOK_PATH must start with '/', got '" + path + "'");
    }
    return path;
  }

  private static String logLevel(String level) {
    String lower = level.toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(lower)) {
      throw new ConfigException("LOG_LEVEL must be one of error, warn, info, debug, trace; got '" + level + "'");
    }
    return lower;
  }
}
