package dev.workstreams.adapter.agent.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.workstreams.adapter.agent.sandbox.Limits;
import dev.workstreams.adapter.agent.sandbox.Network;
import dev.workstreams.adapter.agent.sandbox.SandboxPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxKeysTest {

  final AgentProfilesReader reader = new AgentProfilesReader(Map.of());

  SandboxPolicy policy(String yaml) throws Exception {
    return reader.parse(yaml, "agents.yml").byName("claude").orElseThrow().sandbox();
  }

  List<String> problems(String yaml) {
    AgentProfilesException e = assertThrows(AgentProfilesException.class, () -> reader.parse(yaml, "agents.yml"));
    return e.problems().stream().map(ProfileProblem::toString).toList();
  }

  @Test
  void defaultsToTheFullNetworkNoExtraPathsAndTheDefaultLimits() throws Exception {
    SandboxPolicy policy = policy("profiles:\n  claude: { command: [claude] }\n");

    assertEquals(new SandboxPolicy(Network.FULL, List.of(), new Limits(4L << 30, 1024, 1L << 30)), policy);
  }

  @Test
  void readsNetworkMountsAndLimits() throws Exception {
    SandboxPolicy policy = policy("""
        profiles:
          claude:
            command: [claude]
            network: none
            mounts: [/opt/toolchains, /usr/local/go/]
            limits: { memory: 512m, pids: 64, file_size: 100k }
        """);

    assertEquals(Network.NONE, policy.network());
    assertEquals(List.of(Path.of("/opt/toolchains"), Path.of("/usr/local/go")), policy.mounts());
    assertEquals(new Limits(512L << 20, 64, 100L << 10), policy.limits());
  }

  @Test
  void keepsTheDefaultsOfLimitsLeftOut() throws Exception {
    assertEquals(new Limits(4L << 30, 200, 1L << 30),
        policy("profiles:\n  claude: { command: [claude], limits: { pids: 200 } }\n").limits());
  }

  @Test
  void reportsEveryBadSandboxKeyWithItsLine() {
    assertEquals(List.of(
        "line 4: profile 'claude', network must be full or none, not 'host'",
        "line 5: profile 'claude', mounts: 'opt/tools' is not an absolute path below / (read-only paths like /opt/toolchains)",
        "line 5: profile 'claude', mounts: '/' is not an absolute path below / (read-only paths like /opt/toolchains)",
        "line 7: profile 'claude', limits.memory: '4 gigs' is not a size; write it like 512m, 4g or 1g",
        "line 8: profile 'claude', limits.pids: 'many' is not a number of processes from 1 to 1000000",
        "line 9: profile 'claude', limits.file_size: '0' is not a size; write it like 512m, 4g or 1g",
        "line 10: unknown key 'cpu' in profile 'claude', limits (known: memory, pids, file_size)"),
        problems("""
            profiles:
              claude:
                command: [claude]
                network: host
                mounts: [opt/tools, /]
                limits:
                  memory: 4 gigs
                  pids: many
                  file_size: 0
                  cpu: 2
            """));
  }

  @Test
  void reportsSandboxKeysOfTheWrongShape() {
    assertEquals(List.of(
        "line 2: profile 'claude', mounts must be a list of absolute paths, like [/opt/toolchains]",
        "line 2: profile 'claude', limits must be a mapping like {memory: 4g, pids: 512, file_size: 1g}",
        "line 2: profile 'claude', network must be full or none, not a list"),
        problems("profiles:\n  claude: { command: [claude], mounts: /opt, limits: 4g, network: [none] }\n"));
  }
}
