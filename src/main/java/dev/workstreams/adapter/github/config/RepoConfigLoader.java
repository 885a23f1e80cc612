package dev.workstreams.adapter.github.config;

import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RepositoryId;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.RestPaths;
import dev.workstreams.core.config.ConfigFile;
import dev.workstreams.core.config.ConfigProblem;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigParser;
import dev.workstreams.core.config.RepoConfigResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kohsuke.github.GHIOException;

/**
 * Reads {@code .github/workstreams.yml} from a repository's default branch, once per repository
 * until {@link #invalidate} (called on a push to the default branch that touches the file; see
 * {@link ConfigFile#touchesConfig}). Only the default branch counts, so a pull request cannot
 * change the rules it is judged by.
 */
public final class RepoConfigLoader implements RepoConfigs {

  /** GitHub's owner and repository name characters; anything else is not a repository. */
  private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  private record Cached(String branch, RepoConfigResult result) {}

  private final GitHubClients clients;
  private final RepoConfigParser parser;
  /** Guarded by itself; holds no I/O, so a slow fetch never blocks other repositories. */
  private final Map<String, Cached> cache = new HashMap<>();
  private final Map<String, Long> invalidations = new HashMap<>();

  public RepoConfigLoader(GitHubClients clients, RepoConfigParser parser) {
    this.clients = clients;
    this.parser = parser;
  }

  /**
   * @param repoFullName  {@code owner/name}, as in the webhook's {@code repository.full_name}
   * @param defaultBranch the webhook's {@code repository.default_branch}
   * @return the config (defaults when the file is absent) or the problems to post on the issue
   * @throws IOException when GitHub cannot be asked; nothing is cached then
   */
  public RepoConfigResult load(long installationId, String repoFullName, String defaultBranch) throws IOException {
    String key = key(repoFullName);
    long generation;
    synchronized (cache) {
      Cached cached = cache.get(key);
      if (cached != null && cached.branch().equals(defaultBranch)) {
        return cached.result();
      }
      generation = invalidations.getOrDefault(key, 0L);
    }
    RepoConfigResult result = fetch(installationId, repoFullName, defaultBranch);
    synchronized (cache) {
      // A push may have changed the file while it was being fetched: then this answer is stale.
      if (invalidations.getOrDefault(key, 0L) == generation) {
        cache.put(key, new Cached(defaultBranch, result));
      }
    }
    return result;
  }

  /** Forgets the repository's config; the next {@link #load} reads it again. */
  @Override
  public RepoConfigResult load(RepositoryId repository, String defaultBranch) throws IOException {
    return load(repository.installationId(), repository.fullName(), defaultBranch);
  }

  @Override
  public void invalidate(RepositoryId repository) {
    invalidate(repository.fullName());
  }

  public void invalidate(String repoFullName) {
    String key = key(repoFullName);
    synchronized (cache) {
      cache.remove(key);
      invalidations.merge(key, 1L, Long::sum);
    }
  }

  private RepoConfigResult fetch(long installationId, String repoFullName, String defaultBranch) throws IOException {
    String[] ownerAndName = repoFullName.split("/", 2);
    URI url = clients.endpoints().rest(RestPaths.repository(ownerAndName[0], ownerAndName[1]) + "/contents/"
        + RestPaths.segments(ConfigFile.PATH) + "?ref=" + RestPaths.query(defaultBranch));
    HttpReply reply = clients.call(installationId, "GET", url, Optional.empty());
    if (reply.status() == 404) {
      return new RepoConfigResult.Valid(RepoConfig.DEFAULTS);
    }
    if (!reply.isSuccess()) {
      throw new GHIOException("could not read " + ConfigFile.PATH + " of " + repoFullName + " for installation "
          + installationId + ": HTTP " + reply.status() + " " + reply.message());
    }
    return parse(reply.json());
  }

  /** The contents API answers a file as base64 in JSON; over 1 MB it leaves the content out. */
  private RepoConfigResult parse(JsonNode file) {
    if (!file.path("type").asText().equals("file")) {
      return wholeFileProblem(ConfigFile.PATH + " must be a file, but it is a " + file.path("type").asText("folder"));
    }
    long size = file.path("size").asLong();
    if (size > RepoConfigParser.MAX_BYTES || !file.path("encoding").asText().equals("base64")) {
      return wholeFileProblem("the file is " + size + " bytes; at most " + RepoConfigParser.MAX_BYTES + " bytes (64 KiB) are read");
    }
    byte[] bytes = Base64.getMimeDecoder().decode(file.path("content").asText(""));
    return parser.parse(new String(bytes, StandardCharsets.UTF_8));
  }

  private static RepoConfigResult wholeFileProblem(String message) {
    return new RepoConfigResult.Invalid(List.of(new ConfigProblem(0, message)));
  }

  /** GitHub names are case-insensitive, so webhooks may spell one repository two ways. */
  private static String key(String repoFullName) {
    if (!FULL_NAME.matcher(repoFullName).matches()) {
      throw new IllegalArgumentException("not a repository full name (owner/name): " + repoFullName);
    }
    return repoFullName.toLowerCase(Locale.ROOT);
  }
}
