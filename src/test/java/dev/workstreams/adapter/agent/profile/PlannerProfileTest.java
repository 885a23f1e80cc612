package dev.workstreams.adapter.agent.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.AgentProfiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerProfileTest {

  private final AgentProfilesReader reader = new AgentProfilesReader(Map.of());

  @Test
  void namesTheProfileThatDraftsPlans() throws Exception {
    AgentProfiles profiles = reader.parse("""
        profiles:
          claude:
            command: [claude, -p]
          planner:
            command: [claude, -p, --permission-mode, plan]
        default: claude
        planner: planner
        """, "agents.yml");

    assertEquals(Optional.of("planner"), profiles.planner().map(AgentProfile::name));
    assertEquals(Optional.of("claude"), profiles.defaultProfile().map(AgentProfile::name));
  }

  @Test
  void withoutPlannerKeyThereIsNoPlanner() throws Exception {
    AgentProfiles profiles = reader.parse("profiles:\n  claude:\n    command: [claude]\n", "agents.yml");

    assertEquals(Optional.empty(), profiles.planner());
  }

  @Test
  void refusesAPlannerThatIsNoProfileWithItsLine() {
    AgentProfilesException e = assertThrows(AgentProfilesException.class, () -> reader.parse("""
        profiles:
          claude:
            command: [claude]
        planner: gpt
        """, "agents.yml"));

    assertEquals(List.of("line 4: planner names 'gpt', which is not a profile (profiles: claude)"),
        e.problems().stream().map(Object::toString).toList());
  }
}
