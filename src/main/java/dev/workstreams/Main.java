package dev.workstreams;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.OwnerOnly;
import dev.workstreams.adapter.agent.profile.AgentProfilesException;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.SandboxProbe;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.GitHubSettings;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.cli.PlanCommand;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import dev.workstreams.config.ConfigException;
import dev.workstreams.config.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root: the only place that reads configuration; {@link AppAssembly} wires adapters
 * to workflows from it. Without a subcommand it serves, so that {@code java -jar workstreams.jar}
 * starts the App.
 */
@Command(
    name = "workstreams",
    mixinStandardHelpOptions = true,
    description = "A GitHub App that turns one labelled plan issue into parallel workstreams.",
    subcommands = {PlanCommand.class})
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    return serve();
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Start the webhook server (also what no subcommand does).")
  int serve() throws InterruptedException {
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Optional<AppCredentials> credentials;
    try {
      credentials = AppCredentials.fromEnvironment(env);
      // Read now, so that a bad GITHUB_API_URL or politeness value stops the start.
      credentials.ifPresent(c -> GitHubSettings.fromEnvironment(env));
    } catch (RuntimeException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    try {
      // A credentials file that cannot be read must stop the start, not fall back to a second setup.
      SetupAssembly.stored(config);
    } catch (IllegalStateException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    AgentProfiles profiles;
    try {
      profiles = config.agentsFile().isPresent()
          ? new AgentProfilesReader(env).read(config.agentsFile().get()) : AgentProfiles.none();
    } catch (AgentProfilesException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    try {
      OwnerOnly.folder(config.dataDir());
    } catch (IOException e) {
      System.err.println("workstreams: cannot create DATA_DIR " + config.dataDir() + ": " + e.getMessage());
      return 2;
    }
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    AgentSandbox sandbox = profiles.isEmpty() ? AgentSandbox.unavailable("no AGENTS_FILE")
        : AgentAssembly.sandbox(config, path, SandboxProbe.locate(path));
    AppAssembly.Options options = AppAssembly.Options.of(config, clock, registry,
            app -> appClients(app, env, clock, registry), credentials)
        .withAgents(profiles, sandbox)
        .withOAuthClient(DashboardAssembly.clientFromEnvironment(env));
    AppAssembly app = AppAssembly.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    app.awaitStop();
    return 0;
  }

  /** Installation clients for the App, with the environment's API URL and politeness. */
  static GitHubClients appClients(
      AppCredentials credentials, Map<String, String> env, Clock clock, PrometheusMeterRegistry registry) {
    GitHubSettings settings = GitHubSettings.fromEnvironment(env);
    PolitePipeline pipeline = PolitePipeline.overHttpClient(
        settings.endpoints(), settings.politeness(), clock, new GitHubMetrics(registry));
    return GitHubClients.forApp(credentials, settings.endpoints(), pipeline, clock);
  }
}
