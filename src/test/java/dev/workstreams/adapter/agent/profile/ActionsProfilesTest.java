package dev.workstreams.adapter.agent.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.ActionsRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Profiles with {@code runner: actions}: read with their defaults, refused with the line of each mistake. */
class ActionsProfilesTest {

  final AgentProfilesReader reader = new AgentProfilesReader(Map.of("KEY", "secret"));

  List<String> problems(String yaml) {
    AgentProfilesException e = assertThrows(AgentProfilesException.class, () -> reader.parse(yaml, "agents.yml"));
    return e.problems().stream().map(ProfileProblem::toString).toList();
  }

  @Test
  void anActionsProfileNeedsNoCommandAndTakesTheDefaultWorkflow() throws Exception {
    AgentProfiles profiles = reader.parse("""
        profiles:
          runners:
            runner: actions
            timeout: 2h
          pinned:
            runner: actions
            workflow: agent.yaml
            ref: release/v2
          here:
            runner: local
            command: [aider]
        default: runners
        """, "agents.yml");

    AgentProfile runners = profiles.defaultProfile().orElseThrow();
    assertTrue(runners.onActions());
    assertEquals(List.of(), runners.command());
    assertEquals(new ActionsRunner("workstreams-agent.yml", Optional.empty(), Duration.ofHours(2)), runners.actions().get());
    assertEquals(new ActionsRunner("agent.yaml", Optional.of("release/v2"), Duration.ofMinutes(45)),
        profiles.byName("pinned").orElseThrow().actions().get(), "the local default timeout applies to runs too");
    assertFalse(profiles.byName("here").orElseThrow().onActions());
  }

  @Test
  void anActionsProfileRefusesWhatOnlyALocalRunUses() {
    assertEquals(List.of(
        "line 4: profile 'runners', command: not used with 'runner: actions', where the repository's workflow"
            + " decides what runs and no value of the server's goes to the runner",
        "line 5: profile 'runners', env: not used with 'runner: actions', where the repository's workflow"
            + " decides what runs and no value of the server's goes to the runner"), problems("""
        profiles:
          runners:
            runner: actions
            command: [claude]
            env: { KEY: "${KEY}" }
        """));
  }

  @Test
  void workflowAndRefBelongToActionsProfilesOnly() {
    assertEquals(List.of("line 4: profile 'claude', workflow: only a profile with 'runner: actions' names a workflow"),
        problems("""
            profiles:
              claude:
                command: [claude]
                workflow: agent.yml
            """));
  }

  @Test
  void eachBadValueIsReportedWithItsLine() {
    assertEquals(List.of(
        "line 3: profile 'a', runner: 'kubernetes' is not a runner; write local (a process on this machine) or actions"
            + " (the repository's workflow)",
        "line 2: profile 'a' has no command",
        "line 6: profile 'b', workflow: '../../evil.yml' is not a workflow file name; write one like workstreams-agent.yml",
        "line 7: profile 'b', ref: 'main..x' is not a branch or tag name",
        "line 8: profile 'b', timeout: 'soon' is not a duration; write it like 90s, 45m, 2h or 1h30m"), problems("""
        profiles:
          a:
            runner: kubernetes
          b:
            runner: actions
            workflow: ../../evil.yml
            ref: main..x
            timeout: soon
        """));
  }
}
