package dev.workstreams.adapter.agent;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The operator's agent profiles (from {@code AGENTS_FILE}), looked up by name. Without the file
 * there are none, and no agent runs: workstreams stay open for people.
 */
public final class AgentProfiles {

  private final Map<String, AgentProfile> byName;
  private final Optional<String> defaultName;
  private final Optional<String> plannerName;

  public AgentProfiles(Map<String, AgentProfile> byName, Optional<String> defaultName) {
    this(byName, defaultName, Optional.empty());
  }

  /** @param plannerName the profile that drafts plans (top-level {@code planner:}), if any */
  public AgentProfiles(Map<String, AgentProfile> byName, Optional<String> defaultName, Optional<String> plannerName) {
    this.byName = Map.copyOf(byName);
    this.defaultName = defaultName;
    this.plannerName = plannerName;
  }

  /** The profile that drafts plans for {@code /workstreams draft}; empty when the file names none. */
  public Optional<AgentProfile> planner() {
    return plannerName.map(byName::get);
  }

  /** No profiles: {@code AGENTS_FILE} is not set. */
  public static AgentProfiles none() {
    return new AgentProfiles(Map.of(), Optional.empty());
  }

  /** The profile a plan or repository config names; empty for an unknown name (report it). */
  public Optional<AgentProfile> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The profile used when neither the plan nor the repository names one. */
  public Optional<AgentProfile> defaultProfile() {
    return defaultName.map(byName::get);
  }

  public SortedSet<String> names() {
    return new TreeSet<>(byName.keySet());
  }

  /** Whether some profile sends its agent to GitHub Actions runners ({@code runner: actions}). */
  public boolean anyOnActions() {
    return byName.values().stream().anyMatch(AgentProfile::onActions);
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }
}
