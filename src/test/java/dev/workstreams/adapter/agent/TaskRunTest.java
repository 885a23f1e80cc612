package dev.workstreams.adapter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.adapter.git.BotIdentity;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.port.AgentAssignment;
import dev.workstreams.port.AgentReport;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRunTest {

  @TempDir Path tmp;

  @Test
  void withoutTheBotIdentityNothingRunsAndTheReportSaysWhy() throws IOException {
    Path marker = tmp.resolve("agent-ran");
    AgentProfile profile = TestAgents.profile(new TestAgents(tmp.resolve("bin")).script("agent", "touch " + marker),
        Duration.ofSeconds(30));
    Function<RepositoryId, BotIdentity> unavailable = repository -> {
      throw new UncheckedIOException(new IOException("GET /app for App 7 answered HTTP 401 Bad credentials"));
    };
    TaskRun run = new TaskRun(new WorkingCopies(tmp.resolve("data")), new AgentRunner(tmp.resolve("data"), Clock.systemUTC()),
        repository -> Remote.anonymous(tmp.resolve("nowhere.git").toUri().toString()), repository -> List.of(), unavailable);
    AgentAssignment assignment = new AgentAssignment(new RepositoryId(7, "octo", "hello"), 12, "auth", "Login", "test",
        "main", "do it", List.of("src/auth/**"), List.of(), Enforcement.COMMENT, RepoConfig.DEFAULT_PROTECTED, false, 1);

    AgentReport report = run.perform(assignment, profile, new CancelHandle());

    assertEquals(AgentReport.Result.FAILED, report.result());
    assertFalse(report.pushed());
    assertTrue(report.summary().startsWith("the App's bot identity could not be looked up on GitHub (GET /app for App 7"
        + " answered HTTP 401 Bad credentials); the agent did not run"), report.summary());
    assertFalse(Files.exists(marker), "the agent must not run without an identity to commit under");
    assertFalse(Files.exists(tmp.resolve("data/workspaces")), "no working copy was prepared");
  }
}
