package dev.workstreams.adapter.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.gateway.RedirectedDownloads;
import dev.workstreams.adapter.github.http.RestPaths;
import dev.workstreams.core.actions.AttemptKey;
import dev.workstreams.json.Json;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.WorkflowRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GitHub Actions routes an agent on a runner needs: dispatch a workflow, find and read its run,
 * cancel it, list and download its artifacts and its jobs' logs. JSON calls go through the polite
 * pipeline as the installation; downloads do not, since GitHub answers them with a redirect to
 * short-lived storage elsewhere, which must get no token: they are streamed to a file, bounded.
 */
public final class ActionsApi {

  private static final ObjectMapper JSON = Json.mapper();

  private final GitHubClients clients;
  private final RedirectedDownloads downloads;

  public ActionsApi(GitHubClients clients) {
    this.clients = clients;
    this.downloads = new RedirectedDownloads(clients);
  }

  /** How a dispatch went. */
  public sealed interface Dispatch {
    /** GitHub took it; {@code runId} when it said which run it started (servers before 2026-02 do not). */
    record Dispatched(Optional<Long> runId) implements Dispatch {}

    /** GitHub refused it: {@code reason} for the pull request (no such workflow, …). */
    record Refused(String reason) implements Dispatch {}

    /**
     * GitHub answered 403, with a token made just now: the installation has not accepted the Actions permission
     * (GitHub's answer is "Resource not accessible by integration"); {@code message} is GitHub's, for the log.
     */
    record Unpermitted(String message) implements Dispatch {}
  }

  /**
   * {@code POST …/actions/workflows/{workflow}/dispatches}, asking for the run's id ({@code
   * return_run_details}); a server that answers 4xx to that field (older GitHub Enterprise Server)
   * is asked once more without it, and the run is then found by its title. A 403 is asked once more with a new
   * installation token; a second 403 is {@link Dispatch.Unpermitted}.
   */
  public Dispatch dispatch(RepositoryId repo, String workflow, String ref, Map<String, String> inputs)
      throws IOException {
    String path = repo(repo) + "/actions/workflows/" + RestPaths.segment(workflow) + "/dispatches";
    ObjectNode body = JSON.createObjectNode().put("ref", ref);
    ObjectNode in = body.putObject("inputs");
    inputs.forEach(in::put);
    HttpReply reply = post(repo, path, body);
    if (reply.status() == 403) {
      // The cached token may be older than the owner's acceptance (on this or another instance): one more try
      // with a new token, so that only a refusal of the installation as it is now leaves the task waiting.
      clients.renewToken(repo.installationId());
      reply = post(repo, path, body);
      if (reply.status() == 403) {
        return new Dispatch.Unpermitted(reply.message());
      }
    }
    if (!reply.isSuccess()) {
      return new Dispatch.Refused(refusal(reply, workflow, ref));
    }
    if (reply.body().length == 0) {
      return new Dispatch.Dispatched(Optional.empty());
    }
    JsonNode id = reply.json().path("workflow_run_id");
    return new Dispatch.Dispatched(id.canConvertToLong() && id.asLong() > 0 ? Optional.of(id.asLong()) : Optional.empty());
  }

  /** The dispatch asking for the run's id, and once more without that field when the server refuses it. */
  private HttpReply post(RepositoryId repo, String path, ObjectNode body) throws IOException {
    HttpReply reply = call(repo, "POST", path, Optional.of(body.deepCopy().put("return_run_details", true)));
    if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 404 && reply.status() != 403
        && reply.status() != 401) {
      reply = call(repo, "POST", path, Optional.of(body));
    }
    return reply;
  }

  private static String refusal(HttpReply reply, String workflow, String ref) {
    return switch (reply.status()) {
      case 404 -> "the workflow .github/workflows/" + workflow + " was not found on `" + ref
          + "` (or the App may not use Actions here): " + reply.message();
      default -> "GitHub refused to start the workflow " + workflow + " (" + reply.status() + "): " + reply.message();
    };
  }

  /** The repository's default branch: where the workflow is taken from when the profile names no {@code ref}. */
  public String defaultBranch(RepositoryId repo) throws IOException {
    return expect(call(repo, "GET", repo(repo), Optional.empty()), "GET " + repo.fullName()).path("default_branch").asText("main");
  }

  /** Whether the repository belongs to an organization (else to a user): their installations' settings differ. */
  public boolean ownedByOrganization(RepositoryId repo) throws IOException {
    return expect(call(repo, "GET", repo(repo), Optional.empty()), "GET " + repo.fullName()).path("owner").path("type")
        .asText("").equals("Organization");
  }

  /** Asks for a new installation token at the next call: the owner accepted new permissions, which older tokens lack. */
  public void renewToken(long installationId) {
    clients.renewToken(installationId);
  }

  public Optional<WorkflowRun> run(RepositoryId repo, long runId) throws IOException {
    HttpReply reply = call(repo, "GET", repo(repo) + "/actions/runs/" + runId, Optional.empty());
    if (reply.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(WorkflowRun.of(expect(reply, "GET run " + runId)));
  }

  /** The newest dispatched run of {@code workflow} whose title names the attempt (the fallback without a run id). */
  public Optional<WorkflowRun> findRun(RepositoryId repo, String workflow, AttemptKey key) throws IOException {
    HttpReply reply = call(repo, "GET", repo(repo) + "/actions/workflows/" + RestPaths.segment(workflow)
        + "/runs?event=workflow_dispatch&per_page=100", Optional.empty());
    if (reply.status() == 404) {
      return Optional.empty();
    }
    for (JsonNode run : expect(reply, "GET runs of " + workflow).path("workflow_runs")) {
      if (AttemptKey.inRunTitle(run.path("display_title").asText("")).filter(key::equals).isPresent()) {
        return Optional.of(WorkflowRun.of(run));
      }
    }
    return Optional.empty();
  }

  /** Asks GitHub to cancel the run; false when it had already finished (409). */
  public boolean cancel(RepositoryId repo, long runId) throws IOException {
    HttpReply reply = call(repo, "POST", repo(repo) + "/actions/runs/" + runId + "/cancel", Optional.empty());
    if (reply.status() == 409) {
      return false;
    }
    expect(reply, "cancel run " + runId);
    return true;
  }

  /** An artifact a run uploaded; {@code expired} ones cannot be downloaded any more. */
  public record Artifact(long id, String name, long sizeInBytes, boolean expired) {}

  public List<Artifact> artifacts(RepositoryId repo, long runId) throws IOException {
    HttpReply reply = call(repo, "GET", repo(repo) + "/actions/runs/" + runId + "/artifacts?per_page=100", Optional.empty());
    List<Artifact> artifacts = new ArrayList<>();
    for (JsonNode a : expect(reply, "GET artifacts of run " + runId).path("artifacts")) {
      artifacts.add(new Artifact(a.path("id").asLong(), a.path("name").asText(""), a.path("size_in_bytes").asLong(),
          a.path("expired").asBoolean(false)));
    }
    return artifacts;
  }

  /** Downloads the artifact's zip to {@code target}, refusing more than {@code maxBytes}. */
  public void downloadArtifact(RepositoryId repo, long artifactId, long maxBytes, Path target) throws IOException {
    downloads.toFile(repo.installationId(), repo(repo) + "/actions/artifacts/" + artifactId + "/zip", maxBytes, target);
  }

  /**
   * The last {@code lines} lines of the log of the run's first failed job (at most {@code maxBytes}
   * of it read); empty when no job failed or its log is gone.
   */
  public List<String> failedJobLogTail(RepositoryId repo, long runId, int lines, long maxBytes) throws IOException {
    HttpReply reply = call(repo, "GET", repo(repo) + "/actions/runs/" + runId + "/jobs?per_page=100", Optional.empty());
    for (JsonNode job : expect(reply, "GET jobs of run " + runId).path("jobs")) {
      if (job.path("conclusion").asText("").equals("failure")) {
        return downloads.lastLines(repo.installationId(), repo(repo) + "/actions/jobs/" + job.path("id").asLong() + "/logs",
            lines, maxBytes);
      }
    }
    return List.of();
  }

  private HttpReply call(RepositoryId repo, String method, String path, Optional<JsonNode> body) throws IOException {
    return clients.call(repo.installationId(), method, clients.endpoints().rest(path),
        body.isPresent() ? Optional.of(JSON.writeValueAsString(body.get())) : Optional.empty());
  }

  private static JsonNode expect(HttpReply reply, String what) throws IOException {
    if (!reply.isSuccess()) {
      throw new IOException("GitHub answered " + reply.status() + " to " + what + ": " + reply.message());
    }
    return reply.json();
  }

  private static String repo(RepositoryId repo) {
    return RestPaths.repository(repo.owner(), repo.name());
  }
}
