package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.SandboxProbe;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bubblewrap asked for but missing: no agent starts, and the plan issue says why. */
class AgentsWithoutSandboxIT {

  @TempDir Path dir;
  private PlanRig rig;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void startsNoAgentAndSaysWhyOnThePlanIssue() throws Exception {
    Path bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path ran = dir.resolve("ran");
    String agents = "profiles:\n  script:\n    command: [touch, " + ran + "]\ndefault: script\n";
    AgentProfiles profiles = new AgentProfilesReader(Map.of()).parse(agents, "agents.yml");
    Path missing = dir.resolve("nowhere/bwrap");
    AgentSandbox none = AgentSandbox.unavailable(SandboxProbe.problem(missing).orElseThrow());
    rig = new PlanRig(PlanRig.Setup.of(Files.createDirectories(dir.resolve("data")), PlanRig.quickPolicy(2))
        .withAgents(new PlanRig.Agents(profiles, bare, 2, none, java.util.List.of())));
    rig.github.permissions.put("mona", "write");

    rig.deliverAndWait("issues", PlanEvents.labeled("```plan\ntasks:\n  - {id: a, title: A, owns: [a/**]}\n```\n",
        "plan", "mona"));

    Eventually.await("the notice on the issue", Duration.ofSeconds(30), () -> notice().isPresent());
    assertEquals("<!-- workstreams:agent-sandbox -->\nNo agent runs for this plan: this workstreams server cannot sandbox "
        + "agents (bubblewrap is not installed (no executable " + missing + "); install the package bubblewrap, or set "
        + "AGENT_SANDBOX=off to run agents unsandboxed). The pull requests stay open for people; agents start once the "
        + "operator fixes this.\n", notice().get());
    assertTrue(rig.github.pullRequest("workstreams/7-a").path("number").asInt() > 0, "the pull request is opened");
    // The notice is the scheduler's decision, taken where it would otherwise start agents, and the
    // delivery is handled: had it started one anyway, the row would be stored and shown as running.
    String tracking = rig.github.commentsOn(7).get(0).path("body").asText();
    assertFalse(tracking.contains(WorkstreamState.RUNNING.text()), tracking);
    assertFalse(Files.exists(ran), "no agent ran");
  }

  private Optional<String> notice() {
    return rig.github.commentsOn(7).stream().map(c -> c.path("body").asText())
        .filter(b -> b.startsWith("<!-- workstreams:agent-sandbox -->")).findFirst();
  }
}
