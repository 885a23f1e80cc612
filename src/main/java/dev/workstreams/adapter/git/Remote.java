package dev.workstreams.adapter.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where a repository is fetched from and pushed to: an HTTPS clone URL (GitHub, GitHub
 * Enterprise) or a {@code file://} URL (self-hosted mirrors, tests), and the credentials for it.
 * A URL that carries credentials itself is refused, so that none ever reaches a log or a message.
 */
public record Remote(String url, GitCredentials credentials) {

  private static final Set<String> SCHEMES = Set.of("https", "http", "file");

  public Remote {
    if (credentials == null) {
      throw new IllegalArgumentException("credentials are required (GitCredentials.none() for none)");
    }
    URI uri = parse(url);
    if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase())) {
      throw new IllegalArgumentException("remote URL must be https:// or file://, got: " + url);
    }
  }

  /** A remote reached with an installation token. */
  public static Remote withToken(String url, Supplier<String> token) {
    return new Remote(url, GitCredentials.installationToken(token));
  }

  /** A remote reached without credentials ({@code file://} in tests and self-hosted mirrors). */
  public static Remote anonymous(String url) {
    return new Remote(url, GitCredentials.none());
  }

  private static URI parse(String url) {
    if (url == null) {
      throw new IllegalArgumentException("remote URL is required");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // The text may hold a token pasted into the URL: say where it went wrong, not what it was.
      throw new IllegalArgumentException("remote URL is not a valid URI (at index " + e.getIndex() + ")");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "remote URL must not carry credentials; pass the token as GitCredentials instead");
    }
    return uri;
  }

  /** Resolves the credentials once for one operation (one token for its fetches and pushes). */
  RemoteSession open() {
    if (credentials instanceof GitCredentials.InstallationToken t) {
      String token = t.token().get();
      if (token == null || token.isEmpty()) {
        throw new IllegalStateException("the token supplier returned no token for " + url);
      }
      return new RemoteSession(url, Optional.of(token));
    }
    return new RemoteSession(url, Optional.empty());
  }

  @Override
  public String toString() {
    return url;
  }
}
