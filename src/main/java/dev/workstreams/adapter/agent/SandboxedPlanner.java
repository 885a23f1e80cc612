package dev.workstreams.adapter.agent;

import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.adapter.git.WorkingCopyException;
import dev.workstreams.core.draft.PlannerAnswer;
import dev.workstreams.port.Planner;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's planner profile run like any agent ({@link AgentRunner}: same sandbox, limits,
 * environment and redaction), in a read-only checkout of the base branch that is deleted after each
 * round. Its output is its log (standard output and error), read back bounded.
 */
public final class SandboxedPlanner implements Planner {

  /** The task id a planner run is logged under: {@code logs/<owner>/<repo>/<issue>-planner-draft/}. */
  static final String TASK_ID = "planner-draft";
  private static final Logger LOG = LoggerFactory.getLogger(SandboxedPlanner.class);

  private final Optional<AgentProfile> profile;
  private final WorkingCopies copies;
  private final AgentRunner runner;
  private final Function<RepositoryId, Remote> remotes;
  private final Function<RepositoryId, List<String>> secrets;

  public SandboxedPlanner(Optional<AgentProfile> profile, WorkingCopies copies, AgentRunner runner,
      Function<RepositoryId, Remote> remotes, Function<RepositoryId, List<String>> secrets) {
    this.profile = profile;
    this.copies = copies;
    this.runner = runner;
    this.remotes = remotes;
    this.secrets = secrets;
  }

  @Override
  public Optional<String> unavailable() {
    if (profile.isEmpty()) {
      return NONE.unavailable();
    }
    return runner.unavailable().map(reason -> "Plans cannot be drafted on this server: its planner runs in the agent"
        + " sandbox, and " + reason + ".");
  }

  @Override
  public String profile() {
    return profile.map(AgentProfile::name).orElse("");
  }

  @Override
  public Answer ask(RepositoryId repository, int issue, String baseBranch, String prompt, int round) throws IOException {
    AgentProfile planner = profile.orElseThrow(() -> new IllegalStateException("no planner profile"));
    Path checkout;
    try {
      checkout = copies.baseCheckout(new RepositoryName(repository.owner(), repository.name()), remotes.apply(repository),
          issue, baseBranch);
    } catch (WorkingCopyException e) {
      return new Answer(false, e.getMessage(), "");
    }
    try {
      AgentRun run = runner.run(new AgentRequest(planner, checkout,
          new AgentTask(repository.owner(), repository.name(), issue, TASK_ID), prompt, List.of(),
          secrets.apply(repository)));
      String summary = RunSummary.describe(run.outcome()) + " after " + DurationText.format(run.duration().withNanos(0));
      LOG.info("planner {} for {}#{}, round {}: {}", planner.name(), repository.fullName(), issue, round, summary);
      return new Answer(run.succeeded(), summary, output(run.log()));
    } finally {
      copies.removeBaseCheckout(checkout);
    }
  }

  // The log is already redacted; more than a plan can be is not read.
  private static String output(Path log) throws IOException {
    try (InputStream in = Files.newInputStream(log)) {
      return new String(in.readNBytes(PlannerAnswer.MAX_OUTPUT_CHARS), StandardCharsets.UTF_8);
    }
  }
}
