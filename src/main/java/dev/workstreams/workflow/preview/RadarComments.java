package dev.workstreams.workflow.preview;

import dev.workstreams.core.preview.Conflict;
import dev.workstreams.core.preview.ConflictComment;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.preview.Tip;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IssueComment;
import java.io.IOException;
import java.util.List;

/**
 * The radar's one comment per workstream pull request, found by its marker: created when a
 * conflict first shows, edited only when its text changes (a new pair, or a new head pair), and
 * edited to say so when the conflicts are gone. A pull request never in conflict gets none.
 */
final class RadarComments {

  void show(GitHubGateway github, Tip tip, List<Conflict> conflicts, String baseBranch) throws IOException {
    String body = Markers.CONFLICT + "\n" + ConflictComment.text(tip, conflicts, baseBranch);
    List<IssueComment> existing = github.commentsWithMarker(tip.pullRequest(), Markers.CONFLICT);
    if (existing.isEmpty()) {
      if (!conflicts.isEmpty()) {
        github.comment(tip.pullRequest(), body);
      }
    } else if (!existing.get(0).body().equals(body)) {
      github.editComment(existing.get(0).id(), body);
    }
  }
}
