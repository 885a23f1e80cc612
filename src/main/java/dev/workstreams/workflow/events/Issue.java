package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An issue as {@code issues} and {@code issue_comment} payloads show it. Its body is not cut here:
 * intake refuses a delivery whose body is longer than the plan store keeps, so every body that
 * arrives is one GitHub could have sent.
 *
 * @param labels the names of its labels, as GitHub shows them
 */
public record Issue(int number, String title, String body, List<String> labels) {

  public Issue {
    labels = List.copyOf(labels);
  }

  static Issue from(JsonNode issue) {
    return new Issue(issue.path("number").asInt(), issue.path("title").asText(""), issue.path("body").asText(""),
        Fields.labelNames(issue.path("labels")));
  }

  /** Whether the issue carries a label of this name (labels are matched as GitHub shows them). */
  public boolean hasLabel(String label) {
    return labels.contains(label);
  }
}
