package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.adapter.agent.sandbox.AgentSandbox;
import dev.workstreams.adapter.agent.sandbox.HiddenPaths;
import dev.workstreams.adapter.agent.sandbox.RequiresBubblewrap;
import dev.workstreams.core.reconcile.Markers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafting end to end: {@code /workstreams draft} through the webhook endpoint, a script planner in
 * the bubblewrap sandbox on a checkout of a real bare repository, the FakeGitHub; then {@code
 * /workstreams accept} appends the plan, labels the issue and opens the workstreams.
 */
class DraftPlanIT {

  /**
   * First an overlapping plan; once the prompt carries the engine's overlap error (which it echoes, so
   * that its log shows what it was told), a valid one. It also tries to change its checkout.
   */
  private static final String PLANNER = """
      prompt=$(cat)
      printf '%s\\n' "$prompt" | grep '^> Title: '
      if echo changed >> README.md 2>/dev/null; then echo WROTE-TO-CHECKOUT; fi
      if printf '%s\\n' "$prompt" | grep "can both own"; then
        printf '%s\\n' 'Second try:' '```plan' 'tasks:' \\
          '  - {id: api, title: API, owns: [src/api/**], estimate: 2h}' \\
          '  - {id: web, title: Web, owns: [src/web/**], depends_on: [api], estimate: 1h}' '```'
      else
        printf '%s\\n' '```plan' 'tasks:' '  - {id: api, title: API, owns: [src/**]}' \\
          '  - {id: web, title: Web, owns: [src/web/**]}' '```'
      fi
      """;
  private static final String ISSUE = "Add a web front end for the API.";

  @TempDir Path dir;
  private PlanRig rig;
  private Path data;

  @BeforeEach
  void start() throws Exception {
    Path bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("README.md"), "hello\n");
      Files.createDirectories(seed.resolve("src/api"));
      Files.writeString(seed.resolve("src/api/Api.java"), "class Api {}\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    }
    Path agentsDir = Files.createDirectories(dir.resolve("agents"));
    Path script = agentsDir.resolve("planner.sh");
    Files.writeString(script, PLANNER);
    String agents = "profiles:\n  scripted:\n    command: [sh, " + script + "]\n    timeout: 60s\n"
        + "    mounts: [" + agentsDir + "]\nplanner: scripted\n";
    AgentProfiles profiles = new AgentProfilesReader(Map.of()).parse(agents, "agents.yml");
    data = Files.createDirectories(dir.resolve("data"));
    AgentSandbox sandbox = AgentSandbox.bubblewrap(RequiresBubblewrap.bwrap(),
        HiddenPaths.ofServer(data, Optional.empty(), Optional.empty()), RequiresBubblewrap.resources());
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2))
        .withAgents(new PlanRig.Agents(profiles, bare, 2, sandbox, List.of())));
    rig.github.permissions.put("mona", "write");
    rig.github.permissions.put("rita", "read");
    rig.github.refs.put("main", "base1");
    rig.github.files.addAll(List.of("README.md", "src/api/Api.java"));
    ObjectNode issue = JsonNodeFactory.instance.objectNode().put("number", 7).put("title", "Web front end").put("body", ISSUE);
    issue.putArray("labels");
    rig.github.issues.put(7, issue);
  }

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  /** The planner's run logs (its output and the App's notes). */
  private List<String> plannerLogs() throws Exception {
    Path logs = data.resolve("logs");
    if (!Files.exists(logs)) {
      return List.of();
    }
    try (var files = Files.walk(logs)) {
      return files.filter(Files::isRegularFile).sorted().map(f -> {
        try {
          return Files.readString(f);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private List<ObjectNode> withMarker(String marker) {
    return rig.github.commentsOn(7).stream().filter(c -> c.path("body").asText().contains(marker)).toList();
  }

  @Test
  void aDraftTakesTwoRoundsThenAcceptOpensTheWorkstreams() throws Exception {
    String delivery = rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams draft", 501, "mona"));

    List<ObjectNode> drafts = withMarker(Markers.DRAFT);
    assertEquals(1, drafts.size());
    String draft = drafts.get(0).path("body").asText();
    assertTrue(draft.contains("The planner `scripted` drafted this plan from `main` in 2 rounds"), draft);
    assertTrue(draft.contains("```plan\ntasks:\n  - {id: api, title: API, owns: [src/api/**], estimate: 2h}"), draft);
    assertTrue(draft.contains("Critical path: `api` → `web`."), draft);
    assertTrue(draft.contains("| max_parallel | wall time | reviewer idle | speed-up |"), draft);
    List<String> logs = plannerLogs();
    assertEquals(2, logs.size(), logs.toString());
    assertTrue(logs.stream().allMatch(l -> l.contains("\n> Title: ")), logs.toString());
    // one round was told nothing, the other the first round's overlap
    assertEquals(1, logs.stream().filter(l -> l.contains("- line 4: tasks `api` and `web` can both own `src/web/")).count(),
        logs.toString());
    assertEquals(1, logs.stream().filter(l -> !l.contains("can both own")).count(), logs.toString());
    assertTrue(logs.stream().noneMatch(l -> l.contains("WROTE-TO-CHECKOUT")), "the planner could write to its checkout");
    assertFalse(Files.exists(data.resolve("drafts/octo/hello/7")), "the checkout is thrown away");
    // nothing created before acceptance
    assertTrue(rig.github.pulls.isEmpty());
    assertEquals(List.of("main"), List.copyOf(rig.github.refs.keySet()));

    rig.deliverAndWait("issue_comment", delivery, PlanEvents.comment("/workstreams draft", 501, "mona"));
    assertEquals(2, plannerLogs().size(), "a redelivered request ran the planner again");
    assertEquals(1, withMarker(Markers.DRAFT).size());

    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams accept", 502, "mona"));

    String body = rig.github.issues.get(7).path("body").asText();
    assertTrue(body.startsWith(ISSUE + "\n\n" + Markers.DRAFTED_PLAN + "\n```plan\ntasks:\n"), body);
    assertTrue(rig.github.issues.get(7).path("labels").toString().contains("\"plan\""));
    assertEquals(2, rig.github.pulls.size());
    assertTrue(rig.github.refs.containsKey("workstreams/7-api"));
    assertEquals(1, withMarker(Markers.TRACKING).size());
  }

  @Test
  void aNonWritersDraftAndAcceptAreRefused() throws Exception {
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams draft", 601, "rita"));
    rig.deliverAndWait("issue_comment", PlanEvents.comment("/workstreams accept", 602, "rita"));

    assertEquals(List.of(), plannerLogs());
    assertTrue(withMarker(Markers.DRAFT).isEmpty());
    assertTrue(withMarker(Markers.PERMISSION).get(0).path("body").asText().contains("@rita, only people with write"));
    assertTrue(withMarker(Markers.reply(602)).get(0).path("body").asText().contains("can accept a drafted plan"));
    assertEquals(ISSUE, rig.github.issues.get(7).path("body").asText());
  }
}
