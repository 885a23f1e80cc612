package dev.workstreams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.adapter.agent.AgentProfiles;
import dev.workstreams.adapter.agent.profile.AgentProfilesReader;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conflict radar and the integration preview end to end: the App as production assembles it, the fake GitHub,
 * agents pushing to a real bare repository, and a three-task plan where two tasks change the same line of the
 * shared lockfile.
 */
class PreviewAndRadarIT {

  private static final String PLAN = """
      ```plan
      max_parallel: 3
      tasks:
        - {id: api, title: API, owns: [api/**]}
        - {id: ui, title: UI, owns: [ui/**]}
        - {id: docs, title: Docs, owns: [docs/**]}
      ```
      """;

  /** api and ui both pin a different version on the lockfile's one line; docs touches only its folder. */
  private static final String AGENT = """
      mkdir -p "$WORKSTREAMS_TASK_ID"
      echo "work of $WORKSTREAMS_TASK_ID" > "$WORKSTREAMS_TASK_ID/done.txt"
      case "$WORKSTREAMS_TASK_ID" in
        api|ui) echo "{\\"lock\\": \\"$WORKSTREAMS_TASK_ID\\"}" > package-lock.json ;;
      esac
      """;

  @TempDir Path dir;
  private PlanRig rig;
  private Path bare;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void radarCommentsOnTheConflictingPairAndOnePreviewFollowsThePlanUntilItIsDone() throws Exception {
    start();
    rig.deliverAndWait("issues", PlanEvents.labeled(PLAN, "plan", "mona"));
    int api = rig.github.pullRequest("workstreams/7-api").path("number").asInt();
    int ui = rig.github.pullRequest("workstreams/7-ui").path("number").asInt();
    int docs = rig.github.pullRequest("workstreams/7-docs").path("number").asInt();

    Eventually.await("radar comments on api and ui", Duration.ofSeconds(90),
        () -> radar(api).contains("`ui` (#" + ui) && radar(ui).contains("`api` (#" + api));
    assertTrue(radar(api).contains("`package-lock.json`"), radar(api));
    assertEquals("", radar(docs), "docs conflicts with nobody");
    Eventually.await("the tracking comment lists the pair and the preview", Duration.ofSeconds(60), () -> {
      String tracking = tracking();
      return tracking.contains("- `api` (#" + api + ") and `ui` (#" + ui + "): `package-lock.json`")
          && tracking.contains("`api`, `docs`; left out: `ui`.");
    });
    JsonNode preview = rig.github.pullRequest("workstreams/7-preview");
    assertEquals("Preview: plan #7 with 2 workstreams", preview.path("title").asText());
    assertTrue(preview.path("draft").asBoolean());
    assertTrue(preview.path("labels").toString().contains("workstreams:preview"), preview.toString());
    String body = preview.path("body").asText();
    assertTrue(body.contains("- `api` #" + api + " at `" + tip("workstreams/7-api") + "`"), body);
    assertTrue(body.contains("- `ui` #" + ui + " at `" + tip("workstreams/7-ui") + "`: conflicts at `package-lock.json`"), body);
    assertEquals("{\"lock\": \"api\"}\n", read("workstreams/7-preview", "package-lock.json"));
    int radarWrites = radarComments(api) + radarComments(ui);
    assertEquals(2, radarWrites, "one comment on each of the pair");

    merge(api, "10:00");
    Eventually.await("ui's conflict is gone and the preview holds ui and docs", Duration.ofSeconds(60), () ->
        radar(ui).contains("the conflicts reported here are gone")
            && rig.github.pullRequest("workstreams/7-preview").path("body").asText().contains("- `ui` #" + ui + " at"));
    assertFalse(rig.github.pullRequest("workstreams/7-preview").path("body").asText().contains("- `api` #"));
    assertEquals("{\"lock\": \"ui\"}\n", read("workstreams/7-preview", "package-lock.json"));

    merge(ui, "10:30");
    merge(docs, "11:00");
    Eventually.await("the preview is closed and its branch deleted", Duration.ofSeconds(60), () ->
        rig.github.pullRequest("workstreams/7-preview").path("state").asText().equals("closed")
            && tipOf("workstreams/7-preview").isEmpty());
    assertEquals(1, rig.github.pulls.stream()
        .filter(p -> p.path("head").path("ref").asText().equals("workstreams/7-preview")).count(), "one preview");
    assertEquals(1, radarComments(api));
    assertEquals(1, radarComments(ui));
    assertEquals(1, rig.github.commentsOn(7).stream()
        .filter(c -> c.path("body").asText().startsWith(Markers.TRACKING)).count());
  }

  private void start() throws Exception {
    bare = dir.resolve("hello.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path seed = dir.resolve("seed");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(seed.toFile()).call()) {
      Files.writeString(seed.resolve("README.md"), "hello\n");
      Files.writeString(seed.resolve("package-lock.json"), "{\"lock\": \"base\"}\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Mona", "mona@example.com").setCommitter("Mona", "mona@example.com").call();
      git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    }
    Path agent = dir.resolve("agent.sh");
    Files.writeString(agent, AGENT);
    AgentProfiles profiles = new AgentProfilesReader(Map.of())
        .parse("profiles:\n  script:\n    command: [sh, " + agent + "]\n    timeout: 60s\ndefault: script\n", "agents.yml");
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    rig = new PlanRig(PlanRig.Setup.of(data, PlanRig.quickPolicy(2)).withAgents(new PlanRig.Agents(profiles, bare, 3)));
    rig.github.permissions.put("mona", "write");
    rig.github.config = Optional.of("shared: [package-lock.json]\n");
  }

  private void merge(int number, String time) {
    ObjectNode merged = rig.github.merge(number, Instant.parse("2026-12-05T" + time + ":00Z"));
    rig.deliverAndWait("pull_request", PlanEvents.closed(merged, "mona"));
  }

  private String radar(int number) {
    return rig.github.commentsOn(number).stream().map(c -> c.path("body").asText())
        .filter(b -> b.startsWith(Markers.CONFLICT)).findFirst().orElse("");
  }

  private int radarComments(int number) {
    return (int) rig.github.commentsOn(number).stream().filter(c -> c.path("body").asText().startsWith(Markers.CONFLICT))
        .count();
  }

  private String tracking() {
    return rig.github.commentsOn(7).stream().map(c -> c.path("body").asText())
        .filter(b -> b.startsWith(Markers.TRACKING)).findFirst().orElse("");
  }

  private String tip(String branch) throws Exception {
    return tipOf(branch).orElseThrow();
  }

  private Optional<String> tipOf(String branch) {
    try (Git git = Git.open(bare.toFile())) {
      return Optional.ofNullable(git.getRepository().resolve("refs/heads/" + branch)).map(id -> id.name());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String read(String branch, String path) throws Exception {
    try (Git git = Git.open(bare.toFile())) {
      var repo = git.getRepository();
      try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repo);
          var tree = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, path,
              walk.parseCommit(repo.resolve("refs/heads/" + branch)).getTree())) {
        return new String(repo.open(tree.getObjectId(0)).getBytes());
      }
    }
  }
}
