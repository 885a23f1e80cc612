package dev.workstreams.workflow.ownership;

import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IssueComment;
import java.io.IOException;
import java.util.List;

/**
 * The one comment of a kind on a pull request, found again by its marker: edited in place on
 * later pushes, written only when its text changes. Created only when there is something to say,
 * so a pull request with nothing wrong never gets one.
 */
final class MarkedComments {

  private MarkedComments() {}

  /**
   * @param problem whether {@code text} reports a problem: only then is a missing comment created
   */
  static void show(GitHubGateway github, int number, String marker, String text, boolean problem) throws IOException {
    String body = marker + "\n" + text;
    List<IssueComment> existing = github.commentsWithMarker(number, marker);
    if (existing.isEmpty()) {
      if (problem) {
        github.comment(number, body);
      }
    } else if (!existing.get(0).body().equals(body)) {
      github.editComment(existing.get(0).id(), body);
    }
  }
}
