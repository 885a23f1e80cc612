package dev.workstreams.port;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follow-through's memory: the triggers each workstream received (each key once), the revisions it
 * used, and the follow-through settings of each plan. Jobs of one plan never run at once, so plain
 * upserts suffice; a trigger's key is the table's key, so a redelivered event records nothing.
 */
public interface RevisionStore {

  /** Records a trigger as pending; false when its key was recorded before (a redelivery, or a second suite). */
  boolean record(RepositoryId repository, int issue, String taskId, Trigger trigger, Instant at);

  /** The pending triggers of every workstream of a plan, oldest first. */
  Map<String, List<Trigger>> pending(RepositoryId repository, int issue);

  /**
   * Remembers that something was done once for a workstream (re-running a head's failed jobs, say) under a key of
   * its own; false when it was remembered before. Never a pending trigger.
   */
  boolean remember(RepositoryId repository, int issue, String taskId, String key, String note, Instant at);

  /** Whether a key starting with {@code prefix} was recorded or remembered for the workstream. */
  boolean seen(RepositoryId repository, int issue, String taskId, String prefix);

  /** Marks triggers as answered by a revision that started. */
  void started(RepositoryId repository, int issue, String taskId, List<String> keys);

  /**
   * Marks a trigger as dropped, with the note that says why, if it is still waiting: one that a revision
   * already answered stays answered (a review dismissed while its revision runs).
   */
  void dropped(RepositoryId repository, int issue, String taskId, String key, String note);

  /** The note of a trigger that was dropped, or the state it is in; empty when unknown. */
  Optional<String> outcome(RepositoryId repository, int issue, String taskId, String key);

  Map<String, Revisions> revisions(RepositoryId repository, int issue);

  void saveRevisions(RepositoryId repository, int issue, String taskId, Revisions revisions);

  Optional<FollowThroughSettings> settings(RepositoryId repository, int issue);

  void saveSettings(RepositoryId repository, int issue, FollowThroughSettings settings);

  /** One workstream's revision bookkeeping. */
  record Revisions(int used, String lastTrigger, boolean needsHuman, String headSha) {
    public static final Revisions NONE = new Revisions(0, "", false, "");

    public Revisions withHead(String sha) {
      return new Revisions(used, lastTrigger, needsHuman, sha);
    }
  }
}
