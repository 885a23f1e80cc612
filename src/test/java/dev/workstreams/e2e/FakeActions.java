package dev.workstreams.e2e;

import static dev.workstreams.e2e.FakeGitHub.REPO;
import static dev.workstreams.e2e.FakeGitHub.answer;
import static dev.workstreams.e2e.FakeGitHub.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The part of {@link FakeGitHub} for agents on GitHub Actions: workflow dispatches (answering with
 * the run's id, or refusing {@code return_run_details} like an older server, or 403 while the installation has not
 * accepted the Actions permission), runs, their artifacts
 * (downloaded through a redirect to "storage" that must get no token), cancels and failed jobs' logs.
 */
public final class FakeActions {

  private static final ObjectMapper JSON = new ObjectMapper();

  public final List<ObjectNode> dispatches = new ArrayList<>();
  public final Map<Long, ObjectNode> runs = new LinkedHashMap<>();
  public final Map<Long, Map<String, byte[]>> artifacts = new LinkedHashMap<>();
  public final Map<Long, String> failedJobLogs = new LinkedHashMap<>();
  public final List<Long> cancelled = new ArrayList<>();
  public final List<String> downloads = new ArrayList<>();
  public final List<String> storageAuthorizations = new ArrayList<>();
  public volatile boolean returnsRunDetails = true;
  /** False: the installation has not accepted the Actions permission, so every dispatch answers 403. */
  public volatile boolean permissionAccepted = true;
  /** Dispatches refused with 403 for want of the permission. */
  public final List<ObjectNode> refused = new ArrayList<>();
  private long nextRun = 5000;
  private long nextArtifact = 900;
  private final Map<Long, byte[]> artifactBytes = new LinkedHashMap<>();

  /** The run a dispatch started, as a {@code workflow_run} payload describes it once completed. */
  public synchronized ObjectNode complete(long runId, String conclusion) {
    ObjectNode run = runs.get(runId);
    run.put("status", "completed").put("conclusion", conclusion).put("updated_at", Instant.parse("2026-12-05T10:04:00Z").toString());
    return run.deepCopy();
  }

  /** Gives the run an artifact named {@code name} holding {@code zip}. */
  public synchronized void upload(long runId, String name, byte[] zip) {
    artifacts.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(name, zip);
  }

  Optional<ResponseDefinition> route(String method, String url, JsonNode body, String origin, String authorization) {
    synchronized (this) {
      return Optional.ofNullable(routed(method, url, body, origin, authorization));
    }
  }

  private ResponseDefinition routed(String method, String url, JsonNode body, String origin, String authorization) {
    Matcher m;
    if (method.equals("GET") && url.equals(REPO)) {
      return answer(200, "{\"full_name\":\"octo/hello\",\"default_branch\":\"main\","
          + "\"owner\":{\"login\":\"octo\",\"type\":\"Organization\"}}");
    }
    if (method.equals("POST") && (m = match(REPO + "/actions/workflows/([^/]+)/dispatches", url)) != null) {
      if (!permissionAccepted) {
        refused.add(((ObjectNode) body.deepCopy()).put("workflow", m.group(1)));
        return answer(403, "{\"message\":\"Resource not accessible by integration\","
            + "\"documentation_url\":\"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event\"}");
      }
      if (body.has("return_run_details") && !returnsRunDetails) {
        return answer(422, "{\"message\":\"Invalid request. 'return_run_details' is not a permitted key.\"}");
      }
      ObjectNode dispatch = ((ObjectNode) body.deepCopy()).put("workflow", m.group(1));
      dispatches.add(dispatch);
      long id = ++nextRun;
      ObjectNode run = JSON.createObjectNode().put("id", id).put("event", "workflow_dispatch")
          .put("display_title", "workstreams " + body.path("inputs").path("attempt_key").asText())
          .put("status", "queued").put("html_url", "https://github.com/octo/hello/actions/runs/" + id)
          .put("run_started_at", "2026-12-05T10:00:00Z").put("updated_at", "2026-12-05T10:00:00Z");
      run.putNull("conclusion");
      runs.put(id, run);
      return body.has("return_run_details")
          ? answer(200, "{\"workflow_run_id\":" + id + ",\"run_url\":\"x\",\"html_url\":\"y\"}")
          : new ResponseDefinitionBuilder().withStatus(204).build();
    }
    if (method.equals("GET") && (m = match(REPO + "/actions/workflows/([^/]+)/runs\\?.*", url)) != null) {
      ArrayNode list = JSON.createArrayNode();
      List<ObjectNode> newestFirst = new ArrayList<>(runs.values());
      java.util.Collections.reverse(newestFirst);
      newestFirst.forEach(list::add);
      return answer(200, JSON.createObjectNode().set("workflow_runs", list).toString());
    }
    if (method.equals("GET") && (m = match(REPO + "/actions/runs/(\\d+)", url)) != null) {
      ObjectNode run = runs.get(Long.parseLong(m.group(1)));
      return run == null ? answer(404, "{\"message\":\"Not Found\"}") : answer(200, run.toString());
    }
    if (method.equals("POST") && (m = match(REPO + "/actions/runs/(\\d+)/cancel", url)) != null) {
      long id = Long.parseLong(m.group(1));
      cancelled.add(id);
      return answer(202, "{}");
    }
    if (method.equals("GET") && (m = match(REPO + "/actions/runs/(\\d+)/artifacts(\\?.*)?", url)) != null) {
      ArrayNode list = JSON.createArrayNode();
      artifacts.getOrDefault(Long.parseLong(m.group(1)), Map.of()).forEach((name, zip) -> {
        long id = ++nextArtifact;
        artifactBytes.put(id, zip);
        list.addObject().put("id", id).put("name", name).put("size_in_bytes", zip.length).put("expired", false);
      });
      return answer(200, JSON.createObjectNode().put("total_count", list.size()).set("artifacts", list).toString());
    }
    if (method.equals("GET") && (m = match(REPO + "/actions/artifacts/(\\d+)/zip", url)) != null) {
      downloads.add(url);
      return new ResponseDefinitionBuilder().withStatus(302)
          .withHeader("Location", origin + "/storage/artifacts/" + m.group(1) + ".zip?sig=s").build();
    }
    if (method.equals("GET") && (m = match("/storage/artifacts/(\\d+)\\.zip\\?sig=s", url)) != null) {
      storageAuthorizations.add(authorization == null ? "" : authorization);
      return new ResponseDefinitionBuilder().withStatus(200).withBody(artifactBytes.get(Long.parseLong(m.group(1)))).build();
    }
    if (method.equals("GET") && (m = match(REPO + "/actions/runs/(\\d+)/jobs(\\?.*)?", url)) != null) {
      long id = Long.parseLong(m.group(1));
      String conclusion = failedJobLogs.containsKey(id) ? "failure" : "success";
      return answer(200, "{\"jobs\":[{\"id\":" + id + ",\"conclusion\":\"" + conclusion + "\"}]}");
    }
    if (method.equals("GET") && (m = match(REPO + "/actions/jobs/(\\d+)/logs", url)) != null) {
      return new ResponseDefinitionBuilder().withStatus(302).withHeader("Location", origin + "/storage/logs/" + m.group(1)).build();
    }
    if (method.equals("GET") && (m = match("/storage/logs/(\\d+)", url)) != null) {
      return new ResponseDefinitionBuilder().withStatus(200).withBody(failedJobLogs.getOrDefault(Long.parseLong(m.group(1)), "")).build();
    }
    return null;
  }
}
