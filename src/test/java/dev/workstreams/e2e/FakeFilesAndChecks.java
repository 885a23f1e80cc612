package dev.workstreams.e2e;

import static dev.workstreams.e2e.FakeGitHub.REPO;
import static dev.workstreams.e2e.FakeGitHub.answer;
import static dev.workstreams.e2e.FakeGitHub.match;
import static dev.workstreams.e2e.FakeGitHub.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The part of {@link FakeGitHub} the ownership workflows use: a pull request's files, listed the
 * way GitHub does (30 per page unless {@code per_page} asks for up to 100, {@code Link} headers,
 * never more than 3,000 files whatever the pull request's {@code changed_files} says), and check
 * runs, created, listed by head commit and name, and updated as GitHub does.
 */
public final class FakeFilesAndChecks {

  public static final int FILES_CAP = 3_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, List<ObjectNode>> files = new LinkedHashMap<>();
  private final List<ObjectNode> checkRuns = new ArrayList<>();

  public static ObjectNode changed(String path) {
    return JSON.createObjectNode().put("filename", path).put("status", "modified");
  }

  public static ObjectNode renamed(String from, String to) {
    return JSON.createObjectNode().put("filename", to).put("status", "renamed").put("previous_filename", from);
  }

  synchronized void setFiles(int number, List<ObjectNode> changed) {
    files.put(number, List.copyOf(changed));
  }

  public synchronized List<ObjectNode> checkRunsOn(String headSha) {
    return checkRuns.stream().filter(run -> run.path("head_sha").asText().equals(headSha)).toList();
  }

  /** A check run another App (CI, Actions) made on a commit; returns it with its id. */
  public synchronized ObjectNode addForeignCheckRun(ObjectNode run) {
    ObjectNode added = run.deepCopy().put("id", 9000 + checkRuns.size());
    checkRuns.add(added);
    return added;
  }

  public synchronized List<ObjectNode> checkRuns() {
    return List.copyOf(checkRuns);
  }

  synchronized Optional<ResponseDefinition> route(String method, String url, JsonNode body, String origin) {
    Matcher m;
    if (method.equals("GET") && (m = match(REPO + "/pulls/(\\d+)/files(?:\\?(.*))?", url)) != null) {
      return Optional.of(page(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2), origin));
    }
    if (method.equals("GET") && (m = match(REPO + "/commits/([^/]+)/check-runs\\?(.*)", url)) != null) {
      String sha = m.group(1);
      String name = query(m.group(2), "check_name");
      ArrayNode runs = JSON.createArrayNode();
      checkRuns.stream().filter(run -> run.path("head_sha").asText().equals(sha))
          .filter(run -> name.isEmpty() || run.path("name").asText().equals(name)).forEach(runs::add);
      ObjectNode listing = JSON.createObjectNode().put("total_count", runs.size());
      listing.set("check_runs", runs);
      return Optional.of(answer(200, listing.toString()));
    }
    if (method.equals("PATCH") && (m = match(REPO + "/check-runs/(\\d+)", url)) != null) {
      long id = Long.parseLong(m.group(1));
      for (ObjectNode run : checkRuns) {
        if (run.path("id").asLong() == id) {
          body.fields().forEachRemaining(field -> run.set(field.getKey(), field.getValue()));
          return Optional.of(answer(200, run.toString()));
        }
      }
      return Optional.of(answer(404, "{\"message\":\"Not Found\"}"));
    }
    if (method.equals("POST") && url.equals(REPO + "/check-runs")) {
      ObjectNode run = ((ObjectNode) body).deepCopy().put("id", 9000 + checkRuns.size());
      checkRuns.add(run);
      return Optional.of(answer(201, run.toString()));
    }
    return Optional.empty();
  }

  private ResponseDefinition page(int number, String query, String origin) {
    List<ObjectNode> all = files.getOrDefault(number, List.of());
    List<ObjectNode> listed = all.subList(0, Math.min(FILES_CAP, all.size()));
    String perPageAsked = query(query, "per_page");
    int perPage = perPageAsked.isEmpty() ? 30 : Math.min(100, Integer.parseInt(perPageAsked));
    int page = query(query, "page").isEmpty() ? 1 : Integer.parseInt(query(query, "page"));
    int last = Math.max(1, (listed.size() + perPage - 1) / perPage);
    ArrayNode items = JSON.createArrayNode();
    listed.subList(Math.min(listed.size(), (page - 1) * perPage), Math.min(listed.size(), page * perPage))
        .forEach(items::add);
    ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(items.toString());
    if (page < last) {
      String pages = origin + REPO + "/pulls/" + number + "/files?per_page=" + perPage + "&page=";
      response = response.withHeader("Link", "<" + pages + (page + 1) + ">; rel=\"next\", <" + pages + last + ">; rel=\"last\"");
    }
    return response.build();
  }
}
