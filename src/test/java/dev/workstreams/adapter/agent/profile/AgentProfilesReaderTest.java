package dev.workstreams.adapter.agent.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentProfile;
import dev.workstreams.adapter.agent.AgentProfiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentProfilesReaderTest {

  static final Map<String, String> SERVER_ENV = Map.of(
      "ANTHROPIC_API_KEY", "sk-ant-secret-value",
      "WEBHOOK_SECRET", "hook-secret");

  final AgentProfilesReader reader = new AgentProfilesReader(SERVER_ENV);

  List<String> problems(String yaml) {
    AgentProfilesException e = assertThrows(AgentProfilesException.class, () -> reader.parse(yaml, "agents.yml"));
    return e.problems().stream().map(ProfileProblem::toString).toList();
  }

  @Test
  void readsTheDesignsExample() throws Exception {
    AgentProfiles profiles = reader.parse("""
        profiles:
          claude:
            command: [claude, -p, --permission-mode, acceptEdits]
            setup: [[npm, ci]]
            timeout: 45m
            setup_timeout: 10m
            env: { ANTHROPIC_API_KEY: "${ANTHROPIC_API_KEY}", MODE: "fast-${ANTHROPIC_API_KEY}-$HOME" }
          aider:
            command: [/opt/aider/bin/aider, --yes]
            push_on_failure: true
        default: claude
        """, "agents.yml");

    AgentProfile claude = profiles.defaultProfile().orElseThrow();
    assertEquals("claude", claude.name());
    assertEquals(List.of("claude", "-p", "--permission-mode", "acceptEdits"), claude.command());
    assertEquals(List.of(List.of("npm", "ci")), claude.setup());
    assertEquals(Duration.ofMinutes(45), claude.timeout());
    assertEquals(Duration.ofMinutes(10), claude.setupTimeout());
    assertEquals("sk-ant-secret-value", claude.environment().get("ANTHROPIC_API_KEY"));
    assertEquals("fast-sk-ant-secret-value-$HOME", claude.environment().get("MODE"));
    assertFalse(claude.pushOnFailure());
    AgentProfile aider = profiles.byName("aider").orElseThrow();
    assertTrue(aider.pushOnFailure());
    assertEquals(Duration.ofMinutes(45), aider.timeout(), "default timeout");
    assertEquals(Duration.ofMinutes(15), aider.setupTimeout(), "default setup timeout");
    assertTrue(profiles.byName("codex").isEmpty());
  }

  @Test
  void neverShowsVariableValuesInAProfilesDescription() throws Exception {
    AgentProfile claude = reader.parse("""
        profiles:
          claude: { command: [claude], env: { ANTHROPIC_API_KEY: "${ANTHROPIC_API_KEY}" } }
        """, "agents.yml").byName("claude").orElseThrow();

    assertFalse(claude.toString().contains("sk-ant-secret-value"), claude.toString());
    assertTrue(claude.toString().contains("ANTHROPIC_API_KEY"));
  }

  @Test
  void hasNoDefaultUnlessOneIsNamed() throws Exception {
    AgentProfiles profiles = reader.parse("profiles:\n  claude: { command: [claude] }\n", "agents.yml");
    assertTrue(profiles.defaultProfile().isEmpty());
    assertEquals(List.of("claude"), List.copyOf(profiles.names()));
  }

  @Test
  void reportsEveryProblemWithItsLine() {
    assertEquals(List.of(
        "line 3: unknown key 'comand' in profile 'claude' (known: command, setup, timeout, setup_timeout, env, push_on_failure, network, mounts, limits, runner, workflow, ref)",
        "line 4: profile 'claude', timeout: '45 minutes' is not a duration; write it like 90s, 45m, 2h or 1h30m",
        "line 2: profile 'claude' has no command",
        "line 6: profile 'codex', command must be a non-empty list of arguments, like [claude, -p]",
        "line 7: unknown key 'defaults' (known: profiles, default, planner)",
        "line 8: default names 'gpt', which is not a profile (profiles: claude, codex)"),
        problems("""
            profiles:
              claude:
                comand: [claude]
                timeout: 45 minutes
              codex:
                command: codex exec
            defaults: x
            default: gpt
            """));
  }

  @Test
  void refusesAliases() {
    assertEquals(List.of("line 4: aliases (*name) are not allowed"), problems("""
        profiles:
          claude:
            command: &cmd [claude]
            setup: [*cmd]
        """));
  }

  @Test
  void refusesAVariableTheServerDoesNotHave() {
    assertEquals(List.of("line 4: profile 'claude', env.OPENAI_API_KEY refers to ${OPENAI_API_KEY},"
        + " which the server's environment does not set"), problems("""
        profiles:
          claude:
            command: [claude]
            env: { OPENAI_API_KEY: "${OPENAI_API_KEY}" }
        """));
  }

  @Test
  void refusesTheAppsOwnVariablesAndRelativePrograms() {
    assertEquals(List.of(
        "line 3: profile 'claude', command: the program must be a name found on PATH or an absolute path, not ./agent.sh",
        "line 4: profile 'claude', env: 'WORKSTREAMS_TASK_ID' is not a variable name a profile may set (WORKSTREAMS_* are the app's)"),
        problems("""
            profiles:
              claude:
                command: [./agent.sh]
                env: { WORKSTREAMS_TASK_ID: x }
            """));
  }

  @Test
  void reportsInvalidYamlAndAMissingProfilesKey() {
    assertEquals(1, problems("profiles: [unclosed\n").size());
    assertEquals(List.of("line 1: no 'profiles' in the file"), problems("default: claude\n"));
    assertTrue(problems("profiles: { a: { command: [a] } }\nprofiles: { b: { command: [b] } }\n")
        .contains("line 2: duplicate key 'profiles'"));
  }

  @Test
  void neverPutsAVariablesValueInAnError() {
    AgentProfilesException e = assertThrows(AgentProfilesException.class, () -> reader.parse("""
        profiles:
          claude:
            command: [claude]
            env: { KEY: "${ANTHROPIC_API_KEY}", BAD: [x] }
        """, "agents.yml"));
    assertFalse(e.getMessage().contains("sk-ant-secret-value"), e.getMessage());
  }
}
