package dev.workstreams.adapter.github.auth;

import java.io.IOException;

/** Where new installation tokens come from: GitHub in production, a fake in tests. */
@FunctionalInterface
public interface TokenSource {

  InstallationToken create(long installationId) throws IOException;
}
