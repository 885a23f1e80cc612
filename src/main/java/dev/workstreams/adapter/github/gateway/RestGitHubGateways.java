package dev.workstreams.adapter.github.gateway;

import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.RepositoryId;

/** Gateways over the App's installation clients. */
public final class RestGitHubGateways implements GitHubGateways {

  private final GitHubClients clients;

  public RestGitHubGateways(GitHubClients clients) {
    this.clients = clients;
  }

  @Override
  public GitHubGateway forRepository(RepositoryId repository) {
    return new RestGitHubGateway(clients, repository);
  }
}
