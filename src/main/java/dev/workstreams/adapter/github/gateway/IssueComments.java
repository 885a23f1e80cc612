package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.http.GitHubAnswerLostException;
import dev.workstreams.port.IssueComment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments on issues and pull requests. GitHub keeps no key for a comment, so a creation whose
 * answer was lost is never sent again blindly: the App's comments are looked up for one with
 * exactly this body (every body the App writes carries its hidden marker), and only when none is
 * there is the comment posted again.
 */
final class IssueComments {

  /** Lost answers tolerated for one comment before the job is left to retry (its reconciler looks up by marker). */
  private static final int MAX_CREATIONS = 3;

  private final RestCalls rest;
  private final String repo;

  IssueComments(RestCalls rest, String repo) {
    this.rest = rest;
    this.repo = repo;
  }

  /** Only a bot's comment can be ours; a person quoting the marker must not be edited. */
  List<IssueComment> withMarker(int number, String marker) throws IOException {
    List<IssueComment> found = new ArrayList<>();
    for (JsonNode comment : rest.list(repo + "/issues/" + number + "/comments?per_page=100")) {
      if (comment.path("body").asText("").contains(marker) && comment.path("user").path("type").asText().equals("Bot")) {
        found.add(new IssueComment(comment.path("id").asLong(), comment.path("body").asText()));
      }
    }
    return found;
  }

  IssueComment create(int number, String body) throws IOException {
    String path = repo + "/issues/" + number + "/comments";
    for (int creation = 1; ; creation++) {
      try {
        JsonNode json = rest.json(rest.post(path, Map.of("body", body)), "POST", path);
        return new IssueComment(json.path("id").asLong(), json.path("body").asText());
      } catch (GitHubAnswerLostException lost) {
        Optional<IssueComment> landed = withBody(number, body);
        if (landed.isPresent()) {
          return landed.get();
        }
        if (creation == MAX_CREATIONS) {
          throw lost;
        }
      }
    }
  }

  void edit(long commentId, String body) throws IOException {
    String path = repo + "/issues/comments/" + commentId;
    RestCalls.expect(rest.patch(path, Map.of("body", body)), "PATCH", path);
  }

  /** The newest of the App's comments whose body is exactly {@code body}. */
  private Optional<IssueComment> withBody(int number, String body) throws IOException {
    List<IssueComment> same = withMarker(number, body).stream().filter(c -> c.body().equals(body)).toList();
    return same.isEmpty() ? Optional.empty() : Optional.of(same.get(same.size() - 1));
  }
}
