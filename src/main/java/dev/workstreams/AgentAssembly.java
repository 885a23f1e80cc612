package dev.workstreams;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentRunner;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.github.AppBotUser;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Part of the composition root: the agent worker pool, cloning over HTTPS with the installation's
 * token as {@code x-access-token}, committing as the App's bot user ({@code <slug>[bot]} with its
 * noreply address, looked up on GitHub: whatever name the App was registered under, GitHub then
 * shows its commits as the App's rather than an unknown author's).
 */
final class AgentAssembly {

  private AgentAssembly() {}

  static AgentWorkerPool pool(AgentProfiles profiles, int concurrency, Path dataDir, GitHubClients clients,
      PlanStore store, Clock clock, Consumer<AgentReport> reports) {
    return new AgentWorkerPool(profiles, concurrency, new WorkingCopies(dataDir), new AgentRunner(dataDir, clock),
        repository -> botIdentity(clients, repository),
        repository -> Remote.withToken(clients.endpoints().page("/" + repository.fullName() + ".git").toString(),
            () -> token(clients, repository)),
        repository -> List.of(token(clients, repository)),
        store, clock, reports);
  }

  private static BotIdentity botIdentity(GitHubClients clients, RepositoryId repository) {
    try {
      AppBotUser.Bot bot = clients.botUser().bot(repository.installationId());
      return BotIdentity.forApp(bot.slug(), bot.userId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
