package dev.workstreams.port;

/** Gives the workflows a gateway for the repository and installation of an event. */
public interface GitHubGateways {

  GitHubGateway forRepository(RepositoryId repository);
}
