package dev.workstreams.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHIOException;

/**
 * GitHub's GraphQL API, for the few things REST cannot do. Taking a pull request out of draft is
 * one: REST has no way, github-api 1.330 has no method, only {@code markPullRequestReadyForReview}.
 */
public final class GraphQlClient {

  private static final ObjectWriter JSON = Json.mapper().writer();
  private static final String MARK_READY = """
      mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { id isDraft } } }""";

  private final GitHubClients clients;

  public GraphQlClient(GitHubClients clients) {
    this.clients = clients;
  }

  /** Takes a draft pull request out of draft; {@code nodeId} is the pull request's {@code node_id}. */
  public void markPullRequestReadyForReview(long installationId, String nodeId) throws IOException {
    execute(installationId, MARK_READY, Map.of("id", nodeId));
  }

  /**
   * Runs one query or mutation as the installation.
   *
   * @return the answer's {@code data}
   * @throws GHIOException when GitHub answers with an error status or with {@code errors} (GraphQL
   *     reports most failures with status 200)
   */
  public JsonNode execute(long installationId, String query, Map<String, Object> variables) throws IOException {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("query", query);
    request.put("variables", variables);
    HttpReply reply = clients.call(installationId, "POST", clients.endpoints().graphql(),
        Optional.of(JSON.writeValueAsString(request)));
    if (!reply.isSuccess()) {
      throw new GHIOException("GitHub's GraphQL API answered " + reply.status() + " for installation " + installationId
          + ": " + reply.message());
    }
    JsonNode answer = reply.json();
    if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
      List<String> messages = new ArrayList<>();
      answer.path("errors").forEach(error -> messages.add(error.path("message").asText("(no message)")));
      throw new GHIOException("GitHub's GraphQL API refused a request for installation " + installationId + ": "
          + String.join("; ", messages));
    }
    return answer.path("data");
  }
}
