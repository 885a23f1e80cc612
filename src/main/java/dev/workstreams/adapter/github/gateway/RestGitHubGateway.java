package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.AppBotUser;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.GraphQlClient;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.RestPaths;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.port.BranchHead;
import dev.workstreams.port.ChangedFiles;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.Permission;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.RepositoryTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflows' view of one repository, over GitHub's REST API. GitHub's quirks stop here:
 * "already exists" answers are success, a repository that refuses draft pull requests gets a
 * plain one, and a missing label or file is an empty answer rather than an error.
 */
public final class RestGitHubGateway implements GitHubGateway {

  private final RepositoryId repository;
  private final RestCalls rest;
  private final GraphQlClient graphql;
  private final String repo;
  private final PullRequestFiles files;
  private final CheckRuns checks;
  private final IssueComments comments;
  private final AppBotUser botUser;

  public RestGitHubGateway(GitHubClients clients, RepositoryId repository) {
    this.repository = repository;
    this.botUser = clients.botUser();
    this.rest = new RestCalls(clients, repository.installationId());
    this.graphql = new GraphQlClient(clients);
    this.repo = RestPaths.repository(repository.owner(), repository.name());
    this.files = new PullRequestFiles(rest, repo);
    this.checks = new CheckRuns(rest, repo);
    this.comments = new IssueComments(rest, repo);
  }

  @Override
  public RepositoryId repository() {
    return repository;
  }

  @Override
  public String appLogin() throws IOException {
    return botUser.bot(repository.installationId()).slug() + "[bot]";
  }

  @Override
  public Permission permission(String login) throws IOException {
    String path = repo + "/collaborators/" + RestPaths.segment(login) + "/permission";
    HttpReply reply = rest.get(path);
    if (reply.status() == 404) {
      return Permission.NONE; // not a collaborator at all
    }
    JsonNode json = rest.json(reply, "GET", path);
    // role_name says maintain and triage; permission folds them into write and read.
    String role = json.path("role_name").asText("");
    Permission byRole = Permission.parse(role);
    return byRole != Permission.NONE ? byRole : Permission.parse(json.path("permission").asText("none"));
  }

  @Override
  public Optional<String> file(String path, String ref) throws IOException {
    String route = repo + "/contents/" + RestPaths.segments(path) + "?ref=" + RestPaths.query(ref);
    HttpReply reply = rest.get(route);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    String content = rest.json(reply, "GET", route).path("content").asText("");
    return Optional.of(new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8));
  }

  @Override
  public Optional<BranchHead> branch(String name) throws IOException {
    String path = repo + "/branches/" + RestPaths.segments(name);
    HttpReply reply = rest.get(path);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    JsonNode commit = rest.json(reply, "GET", path).path("commit");
    return Optional.of(new BranchHead(commit.path("sha").asText(), commit.path("commit").path("tree").path("sha").asText()));
  }

  @Override
  public RepositoryTree tree(String treeSha) throws IOException {
    String path = repo + "/git/trees/" + RestPaths.segment(treeSha) + "?recursive=1";
    JsonNode json = rest.json(rest.get(path), "GET", path);
    List<String> paths = new ArrayList<>();
    for (JsonNode entry : json.path("tree")) {
      if (entry.path("type").asText().equals("blob")) {
        paths.add(entry.path("path").asText());
      }
    }
    return new RepositoryTree(paths, json.path("truncated").asBoolean(false));
  }

  @Override
  public Set<String> branchesStartingWith(String prefix) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode ref : rest.list(repo + "/git/matching-refs/heads/" + RestPaths.segments(prefix) + "?per_page=100")) {
      names.add(ref.path("ref").asText().replaceFirst("^refs/heads/", ""));
    }
    return names;
  }

  @Override
  public void createBranch(String name, BranchHead base, String commitMessage) throws IOException {
    String commits = repo + "/git/commits";
    JsonNode commit = rest.json(
        rest.post(commits, Map.of("message", commitMessage, "tree", base.treeSha(), "parents", List.of(base.commitSha()))),
        "POST", commits);
    String refs = repo + "/git/refs";
    HttpReply reply = rest.post(refs, Map.of("ref", "refs/heads/" + name, "sha", commit.path("sha").asText()));
    if (RestCalls.alreadyExists(reply)) {
      return; // an earlier attempt made it; its commit is as good as this one
    }
    RestCalls.expect(reply, "POST", refs);
  }

  @Override
  public Optional<ObservedPullRequest> pullRequestForBranch(String branch) throws IOException {
    String path = repo + "/pulls?state=all&per_page=100&head=" + RestPaths.query(repository.owner() + ":" + branch);
    return rest.list(path).stream()
        .max(Comparator.comparingInt(pr -> pr.path("number").asInt()))
        .map(PullRequestJson::observed);
  }

  @Override
  public ObservedPullRequest openPullRequest(String head, String base, String title, String body) throws IOException {
    String path = repo + "/pulls";
    HttpReply reply = rest.post(path, Map.of("title", title, "head", head, "base", base, "body", body, "draft", true));
    if (RestCalls.draftsRefused(reply)) {
      reply = rest.post(path, Map.of("title", title, "head", head, "base", base, "body", body));
    }
    if (RestCalls.alreadyExists(reply)) {
      return pullRequestForBranch(head).orElseThrow(
          () -> new GitHubCallFailed("POST", path, 422, "a pull request exists for " + head + " but cannot be listed"));
    }
    return PullRequestJson.observed(rest.json(reply, "POST", path));
  }

  @Override
  public void updatePullRequest(int number, String title, String body) throws IOException {
    String path = repo + "/pulls/" + number;
    RestCalls.expect(rest.patch(path, Map.of("title", title, "body", body)), "PATCH", path);
  }

  @Override
  public void closePullRequest(int number) throws IOException {
    String path = repo + "/pulls/" + number;
    RestCalls.expect(rest.patch(path, Map.of("state", "closed")), "PATCH", path);
  }

  @Override
  public ChangedFiles changedFiles(int pullRequest) throws IOException {
    return files.list(pullRequest);
  }

  @Override
  public void reportCheck(String headSha, String name, boolean success, String title, String summary) throws IOException {
    checks.report(headSha, name, success, title, summary);
  }

  @Override
  public void ensureLabel(String name, String color, String description) throws IOException {
    String path = repo + "/labels";
    HttpReply reply = rest.post(path, Map.of("name", name, "color", color, "description", description));
    if (RestCalls.alreadyExists(reply)) {
      return;
    }
    RestCalls.expect(reply, "POST", path);
  }

  @Override
  public void addLabel(int number, String label) throws IOException {
    String path = repo + "/issues/" + number + "/labels";
    RestCalls.expect(rest.post(path, Map.of("labels", List.of(label))), "POST", path);
  }

  @Override
  public void removeLabel(int number, String label) throws IOException {
    String path = repo + "/issues/" + number + "/labels/" + RestPaths.segment(label);
    HttpReply reply = rest.delete(path);
    if (reply.status() != 404) {
      RestCalls.expect(reply, "DELETE", path);
    }
  }

  @Override
  public List<IssueComment> commentsWithMarker(int number, String marker) throws IOException {
    return comments.withMarker(number, marker);
  }

  @Override
  public IssueComment comment(int number, String body) throws IOException {
    return comments.create(number, body);
  }

  @Override
  public void editComment(long commentId, String body) throws IOException {
    comments.edit(commentId, body);
  }

  @Override
  public String issueBody(int number) throws IOException {
    String path = repo + "/issues/" + number;
    JsonNode issue = rest.json(rest.get(path), "GET", path);
    return issue.path("body").isTextual() ? issue.path("body").asText() : "";
  }

  @Override
  public void updateIssueBody(int number, String body) throws IOException {
    String path = repo + "/issues/" + number;
    RestCalls.expect(rest.patch(path, Map.of("body", body)), "PATCH", path);
  }

  @Override
  public void markReadyForReview(int number) throws IOException {
    String path = repo + "/pulls/" + number;
    JsonNode pr = rest.json(rest.get(path), "GET", path);
    if (pr.path("draft").asBoolean(false)) {
      graphql.markPullRequestReadyForReview(repository.installationId(), pr.path("node_id").asText());
    }
  }
}
