package dev.workstreams.workflow.followthrough;

import dev.workstreams.core.followthrough.RevisionQueue;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.RevisionStore.Revisions;
import java.io.IOException;

/**
 * What follow-through says on a workstream pull request: a note for a trigger that starts nothing
 * (stale, over a limit or budget), and the one needs-human comment with its label. Each is found by
 * its marker first, so a retried job never says it twice.
 */
final class RevisionNotes {

  static final String NEEDS_HUMAN = "workstreams:needs-human";

  static String droppedMarker(String key) {
    // Keys are the App's own (review:<id>, checks:<sha>:<suite>, merge:<sha>): digits, hex, colons.
    return "<!-- workstreams:revision-dropped " + key.replaceAll("[^A-Za-z0-9:_-]", "") + " -->";
  }

  static String needsHumanMarker(String taskId) {
    return "<!-- workstreams:needs-human " + taskId + " -->";
  }

  void dropped(GitHubGateway github, int pullRequest, RevisionQueue.Dropped d) throws IOException {
    String marker = droppedMarker(d.trigger().key());
    if (github.commentsWithMarker(pullRequest, marker).isEmpty()) {
      github.comment(pullRequest, GitHubText.comment(marker + "\nNo revision for " + d.trigger().describe() + ": "
          + d.reason() + ".\n"));
    }
  }

  void needsHuman(GitHubGateway github, int pullRequest, String taskId, String why, Revisions before) throws IOException {
    github.ensureLabel(NEEDS_HUMAN, "d93f0b", "Follow-through stopped: a person decides what happens next");
    github.addLabel(pullRequest, NEEDS_HUMAN);
    String marker = needsHumanMarker(taskId);
    String body = marker + "\nThis workstream needs a person: " + why + ". " + before.used() + " revision"
        + (before.used() == 1 ? "" : "s") + " ran"
        + (before.lastTrigger().isEmpty() ? "" : ", the last for " + before.lastTrigger()) + ".\n\n"
        + "Nothing more runs for it until someone with write access comments `/workstreams revise` here (which"
        + " starts the count again) or `/workstreams retry " + taskId + "` on the plan issue.\n";
    var existing = github.commentsWithMarker(pullRequest, marker);
    if (existing.isEmpty()) {
      github.comment(pullRequest, GitHubText.comment(body));
    } else if (!existing.get(0).body().equals(body)) {
      github.editComment(existing.get(0).id(), GitHubText.comment(body));
    }
  }
}
