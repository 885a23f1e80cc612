package dev.workstreams;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentRunner;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.agent.SandboxedPlanner;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.HiddenPaths;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.adapter.agent.sandbox.ResourceControls;
import dev.workstreams.adapter.agent.sandbox.SandboxProbe;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.github.AppBotUser;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.config.Secret;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.Planner;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the composition root: the agent sandbox, and the agent worker pool, cloning over HTTPS
 * with the installation's token as {@code x-access-token}, committing as the App's bot user ({@code
 * <slug>[bot]} with its noreply address, looked up on GitHub: whatever name the App was registered
 * under, GitHub then shows its commits as the App's rather than an unknown author's).
 */
final class AgentAssembly {

  private static final Logger log = LoggerFactory.getLogger(AgentAssembly.class);
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)password=([^&;]+)");

  private AgentAssembly() {}

  static AgentWorkerPool pool(AgentProfiles profiles, ServerConfig config, AgentSandbox sandbox,
      Optional<AppAssembly.LocalRemote> localRemote, GitHubClients clients, PlanStore store, Clock clock,
      Consumer<AgentReport> reports) {
    Path dataDir = config.dataDir();
    Duration killGrace = localRemote.map(AppAssembly.LocalRemote::killGrace).orElse(Duration.ofSeconds(5));
    Function<RepositoryId, Remote> remote = localRemote
        .<Function<RepositoryId, Remote>>map(local -> repository -> Remote.anonymous(local.repository().toUri().toString()))
        .orElse(repository -> Remote.withToken(clients.endpoints().page("/" + repository.fullName() + ".git").toString(),
            () -> token(clients, repository)));
    Function<RepositoryId, List<String>> secrets = localRemote
        .<Function<RepositoryId, List<String>>>map(local -> repository -> local.secrets())
        .orElse(repository -> Stream.concat(serverSecrets(config).stream(), Stream.of(token(clients, repository))).toList());
    return new AgentWorkerPool(profiles, config.agentConcurrency(), new WorkingCopies(dataDir),
        new AgentRunner(dataDir, clock, killGrace, sandbox), repository -> botIdentity(clients, repository),
        remote, secrets, store, clock, reports);
  }

  /**
   * The operator's planner ({@code planner:} in the agents file) for {@code /workstreams draft}: run by
   * the same sandboxed runner as agents, fetching as the agents do. {@link Planner#NONE} without one.
   */
  static Planner planner(AgentProfiles profiles, ServerConfig config, AgentSandbox sandbox,
      Optional<AppAssembly.LocalRemote> localRemote, GitHubClients clients, Clock clock) {
    if (profiles.planner().isEmpty()) {
      return Planner.NONE;
    }
    Duration killGrace = localRemote.map(AppAssembly.LocalRemote::killGrace).orElse(Duration.ofSeconds(5));
    Function<RepositoryId, Remote> remote = localRemote
        .<Function<RepositoryId, Remote>>map(local -> repository -> Remote.anonymous(local.repository().toUri().toString()))
        .orElse(repository -> Remote.withToken(clients.endpoints().page("/" + repository.fullName() + ".git").toString(),
            () -> token(clients, repository)));
    Function<RepositoryId, List<String>> secrets = localRemote
        .<Function<RepositoryId, List<String>>>map(local -> repository -> local.secrets())
        .orElse(repository -> Stream.concat(serverSecrets(config).stream(), Stream.of(token(clients, repository))).toList());
    return new SandboxedPlanner(profiles.planner(), new WorkingCopies(config.dataDir()),
        new AgentRunner(config.dataDir(), clock, killGrace, sandbox), remote, secrets);
  }

  private static BotIdentity botIdentity(GitHubClients clients, RepositoryId repository) {
    try {
      AppBotUser.Bot bot = clients.botUser().bot(repository.installationId());
      return BotIdentity.forApp(bot.slug(), bot.userId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sandbox agents run in, found out once at start and said once in the log: bubblewrap when it
   * works here, none when the operator turned it off (warned at every start), else no agents at all.
   */
  static AgentSandbox sandbox(ServerConfig config, String path, Path bwrap) {
    ResourceControl resources = ResourceControls.detect(path);
    if (config.agentSandbox() == ServerConfig.AgentSandboxMode.OFF) {
      log.warn("AGENT_SANDBOX=off: agents run unsandboxed as the server's own user and can read what it can "
          + "(its environment, the App's key, DATA_DIR); {}", resources.describe());
      return AgentSandbox.off(resources);
    }
    Optional<String> problem = SandboxProbe.problem(bwrap);
    if (problem.isPresent()) {
      log.error("agents will not start: {}", problem.get());
      return AgentSandbox.unavailable(problem.get());
    }
    AgentSandbox sandbox = AgentSandbox.bubblewrap(bwrap,
        HiddenPaths.ofServer(config.dataDir(), config.privateKeyPath(), config.agentsFile()), resources);
    log.info("{}", sandbox);
    return sandbox;
  }

  /**
   * Every secret the server holds, for the redaction of agents' logs: read at each run, since a setup
   * completed meanwhile adds the stored App's.
   */
  static List<String> serverSecrets(ServerConfig config) {
    List<String> secrets = new ArrayList<>();
    config.webhookSecret().map(Secret::reveal).ifPresent(secrets::add);
    config.privateKey().map(Secret::reveal).ifPresent(secrets::add);
    config.privateKeyPath().flatMap(AgentAssembly::read).ifPresent(secrets::add);
    config.database().password().map(Secret::reveal).ifPresent(secrets::add);
    Matcher inUrl = URL_PASSWORD.matcher(config.database().jdbcUrl());
    while (inUrl.find()) {
      secrets.add(inUrl.group(1));
    }
    try {
      SetupAssembly.credentialsFile(config).load().ifPresent((AppRegistration app) -> {
        Stream.of(app.clientSecret(), app.pem()).filter(s -> s != null).forEach(secrets::add);
        app.webhookSecret().ifPresent(secrets::add);
      });
    } catch (IOException e) {
      log.warn("cannot read the stored App's credentials to redact them from agent logs");
    }
    return secrets;
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String token(GitHubClients clients, RepositoryId repository) {
    try {
      return clients.installationToken(repository.installationId());
    } catch (IOException e) {
      throw new UncheckedIOException("no installation token for " + repository, e);
    }
  }
}
