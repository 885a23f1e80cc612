package dev.workstreams.adapter.github.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where GitHub answers: the REST API ({@code GITHUB_API_URL}), the GraphQL endpoint and the web
 * host where people create and install Apps.
 *
 * @param api     REST base without a trailing slash: {@code https://api.github.com}, {@code https://HOST/api/v3}
 * @param graphql {@code https://api.github.com/graphql}, or {@code https://HOST/api/graphql} on GitHub Enterprise Server
 * @param web     {@code https://github.com}, or {@code https://HOST} on GitHub Enterprise Server
 */
public record GitHubEndpoints(URI api, URI graphql, URI web) {

  public static final String GITHUB_COM_API = "https://api.github.com";

  /**
   * Derives the other endpoints from the REST base. {@code api.HOST} (github.com, GHE.com) serves
   * the web at {@code HOST}; GitHub Enterprise Server serves REST under {@code /api/v3} and GraphQL
   * under {@code /api/graphql}; any other base (a test double, a proxy) is taken to serve all three.
   */
  public static GitHubEndpoints of(String apiUrl) {
    String base = apiUrl.strip().replaceAll("/+$", "");
    URI api = URI.create(base);
    String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || api.getHost() == null) {
      throw new IllegalArgumentException("GITHUB_API_URL must be an http(s) URL such as " + GITHUB_COM_API + ", got " + apiUrl);
    }
    String origin = scheme + "://" + api.getRawAuthority();
    String path = api.getRawPath() == null ? "" : api.getRawPath();
    if (path.endsWith("/api/v3")) {
      String prefix = path.substring(0, path.length() - "/v3".length());
      return new GitHubEndpoints(api, URI.create(origin + prefix + "/graphql"), URI.create(origin + path.substring(0, path.length() - "/api/v3".length())));
    }
    if (path.isEmpty() && api.getHost().startsWith("api.")) {
      String webAuthority = api.getRawAuthority().substring("api.".length());
      return new GitHubEndpoints(api, URI.create(base + "/graphql"), URI.create(scheme + "://" + webAuthority));
    }
    return new GitHubEndpoints(api, URI.create(base + "/graphql"), api);
  }

  /** A REST URL: {@code path} starts with {@code /} and is already encoded. */
  public URI rest(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a REST path starts with /: " + path);
    }
    return URI.create(api + path);
  }

  /** A web URL on the host where people use GitHub. */
  public URI page(String path) {
    return URI.create(web.toString().replaceAll("/+$", "") + path);
  }

  /** The REST base's path, stripped from request paths before they become route templates. */
  public String apiBasePath() {
    return api.getRawPath() == null ? "" : api.getRawPath();
  }
}
