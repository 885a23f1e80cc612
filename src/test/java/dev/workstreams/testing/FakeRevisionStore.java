package dev.workstreams.testing;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import dev.workstreams.core.followthrough.Trigger;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.RevisionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Follow-through's memory as plain maps, for unit tests of the workflows. */
public final class FakeRevisionStore implements RevisionStore {

  private record Key(String repository, int issue, String taskId) {}

  private record Recorded(Trigger trigger, String state, String note) {}

  private final Map<Key, Map<String, Recorded>> triggers = new LinkedHashMap<>();
  private final Map<Key, Revisions> revisions = new LinkedHashMap<>();
  private final Map<String, FollowThroughSettings> settings = new LinkedHashMap<>();

  private static Key key(RepositoryId repository, int issue, String taskId) {
    return new Key(repository.fullName(), issue, taskId);
  }

  @Override
  public synchronized boolean record(RepositoryId repository, int issue, String taskId, Trigger trigger, Instant at) {
    return triggers.computeIfAbsent(key(repository, issue, taskId), k -> new LinkedHashMap<>())
        .putIfAbsent(trigger.key(), new Recorded(trigger, "PENDING", "")) == null;
  }

  @Override
  public synchronized boolean remember(RepositoryId repository, int issue, String taskId, String key, String note,
      Instant at) {
    return triggers.computeIfAbsent(key(repository, issue, taskId), k -> new LinkedHashMap<>())
        .putIfAbsent(key, new Recorded(null, "DROPPED", note)) == null;
  }

  @Override
  public synchronized boolean seen(RepositoryId repository, int issue, String taskId, String prefix) {
    return triggers.getOrDefault(key(repository, issue, taskId), Map.of()).keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  @Override
  public synchronized Map<String, List<Trigger>> pending(RepositoryId repository, int issue) {
    Map<String, List<Trigger>> found = new LinkedHashMap<>();
    triggers.forEach((k, byKey) -> {
      if (k.repository().equals(repository.fullName()) && k.issue() == issue) {
        byKey.values().stream().filter(r -> r.state().equals("PENDING"))
            .forEach(r -> found.computeIfAbsent(k.taskId(), t -> new ArrayList<>()).add(r.trigger()));
      }
    });
    return found;
  }

  @Override
  public synchronized void started(RepositoryId repository, int issue, String taskId, List<String> keys) {
    keys.forEach(k -> mark(repository, issue, taskId, k, "STARTED", ""));
  }

  @Override
  public synchronized void dropped(RepositoryId repository, int issue, String taskId, String key, String note) {
    mark(repository, issue, taskId, key, "DROPPED", note);
  }

  private void mark(RepositoryId repository, int issue, String taskId, String triggerKey, String state, String note) {
    Map<String, Recorded> byKey = triggers.getOrDefault(key(repository, issue, taskId), Map.of());
    Recorded r = byKey.get(triggerKey);
    if (r != null && r.state().equals("PENDING")) {
      byKey.put(triggerKey, new Recorded(r.trigger(), state, note));
    }
  }

  @Override
  public synchronized Optional<String> outcome(RepositoryId repository, int issue, String taskId, String triggerKey) {
    return Optional.ofNullable(triggers.getOrDefault(key(repository, issue, taskId), Map.of()).get(triggerKey))
        .map(r -> r.note().isEmpty() ? r.state() : r.note());
  }

  @Override
  public synchronized Map<String, Revisions> revisions(RepositoryId repository, int issue) {
    Map<String, Revisions> found = new LinkedHashMap<>();
    revisions.forEach((k, v) -> {
      if (k.repository().equals(repository.fullName()) && k.issue() == issue) {
        found.put(k.taskId(), v);
      }
    });
    return found;
  }

  @Override
  public synchronized void saveRevisions(RepositoryId repository, int issue, String taskId, Revisions value) {
    revisions.put(key(repository, issue, taskId), value);
  }

  @Override
  public synchronized Optional<FollowThroughSettings> settings(RepositoryId repository, int issue) {
    return Optional.ofNullable(settings.get(repository.fullName() + "#" + issue));
  }

  @Override
  public synchronized void saveSettings(RepositoryId repository, int issue, FollowThroughSettings value) {
    settings.put(repository.fullName() + "#" + issue, value);
  }
}
