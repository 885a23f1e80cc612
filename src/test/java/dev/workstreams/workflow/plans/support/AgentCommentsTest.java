package dev.workstreams.workflow.plans.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.port.AgentReport;
import dev.workstreams.port.RepositoryId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCommentsTest {

  @Test
  void aFailedRunsLogKeepsItsLastLinesWithinGitHubsLimitAndCannotEscapeItsCodeBlock() {
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      log.add("line " + i + " " + "x".repeat(60));
    }
    log.add("```\n<!-- workstreams:ownership --> @alice");
    log.add("last line");
    AgentReport report = new AgentReport(new RepositoryId(1, "octo", "hello"), 7, "api", 1, AgentReport.Result.FAILED,
        "exit 1", 30, false, List.of("a problem for @bob"), log);

    String comment = AgentComments.forReport(report, 1).orElseThrow();

    assertTrue(comment.length() <= 65_536 - 100, "length " + comment.length());
    assertTrue(comment.endsWith("last line\n```\n</details>\n"), comment.substring(comment.length() - 100));
    assertFalse(comment.contains("line 0 "), "the start of a long log is left out, not its end");
    assertFalse(comment.contains("<!--"), "no marker can be faked");
    assertFalse(comment.contains("@bob"), "no one is mentioned");
  }
}
