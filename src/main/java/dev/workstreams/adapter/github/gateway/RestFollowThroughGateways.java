package dev.workstreams.adapter.github.gateway;

import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.port.FollowThroughGateways;
import dev.workstreams.port.FollowThroughGitHub;
import dev.workstreams.port.RepositoryId;

/** Follow-through's GitHub calls over the App's installation clients. */
public final class RestFollowThroughGateways implements FollowThroughGateways {

  private final GitHubClients clients;

  public RestFollowThroughGateways(GitHubClients clients) {
    this.clients = clients;
  }

  @Override
  public FollowThroughGitHub forRepository(RepositoryId repository) {
    return new RestFollowThroughGitHub(clients, repository);
  }
}
