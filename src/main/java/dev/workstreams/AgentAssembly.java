package dev.workstreams;

import dev.workstreams.adapter.actions.ActionsAgents;
import dev.workstreams.adapter.actions.ActionsApi;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentRunner;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.agent.RemoteAgents;
import dev.workstreams.adapter.agent.SandboxedPlanner;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.HiddenPaths;
import dev.workstreams.adapter.agent.sandbox.ResourceControl;
import dev.workstreams.adapter.agent.sandbox.ResourceControls;
import dev.workstreams.adapter.agent.sandbox.SandboxProbe;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.BundleLimits;
import dev.workstreams.adapter.git.GitIntegrationBranches;
import dev.workstreams.adapter.git.MirrorMerges;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.github.AppBotUser;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.gateway.RestGitHubGateways;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.config.Secret;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.port.ActionsAttempts;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.IntegrationBranches;
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
    return pool(profiles, config, sandbox, localRemote, clients, store, clock, reports, new WorkingCopies(config.dataDir()),
        RemoteAgents.NONE);
  }

  /** The pool, sharing {@code copies} with {@code remoteAgents} (one lock per repository's mirror). */
  static AgentWorkerPool pool(AgentProfiles profiles, ServerConfig config, AgentSandbox sandbox,
      Optional<AppAssembly.LocalRemote> localRemote, GitHubClients clients, PlanStore store, Clock clock,
      Consumer<AgentReport> reports, WorkingCopies copies, RemoteAgents remoteAgents) {
    Path dataDir = config.dataDir();
    Duration killGrace = localRemote.map(AppAssembly.LocalRemote::killGrace).orElse(Duration.ofSeconds(5));
    Function<RepositoryId, Remote> remote = remotes(localRemote, clients);
    Function<RepositoryId, List<String>> secrets = secrets(localRemote, clients, config);
    return new AgentWorkerPool(profiles, config.agentConcurrency(), copies,
        new AgentRunner(dataDir, clock, killGrace, sandbox), repository -> botIdentity(clients, repository),
        remote, secrets, store, clock, reports, remoteAgents);
  }

  /**
   * Agents on GitHub Actions runners (profiles with {@code runner: actions}): dispatched through the
   * Actions API, their results verified in {@code copies} and pushed with the installation's token.
   */
  static ActionsAgents actions(AgentProfiles profiles, ServerConfig config, Optional<AppAssembly.LocalRemote> localRemote,
      GitHubClients clients, PlanStore store, ActionsAttempts attempts, WorkingCopies copies, Clock clock,
      Consumer<AgentReport> reports) {
    return new ActionsAgents(new ActionsApi(clients), attempts, copies, remotes(localRemote, clients),
        repository -> botIdentity(clients, repository), new RestGitHubGateways(clients),
        clients.endpoints().web().toString(), store, profiles, clock, reports,
        config.dataDir().resolve("actions"), BundleLimits.DEFAULT);
  }

  /** Where task branches are fetched from and pushed to: GitHub with the installation's token, or a test's local repository. */
  private static Function<RepositoryId, Remote> remotes(Optional<AppAssembly.LocalRemote> localRemote, GitHubClients clients) {
    return localRemote
        .<Function<RepositoryId, Remote>>map(local -> repository -> Remote.anonymous(local.repository().toUri().toString()))
        .orElse(repository -> Remote.withToken(clients.endpoints().page("/" + repository.fullName() + ".git").toString(),
            () -> token(clients, repository)));
  }

  /** What runs' output is redacted of: every secret the server holds and the repository's installation token. */
  private static Function<RepositoryId, List<String>> secrets(Optional<AppAssembly.LocalRemote> localRemote,
      GitHubClients clients, ServerConfig config) {
    return localRemote
        .<Function<RepositoryId, List<String>>>map(local -> repository -> local.secrets())
        .orElse(repository -> Stream.concat(serverSecrets(config).stream(), Stream.of(token(clients, repository))).toList());
  }

  /**
   * The git side of the conflict radar and the integration preview: the same remotes and bot identity as the agents',
   * on the same mirrors.
   */
  static IntegrationBranches integrationBranches(Optional<AppAssembly.LocalRemote> localRemote, GitHubClients clients,
      WorkingCopies copies) {
    return new GitIntegrationBranches(new MirrorMerges(copies), remotes(localRemote, clients),
        repository -> botIdentity(clients, repository));
  }

  /**
   * The operator's planner ({@code planner:} in the agents file) for {@code /workstreams draft}: run by
   * the same sandboxed runner as agents, fetching as the agents do. {@link Planner#NONE} without one.
   */
  static Planner planner(AgentProfiles profiles, ServerConfig config, AgentSandbox sandbox,
      Optional<AppAssembly.LocalRemote> localRemote, GitHubClients clients, Clock clock, WorkingCopies copies) {
    if (profiles.planner().isEmpty()) {
      return Planner.NONE;
    }
    Duration killGrace = localRemote.map(AppAssembly.LocalRemote::killGrace).orElse(Duration.ofSeconds(5));
    return new SandboxedPlanner(profiles.planner(), copies, new AgentRunner(config.dataDir(), clock, killGrace, sandbox),
        remotes(localRemote, clients), secrets(localRemote, clients, config));
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
