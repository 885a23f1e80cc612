package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.RestPaths;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.FollowThroughGitHub;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follow-through's GitHub calls over REST. Listings follow {@code Link} to every page (a review with
 * 150 comments has two pages at 100 per page); annotations stop at the bound the prompt can show.
 */
public final class RestFollowThroughGitHub implements FollowThroughGitHub {

  /** An Actions job's details URL: {@code https://github.com/o/r/actions/runs/<run>/job/<job>}. */
  private static final Pattern ACTIONS_RUN = Pattern.compile("/actions/runs/(\\d{1,19})(?:/|$)");

  /** A failed job's log is read up to here; the prompt quotes only its tail. */
  private static final long MAX_LOG_BYTES = 32L * 1024 * 1024;

  private final RestCalls rest;
  private final RedirectedDownloads downloads;
  private final long installationId;
  private final String repo;

  public RestFollowThroughGitHub(GitHubClients clients, RepositoryId repository) {
    this.rest = new RestCalls(clients, repository.installationId());
    this.downloads = new RedirectedDownloads(clients);
    this.installationId = repository.installationId();
    this.repo = RestPaths.repository(repository.owner(), repository.name());
  }

  @Override
  public List<Trigger.ReviewComment> reviewComments(int pullRequest, long reviewId) throws IOException {
    List<Trigger.ReviewComment> comments = new ArrayList<>();
    for (JsonNode c : rest.list(repo + "/pulls/" + pullRequest + "/reviews/" + reviewId + "/comments?per_page=100")) {
      // line is null for a comment on an outdated diff; original_line still says where it was.
      int line = c.path("line").isInt() ? c.path("line").asInt() : c.path("original_line").asInt(0);
      comments.add(new Trigger.ReviewComment(c.path("path").asText(""), line, c.path("diff_hunk").asText(""),
          c.path("body").asText("")));
    }
    return comments;
  }

  @Override
  public List<CheckRun> checkRuns(String sha) throws IOException {
    List<CheckRun> runs = new ArrayList<>();
    String path = repo + "/commits/" + RestPaths.segment(sha) + "/check-runs?per_page=100";
    for (JsonNode run : rest.wrapped(path, "check_runs")) {
      Matcher actions = ACTIONS_RUN.matcher(run.path("details_url").asText(""));
      String app = run.path("app").path("slug").asText("");
      runs.add(new CheckRun(run.path("id").asLong(), run.path("name").asText(""), app,
          run.path("status").asText("").equals("completed"),
          run.path("conclusion").isTextual() ? Optional.of(run.path("conclusion").asText()) : Optional.empty(),
          run.path("output").path("title").asText(""), run.path("output").path("summary").asText(""),
          app.equals("github-actions") && actions.find() ? Optional.of(Long.parseLong(actions.group(1))) : Optional.empty()));
    }
    return runs;
  }

  @Override
  public List<Trigger.Annotation> annotations(long checkRunId, int max) throws IOException {
    List<Trigger.Annotation> found = new ArrayList<>();
    for (JsonNode a : rest.list(repo + "/check-runs/" + checkRunId + "/annotations?per_page=50", Math.max(1, (max + 49) / 50)).items()) {
      if (found.size() < max) {
        found.add(new Trigger.Annotation(a.path("path").asText(""), a.path("start_line").asInt(0), a.path("message").asText("")));
      }
    }
    return found;
  }

  @Override
  public List<String> jobLogTail(long jobId, int lines) throws IOException {
    return downloads.lastLines(installationId, repo + "/actions/jobs/" + jobId + "/logs", lines, MAX_LOG_BYTES);
  }

  @Override
  public boolean rerunFailedJobs(long workflowRunId) throws IOException {
    HttpReply reply = rest.post(repo + "/actions/runs/" + workflowRunId + "/rerun-failed-jobs", Map.of());
    return reply.isSuccess();
  }

  @Override
  public Optional<String> updateBranch(int pullRequest) throws IOException {
    String path = repo + "/pulls/" + pullRequest + "/update-branch";
    HttpReply reply = rest.put(path, Map.of());
    if (reply.isSuccess()) {
      return Optional.empty();
    }
    if (reply.status() == 422) {
      return Optional.of(reply.message());
    }
    RestCalls.expect(reply, "PUT", path);
    return Optional.empty();
  }
}
