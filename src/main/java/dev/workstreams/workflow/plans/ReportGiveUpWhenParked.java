package dev.workstreams.workflow.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.json.Json;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import java.util.regex.Pattern;

/**
 * {@code workstreams.gave_up}, the App's own event for a delivery about an issue (a plan, or a
 * workstream pull request of one) that failed its last allowed attempt and was parked: one comment
 * on the issue saying so, with the delivery's id and its last error, so that people are not left
 * waiting for something that will never happen. Found by its marker first, so a retry of this event
 * does not comment twice. This event is never itself reported when it is parked (the job queue
 * emits none for it), so giving up cannot loop.
 */
public final class ReportGiveUpWhenParked implements EventHandler {

  public static final String EVENT = "workstreams";
  public static final String ACTION = "gave_up";
  /** Enough to name the exception and its message; the full error is in the server's log. */
  static final int MAX_ERROR_CHARACTERS = 300;
  private static final ObjectMapper JSON = Json.mapper();
  // GitHub tokens (installation, personal, OAuth, refresh) and bearer credentials, should an error quote one.
  private static final Pattern TOKENS =
      Pattern.compile("(gh[pousr]_[A-Za-z0-9_]+|github_pat_[A-Za-z0-9_]+|(?i:bearer|token)\\s+[A-Za-z0-9._~+/=-]{8,})");

  private final GitHubGateways gateways;

  public ReportGiveUpWhenParked(GitHubGateways gateways) {
    this.gateways = gateways;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    JsonNode payload = context.payload();
    JsonNode gaveUp = payload.path("gave_up");
    int issue = payload.path("issue").path("number").asInt();
    if (issue <= 0 || context.installationId().isEmpty() || context.repository().isEmpty()) {
      return; // not about an issue: nobody to tell
    }
    String deliveryId = gaveUp.path("delivery").asText();
    GitHubGateway github = gateways.forRepository(RepositoryId.of(context.installationId().getAsLong(), context.repository().get()));
    String marker = marker(deliveryId);
    if (github.commentsWithMarker(issue, marker).isEmpty()) {
      github.comment(issue, marker + "\n" + comment(deliveryId, gaveUp.path("event").asText(),
          gaveUp.path("attempts").asInt(), gaveUp.path("error").asText()));
    }
  }

  /** {@code <!-- workstreams:gave-up {"delivery":"ID"} -->}, with no way for an id to close the comment early. */
  static String marker(String deliveryId) {
    return Markers.gaveUp(deliveryId);
  }

  /** One line: what was given up, after how many attempts, the last error (bounded, tokens removed), and what to do. */
  static String comment(String deliveryId, String event, int attempts, String error) {
    return "The App gave up on delivery `" + codeSpan(deliveryId, 100) + "` (`" + codeSpan(event, 100) + "`) after "
        + attempts + " failed attempts; last error: `" + codeSpan(TOKENS.matcher(error).replaceAll("[redacted]"),
        MAX_ERROR_CHARACTERS) + "`. Once the cause is fixed, redeliver it from the App's advanced settings.";
  }

  /** The App's own event for a parked delivery about {@code issue}; its fields route it to that issue's subject. */
  public static byte[] payload(long installationId, String repository, long issue, String deliveryId, String event,
      int attempts, String error) {
    ObjectNode root = JSON.createObjectNode();
    root.put("action", ACTION);
    root.putObject("installation").put("id", installationId);
    root.putObject("repository").put("full_name", repository);
    root.putObject("issue").put("number", issue);
    root.putObject("gave_up").put("delivery", deliveryId).put("event", event).put("attempts", attempts).put("error", error);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (Exception e) {
      throw new IllegalStateException("the gave-up event of delivery " + deliveryId + " could not be written as JSON", e);
    }
  }

  /** Text that stays one line inside a Markdown code span (where mentions and links do nothing). */
  private static String codeSpan(String text, int limit) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").replace('`', '\'');
    if (line.length() <= limit) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(limit - 2)) ? limit - 2 : limit - 1;
    return line.substring(0, end) + "…";
  }
}
