package dev.workstreams.workflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.workflow.EventContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code push} event, read once from its payload.
 *
 * @param ref the pushed ref, {@code refs/heads/<branch>}
 * @param defaultBranch the repository's default branch; empty when the payload does not say
 * @param deleted whether the push deleted the ref
 * @param listedCommits how many commits the payload lists; GitHub lists at most {@value #GITHUB_LISTS_AT_MOST}
 * @param commits the listed commits, at most {@value #GITHUB_LISTS_AT_MOST}: a payload listing more
 *     is not GitHub's, and no more are needed to see that the lists are incomplete
 */
public record PushPayload(RepositoryId repository, String ref, String defaultBranch, boolean deleted,
    int listedCommits, List<Commit> commits) {

  /** GitHub lists at most 20 commits in a push payload; a longer push may hide a change. */
  public static final int GITHUB_LISTS_AT_MOST = 20;

  private static final List<String> CHANGE_LISTS = List.of("added", "modified", "removed");

  /**
   * One listed commit.
   *
   * @param changedPaths its added, modified and removed paths; GitHub leaves them all empty when
   *     the commit's diff is too large
   */
  public record Commit(List<String> changedPaths) {
    public Commit {
      changedPaths = List.copyOf(changedPaths);
    }
  }

  public PushPayload {
    commits = List.copyOf(commits);
  }

  /** Empty for a delivery the App cannot act on: no installation or repository in the payload. */
  public static Optional<PushPayload> from(EventContext context) {
    if (context.installationId().isEmpty() || context.repository().isEmpty()) {
      return Optional.empty();
    }
    JsonNode payload = context.payload();
    JsonNode listed = payload.path("commits");
    List<Commit> commits = new ArrayList<>();
    if (listed.isArray()) {
      for (int i = 0; i < Math.min(listed.size(), GITHUB_LISTS_AT_MOST); i++) {
        commits.add(commit(listed.get(i)));
      }
    }
    return Optional.of(new PushPayload(
        RepositoryId.of(context.installationId().getAsLong(), context.repository().get()),
        payload.path("ref").asText(""),
        payload.path("repository").path("default_branch").asText(""),
        payload.path("deleted").asBoolean(false),
        listed.isArray() ? listed.size() : 0,
        commits));
  }

  private static Commit commit(JsonNode commit) {
    List<String> paths = new ArrayList<>();
    for (String kind : CHANGE_LISTS) {
      commit.path(kind).forEach(p -> paths.add(p.asText()));
    }
    return new Commit(paths);
  }
}
