package dev.workstreams;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.AgentRunner;
import dev.workstreams.adapter.agent.AgentWorkerPool;
import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.WorkingCopies;
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
 * token as {@code x-access-token}, committing as the App's bot.
 */
final class AgentAssembly {

  private AgentAssembly() {}

  static AgentWorkerPool pool(AgentProfiles profiles, int concurrency, Path dataDir, long appId, GitHubClients clients,
      PlanStore store, Clock clock, Consumer<AgentReport> reports) {
    // GitHub shows commits by <slug>[bot] under the App; the noreply address keeps them unattributed to a person.
    BotIdentity bot = new BotIdentity("workstreams[bot]", appId + "+workstreams[bot]@users.noreply.github.com");
    return new AgentWorkerPool(profiles, concurrency, new WorkingCopies(dataDir, bot), new AgentRunner(dataDir, clock), bot,
        repository -> Remote.withToken(clients.endpoints().page("/" + repository.fullName() + ".git").toString(),
            () -> token(clients, repository)),
        repository -> List.of(token(clients, repository)),
        store, clock, reports);
  }

  private static String token(GitHubClients clients, RepositoryId repository) {
    try {
      return clients.installationToken(repository.installationId());
    } catch (IOException e) {
      throw new UncheckedIOException("no installation token for " + repository, e);
    }
  }
}
