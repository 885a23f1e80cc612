package dev.workstreams.port;

/** Gives follow-through its GitHub calls for the repository and installation of an event. */
public interface FollowThroughGateways {

  FollowThroughGitHub forRepository(RepositoryId repository);
}
