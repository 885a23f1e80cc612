package dev.workstreams.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanSimulateCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PlanCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path wide() throws Exception {
    Path file = dir.resolve("issue.md");
    Files.writeString(file, """
        ```plan
        max_parallel: 3
        tasks:
          - {id: a, title: A, owns: [a/**], estimate: 1h}
          - {id: b, title: B, owns: [b/**], estimate: 1h}
          - {id: c, title: C, owns: [c/**], estimate: 1h}
          - {id: d, title: D, owns: [d/**]}
        ```
        """);
    return file;
  }

  @Test
  void printsTheTableForCapacitiesOneToSix() throws Exception {
    assertEquals(0, run("check", "--simulate", wide().toString()), err.toString());

    String text = out.toString();
    assertTrue(text.contains("Simulation (review time 30m per pull request, one reviewer in merge order)"), text);
    assertTrue(text.contains("  1             6h         4h             1.00×\n"), text);
    assertTrue(text.contains("  2             3h30m      1h30m          1.71×\n"), text);
    assertTrue(text.contains("  3 (plan)      3h         1h             2.00×\n"), text);
    assertTrue(text.contains("  6             3h         1h             2.00×\n"), text);
    assertTrue(text.contains("more than 3 in flight does not help"), text);
    assertTrue(text.contains("without an estimate, taken as 1h: d"), text);
  }

  @Test
  void leavesTheTableOutWithoutTheOption() throws Exception {
    assertEquals(0, run("check", wide().toString()));

    assertFalse(out.toString().contains("Simulation"), out.toString());
  }

  @Test
  void takesTheReviewTimeFromTheCommandLine() throws Exception {
    assertEquals(0, run("check", "--simulate", "--review-time", "2h", wide().toString()), err.toString());

    // four reviews of 2h after the first agent hour: 9h at capacity 3
    assertTrue(out.toString().contains("  3 (plan)      9h "), out.toString());
  }

  @Test
  void refusesAReviewTimeWithoutUnit() throws Exception {
    assertEquals(2, run("check", "--simulate", "--review-time", "30", wide().toString()));

    assertTrue(err.toString().contains("--review-time must be a duration such as `45m`"), err.toString());
  }

  @Test
  void jsonCarriesTheSimulation() throws Exception {
    assertEquals(0, run("check", "--format", "json", wide().toString()));

    JsonNode simulation = new ObjectMapper().readTree(out.toString()).get("simulation");
    assertEquals("30m", simulation.get("reviewTime").asText());
    assertEquals(3, simulation.get("maxParallel").asInt());
    assertEquals(3, simulation.get("enoughCapacity").asInt());
    assertEquals(6, simulation.get("runs").size());
    assertEquals(10800, simulation.get("runs").get(2).get("wallSeconds").asLong());
    assertEquals("1h", simulation.get("runs").get(2).get("reviewerIdle").asText());
    assertEquals("d", simulation.get("guessedEstimates").get(0).asText());
  }

  @Test
  void anInvalidPlanHasNoSimulation() throws Exception {
    Path file = dir.resolve("bad.md");
    Files.writeString(file, "```plan\ntasks:\n  - {id: a, title: A, owns: [a/**], depends_on: [zz]}\n```\n");

    assertEquals(1, run("check", "--format", "json", "--simulate", file.toString()));

    assertFalse(new ObjectMapper().readTree(out.toString()).has("simulation"), out.toString());
  }
}
