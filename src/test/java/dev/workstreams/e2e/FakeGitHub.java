package dev.workstreams.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stateful GitHub behind WireMock for end-to-end tests: one repository {@code octo/hello},
 * its refs, pull requests, labels and comments, answering the REST routes the App uses the way
 * GitHub does (422 for what exists, 404 for what does not). Failures can be injected into the
 * n-th write. Anything it does not know answers 501, which fails the test loudly.
 */
public final class FakeGitHub implements ResponseDefinitionTransformerV2 {

  public static final String REPO = "/repos/octo/hello";
  /** The App's slug and its bot user's id, as {@code GET /app} and {@code GET /users/<slug>[bot]} answer. */
  public static final String APP_SLUG = "workstreams";
  public static final long BOT_USER_ID = 190000001L;
  private static final ObjectMapper JSON = new ObjectMapper();

  public final Map<String, String> permissions = new LinkedHashMap<>();
  public final Map<String, String> refs = new LinkedHashMap<>();
  public final List<ObjectNode> pulls = new ArrayList<>();
  public final Map<String, ObjectNode> labels = new LinkedHashMap<>();
  public final Map<Integer, List<ObjectNode>> comments = new LinkedHashMap<>();
  public final List<String> files = new ArrayList<>();
  /** Issues whose body and labels the App reads and writes (drafting's accept), by number. */
  public final Map<Integer, ObjectNode> issues = new LinkedHashMap<>();
  public volatile Optional<String> config = Optional.empty();
  /** {@code .github/workstreams.yml} as a branch other than the default one has it. */
  public final Map<String, String> configOnBranch = new LinkedHashMap<>();
  public final FakeFilesAndChecks filesAndChecks = new FakeFilesAndChecks();
  public final FakeActions actions = new FakeActions();
  /** Review comments, annotations, re-runs and update-branch, for follow-through. */
  public final FakeFollowThrough followThrough = new FakeFollowThrough();
  /** Writes applied whose answers are then lost (502 or a reset connection). */
  public final LostAnswers lostAnswers = new LostAnswers();
  public volatile boolean allowDrafts = true;
  /** GitHub's git side, when a test has one: branches pushed there (the preview) can head a pull request. */
  public volatile Optional<java.nio.file.Path> gitSide = Optional.empty();
  private final List<String> writes = new ArrayList<>();
  private int commits;
  private long commentIds = 5000;
  private int failWrite = -1;
  private int failStatus;
  private String origin = "";
  private String authorization;

  public FakeGitHub() {
    refs.put("main", "basecommit0");
  }

  @Override
  public String getName() {
    return "fake-github";
  }

  /** The n-th write from now (1 = the next one) fails once with this status (502, or 403 as a secondary limit). */
  public synchronized void failWrite(int n, int status) {
    failWrite = writes.size() + n;
    failStatus = status;
  }

  /** Every write so far, as {@code METHOD path}. */
  public synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  public synchronized List<ObjectNode> commentsOn(int number) {
    return List.copyOf(comments.getOrDefault(number, List.of()));
  }

  // ---- Merging and closing pull requests, as a person does on GitHub ----

  /** Merges a pull request at {@code at}, as GitHub records it; returns it for the event's payload. */
  public synchronized ObjectNode merge(int number, Instant at) {
    ObjectNode pr = pull(number);
    pr.put("state", "closed").put("merged", true).put("merged_at", at.toString()).put("closed_at", at.toString())
        .put("merge_commit_sha", "merge" + number);
    return pr;
  }

  /** Closes a pull request without merging it. */
  public synchronized ObjectNode close(int number, Instant at) {
    ObjectNode pr = pull(number);
    pr.put("state", "closed").put("merged", false).putNull("merged_at");
    pr.put("closed_at", at.toString());
    return pr;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod().getName();
    String url = request.getUrl();
    origin = request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().length() - url.length());
    authorization = request.getHeader("Authorization");
    if (!method.equals("GET") && !url.startsWith("/app/")) {
      writes.add(method + " " + url);
      if (writes.size() == failWrite) {
        return failure();
      }
    }
    try {
      JsonNode body = request.getBodyAsString().isEmpty() ? JSON.createObjectNode() : JSON.readTree(request.getBodyAsString());
      if (overGitHubsLimit(body)) {
        return answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"code\":\"custom\",\"field\":\"body\","
            + "\"message\":\"body is too long (maximum is " + MAX_BODY_CHARS + " characters)\"}]}");
      }
      ResponseDefinition applied = route(method, url, body);
      return method.equals("GET") || url.startsWith("/app/") ? applied : lostAnswers.after(method, url, applied);
    } catch (Exception e) {
      return answer(500, "{\"message\":\"fake GitHub failed: " + e + "\"}");
    }
  }

  // GitHub refuses comments and pull request bodies over 65,536 characters with 422 (PLATFORM-NOTES).
  private static final int MAX_BODY_CHARS = 65_536;

  private static boolean overGitHubsLimit(JsonNode request) {
    String body = request.path("body").asText("");
    return body.codePointCount(0, body.length()) > MAX_BODY_CHARS;
  }

  private ResponseDefinition failure() {
    if (failStatus == 403) {
      return new ResponseDefinitionBuilder().withStatus(403).withHeader("Content-Type", "application/json")
          .withHeader("retry-after", "1")
          .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}").build();
    }
    return answer(failStatus, "{\"message\":\"Server Error\"}");
  }

  private ResponseDefinition route(String method, String url, JsonNode body) throws Exception {
    Matcher m;
    if (method.equals("POST") && (m = match("/app/installations/(\\d+)/access_tokens", url)) != null) {
      return answer(201, "{\"token\":\"ghs_fake" + m.group(1) + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}");
    }
    if (url.equals("/app")) {
      return answer(200, "{\"id\":1,\"slug\":\"" + APP_SLUG + "\",\"name\":\"Workstreams (test)\","
          + "\"html_url\":\"https://github.com/apps/" + APP_SLUG + "\"}");
    }
    if (url.equals("/users/" + APP_SLUG + "%5Bbot%5D")) {
      return answer(200, "{\"login\":\"" + APP_SLUG + "[bot]\",\"id\":" + BOT_USER_ID + ",\"type\":\"Bot\"}");
    }
    if ((m = match(REPO + "/collaborators/([^/]+)/permission", url)) != null) {
      String role = permissions.getOrDefault(m.group(1), "none");
      return role.equals("none") ? answer(404, "{\"message\":\"Not Found\"}")
          : answer(200, "{\"permission\":\"" + (role.equals("maintain") ? "write" : role) + "\",\"role_name\":\"" + role + "\"}");
    }
    if ((m = match(REPO + "/contents/\\.github/workstreams\\.yml\\?ref=(.+)", url)) != null) {
      return Optional.ofNullable(configOnBranch.get(decode(m.group(1)))).or(() -> config).map(text -> answer(200, "{\"type\":\"file\",\"encoding\":\"base64\",\"content\":\"" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\"}"))
          .orElse(answer(404, "{\"message\":\"Not Found\"}"));
    }
    if ((m = match(REPO + "/branches/(.+)", url)) != null) {
      String sha = refs.get(decode(m.group(1)));
      return sha == null ? answer(404, "{\"message\":\"Branch not found\"}")
          : answer(200, "{\"commit\":{\"sha\":\"" + sha + "\",\"commit\":{\"tree\":{\"sha\":\"tree-" + sha + "\"}}}}");
    }
    if ((m = match(REPO + "/git/trees/([^?]+)\\?recursive=1", url)) != null) {
      ArrayNode tree = JSON.createArrayNode();
      files.forEach(f -> tree.addObject().put("path", f).put("type", "blob"));
      return answer(200, JSON.createObjectNode().put("truncated", false).set("tree", tree).toString());
    }
    if ((m = match(REPO + "/git/matching-refs/heads/([^?]*)(\\?.*)?", url)) != null) {
      String prefix = decode(m.group(1));
      ArrayNode list = JSON.createArrayNode();
      refs.keySet().stream().filter(r -> r.startsWith(prefix)).forEach(r -> list.addObject().put("ref", "refs/heads/" + r));
      return answer(200, list.toString());
    }
    if (method.equals("POST") && url.equals(REPO + "/git/commits")) {
      return answer(201, "{\"sha\":\"commit" + (++commits) + "\"}");
    }
    if (method.equals("POST") && url.equals(REPO + "/git/refs")) {
      String branch = body.path("ref").asText().replaceFirst("^refs/heads/", "");
      if (refs.containsKey(branch)) {
        return answer(422, "{\"message\":\"Reference already exists\"}");
      }
      refs.put(branch, body.path("sha").asText());
      return answer(201, "{\"ref\":\"refs/heads/" + branch + "\"}");
    }
    return pullsAndIssues(method, url, body);
  }

  private ResponseDefinition pullsAndIssues(String method, String url, JsonNode body) {
    Optional<ResponseDefinition> issue = issue(method, url, body);
    if (issue.isPresent()) {
      return issue.get();
    }
    Matcher m;
    if (method.equals("GET") && (m = match(REPO + "/pulls\\?(.*)", url)) != null) {
      String head = query(m.group(1), "head").replaceFirst("^octo:", "");
      ArrayNode list = JSON.createArrayNode();
      pulls.stream().filter(p -> p.path("head").path("ref").asText().equals(head)).forEach(list::add);
      return answer(200, list.toString());
    }
    if (method.equals("POST") && url.equals(REPO + "/pulls")) {
      String head = body.path("head").asText();
      gitTip(head).ifPresent(sha -> refs.putIfAbsent(head, sha));
      if (!refs.containsKey(head)) {
        return answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"head\",\"code\":\"invalid\"}]}");
      }
      if (pulls.stream().anyMatch(p -> p.path("head").path("ref").asText().equals(head) && p.path("state").asText().equals("open"))) {
        return answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"message\":\"A pull request already exists for octo:" + head + ".\"}]}");
      }
      if (body.path("draft").asBoolean(false) && !allowDrafts) {
        return answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"message\":\"Draft pull requests are not supported in this repository.\"}]}");
      }
      ObjectNode pr = JSON.createObjectNode().put("number", 100 + pulls.size()).put("state", "open")
          .put("title", body.path("title").asText()).put("body", body.path("body").asText())
          .put("draft", body.path("draft").asBoolean(false)).put("merged", false);
      pr.putObject("head").put("ref", head).put("sha", refs.get(head));
      pr.putObject("base").put("ref", body.path("base").asText());
      pr.putArray("labels");
      pulls.add(pr);
      return answer(201, pr.toString());
    }
    if (method.equals("PATCH") && (m = match(REPO + "/pulls/(\\d+)", url)) != null) {
      ObjectNode pr = pull(Integer.parseInt(m.group(1)));
      body.fields().forEachRemaining(f -> pr.set(f.getKey(), f.getValue()));
      return answer(200, pr.toString());
    }
    if (method.equals("POST") && url.equals(REPO + "/labels")) {
      String name = body.path("name").asText();
      if (labels.containsKey(name)) {
        return answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Label\",\"code\":\"already_exists\",\"field\":\"name\"}]}");
      }
      labels.put(name, (ObjectNode) body);
      return answer(201, body.toString());
    }
    if (method.equals("POST") && (m = match(REPO + "/issues/(\\d+)/labels", url)) != null) {
      ObjectNode pr = pull(Integer.parseInt(m.group(1)));
      Set<String> names = labelNames(pr);
      body.path("labels").forEach(l -> names.add(l.asText()));
      ArrayNode array = pr.putArray("labels");
      names.forEach(n -> array.addObject().put("name", n));
      return answer(200, array.toString());
    }
    if (method.equals("DELETE") && (m = match(REPO + "/issues/(\\d+)/labels/(.+)", url)) != null) {
      ObjectNode pr = pull(Integer.parseInt(m.group(1)));
      Set<String> names = labelNames(pr);
      if (!names.remove(decode(m.group(2)))) {
        return answer(404, "{\"message\":\"Label does not exist\"}");
      }
      ArrayNode array = pr.putArray("labels");
      names.forEach(n -> array.addObject().put("name", n));
      return answer(200, array.toString());
    }
    return comments(method, url, body);
  }

  /** An issue of {@link #issues}: read, body edited, labelled. */
  private Optional<ResponseDefinition> issue(String method, String url, JsonNode body) {
    Matcher m = match(REPO + "/issues/(\\d+)(/labels)?", url);
    ObjectNode issue = m == null ? null : issues.get(Integer.parseInt(m.group(1)));
    if (issue == null) {
      return Optional.empty();
    }
    if (m.group(2) == null && method.equals("GET")) {
      return Optional.of(answer(200, issue.toString()));
    }
    if (m.group(2) == null && method.equals("PATCH")) {
      body.fields().forEachRemaining(f -> issue.set(f.getKey(), f.getValue()));
      return Optional.of(answer(200, issue.toString()));
    }
    if (m.group(2) != null && method.equals("POST")) {
      Set<String> names = labelNames(issue);
      body.path("labels").forEach(l -> names.add(l.asText()));
      ArrayNode array = issue.putArray("labels");
      names.forEach(n -> array.addObject().put("name", n));
      return Optional.of(answer(200, array.toString()));
    }
    return Optional.empty();
  }

  private ResponseDefinition comments(String method, String url, JsonNode body) {
    Matcher m;
    if (method.equals("GET") && (m = match(REPO + "/issues/(\\d+)/comments(\\?.*)?", url)) != null) {
      ArrayNode list = JSON.createArrayNode();
      comments.getOrDefault(Integer.parseInt(m.group(1)), List.of()).forEach(list::add);
      return answer(200, list.toString());
    }
    if (method.equals("POST") && (m = match(REPO + "/issues/(\\d+)/comments", url)) != null) {
      ObjectNode comment = JSON.createObjectNode().put("id", ++commentIds).put("body", body.path("body").asText());
      comment.putObject("user").put("login", "workstreams[bot]").put("type", "Bot");
      comments.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(comment);
      return answer(201, comment.toString());
    }
    if (method.equals("PATCH") && (m = match(REPO + "/issues/comments/(\\d+)", url)) != null) {
      long id = Long.parseLong(m.group(1));
      for (List<ObjectNode> list : comments.values()) {
        for (ObjectNode c : list) {
          if (c.path("id").asLong() == id) {
            c.put("body", body.path("body").asText());
            return answer(200, c.toString());
          }
        }
      }
      return answer(404, "{\"message\":\"Not Found\"}");
    }
    return drafts(method, url, body);
  }

  /** Reading one pull request and GraphQL's markPullRequestReadyForReview, the only way out of draft. */
  private ResponseDefinition drafts(String method, String url, JsonNode body) {
    Matcher m;
    if (method.equals("GET") && (m = match(REPO + "/pulls/(\\d+)", url)) != null) {
      ObjectNode pr = pull(Integer.parseInt(m.group(1)));
      pr.put("node_id", "PR_node" + pr.path("number").asInt());
      return answer(200, pr.toString());
    }
    if (method.equals("POST") && url.equals("/graphql")) {
      String nodeId = body.path("variables").path("id").asText(body.path("variables").path("pullRequestId").asText());
      pulls.stream().filter(p -> ("PR_node" + p.path("number").asInt()).equals(nodeId)).forEach(p -> p.put("draft", false));
      return answer(200, "{\"data\":{\"markPullRequestReadyForReview\":{\"pullRequest\":{\"isDraft\":false}}}}");
    }
    return followThrough.route(method, url, body, origin)
        .or(() -> filesAndChecks.route(method, url, body, origin))
        .or(() -> actions.route(method, url, body, origin, authorization))
        .orElseGet(() -> answer(501, "{\"message\":\"the fake GitHub does not know " + method + " " + url + "\"}"));
  }

  private Optional<String> gitTip(String branch) {
    if (gitSide.isEmpty()) {
      return Optional.empty();
    }
    try (org.eclipse.jgit.lib.Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
        .setGitDir(gitSide.get().toFile()).setMustExist(true).build()) {
      return Optional.ofNullable(repo.resolve("refs/heads/" + branch)).map(org.eclipse.jgit.lib.ObjectId::name);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  // ---- Pull request files and check runs, for the ownership workflows ----

  /** A push to a pull request: its new head commit, and the files it changes from now on. */
  public synchronized ObjectNode push(int number, String headSha, List<ObjectNode> files) {
    ObjectNode pr = pull(number);
    ((ObjectNode) pr.path("head")).put("sha", headSha);
    refs.put(pr.path("head").path("ref").asText(), headSha);
    pr.put("changed_files", files.size());
    filesAndChecks.setFiles(number, files);
    return pr;
  }

  /** A pull request a person opened from a branch of the repository, outside any plan. */
  public synchronized ObjectNode openPullRequestByPerson(String head, String title, String body) {
    refs.put(head, "person" + pulls.size());
    ObjectNode pr = JSON.createObjectNode().put("number", 100 + pulls.size()).put("state", "open")
        .put("title", title).put("body", body).put("draft", false).put("merged", false);
    pr.putObject("head").put("ref", head).put("sha", refs.get(head));
    pr.putObject("base").put("ref", "main");
    pr.putArray("labels");
    pulls.add(pr);
    return pr;
  }

  public synchronized ObjectNode pullRequest(String head) {
    return pulls.stream().filter(p -> p.path("head").path("ref").asText().equals(head)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no pull request from " + head));
  }

  private ObjectNode pull(int number) {
    return pulls.stream().filter(p -> p.path("number").asInt() == number).findFirst()
        .orElseThrow(() -> new IllegalStateException("no pull request #" + number));
  }

  private static Set<String> labelNames(ObjectNode pr) {
    Set<String> names = new LinkedHashSet<>();
    pr.path("labels").forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  static Matcher match(String regex, String url) {
    Matcher m = Pattern.compile(regex).matcher(url);
    return m.matches() ? m : null;
  }

  static String query(String query, String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return decode(pair.substring(eq + 1));
      }
    }
    return "";
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  static ResponseDefinition answer(int status, String json) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json").withBody(json).build();
  }
}
