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
 * The part of {@link FakeGitHub} follow-through uses: a review's inline comments (paged with {@code Link}
 * headers, at {@link #pageSize} per page so that tests see every page read), check run annotations,
 * re-runs of failed Actions jobs, and update-branch.
 */
public final class FakeFollowThrough {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** GitHub's page size is the smaller of {@code per_page} and this. */
  public volatile int pageSize = 100;
  private final Map<Long, List<ObjectNode>> reviewComments = new LinkedHashMap<>();
  private final Map<Long, List<ObjectNode>> annotations = new LinkedHashMap<>();
  private final List<Long> reruns = new ArrayList<>();
  private final List<Integer> branchUpdates = new ArrayList<>();
  /** What update-branch answers for a pull request: 202 (accepted) or 422 with a merge conflict. */
  public final Map<Integer, Integer> updateBranchStatus = new LinkedHashMap<>();

  public static ObjectNode reviewComment(String path, int line, String hunk, String body) {
    return JSON.createObjectNode().put("path", path).put("line", line).put("diff_hunk", hunk).put("body", body);
  }

  public static ObjectNode annotation(String path, int line, String message) {
    return JSON.createObjectNode().put("path", path).put("start_line", line).put("end_line", line)
        .put("annotation_level", "failure").put("message", message);
  }

  public synchronized void setReviewComments(long reviewId, List<ObjectNode> comments) {
    reviewComments.put(reviewId, List.copyOf(comments));
  }

  public synchronized void setAnnotations(long checkRunId, List<ObjectNode> list) {
    annotations.put(checkRunId, List.copyOf(list));
  }

  public synchronized List<Long> reruns() {
    return List.copyOf(reruns);
  }

  public synchronized List<Integer> branchUpdates() {
    return List.copyOf(branchUpdates);
  }

  synchronized Optional<ResponseDefinition> route(String method, String url, JsonNode body, String origin) {
    Matcher m;
    if (method.equals("GET") && (m = match(REPO + "/pulls/(\\d+)/reviews/(\\d+)/comments(?:\\?(.*))?", url)) != null) {
      String path = REPO + "/pulls/" + m.group(1) + "/reviews/" + m.group(2) + "/comments";
      return Optional.of(page(reviewComments.getOrDefault(Long.parseLong(m.group(2)), List.of()), path,
          m.group(3) == null ? "" : m.group(3), origin));
    }
    if (method.equals("GET") && (m = match(REPO + "/check-runs/(\\d+)/annotations(?:\\?(.*))?", url)) != null) {
      String path = REPO + "/check-runs/" + m.group(1) + "/annotations";
      return Optional.of(page(annotations.getOrDefault(Long.parseLong(m.group(1)), List.of()), path,
          m.group(2) == null ? "" : m.group(2), origin));
    }
    if (method.equals("POST") && (m = match(REPO + "/actions/runs/(\\d+)/rerun-failed-jobs", url)) != null) {
      reruns.add(Long.parseLong(m.group(1)));
      return Optional.of(answer(201, "{}"));
    }
    if (method.equals("PUT") && (m = match(REPO + "/pulls/(\\d+)/update-branch", url)) != null) {
      int number = Integer.parseInt(m.group(1));
      branchUpdates.add(number);
      int status = updateBranchStatus.getOrDefault(number, 202);
      return Optional.of(status == 202
          ? answer(202, "{\"message\":\"Updating pull request branch.\",\"url\":\"https://github.com/octo/hello/pull/" + number + "\"}")
          : answer(422, "{\"message\":\"merge conflict between base and head\"}"));
    }
    return Optional.empty();
  }

  private ResponseDefinition page(List<ObjectNode> all, String path, String query, String origin) {
    String asked = query(query, "per_page");
    int perPage = Math.min(pageSize, asked.isEmpty() ? 30 : Math.min(100, Integer.parseInt(asked)));
    int page = query(query, "page").isEmpty() ? 1 : Integer.parseInt(query(query, "page"));
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    ArrayNode items = JSON.createArrayNode();
    all.subList(Math.min(all.size(), (page - 1) * perPage), Math.min(all.size(), page * perPage)).forEach(items::add);
    ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(items.toString());
    if (page < last) {
      String pages = origin + path + "?per_page=" + perPage + "&page=";
      response = response.withHeader("Link", "<" + pages + (page + 1) + ">; rel=\"next\", <" + pages + last + ">; rel=\"last\"");
    }
    return response.build();
  }
}
