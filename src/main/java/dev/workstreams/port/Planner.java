package dev.workstreams.port;

import java.io.IOException;
import java.util.Optional;

/**
 * The operator's planner (the agents file's {@code planner:} profile), run on a read-only working
 * copy of a repository's base branch, in the same sandbox as any agent.
 */
public interface Planner {

  /** No planner on this server. */
  Planner NONE = new Planner() {
    @Override
    public Optional<String> unavailable() {
      return Optional.of("This server has no planner: its operator's agents file (`AGENTS_FILE`) names no"
          + " `planner:` profile, so plans cannot be drafted here. Write the plan by hand.");
    }

    @Override
    public String profile() {
      return "";
    }

    @Override
    public Answer ask(RepositoryId repository, int issue, String baseBranch, String prompt, int round) {
      throw new IllegalStateException("no planner is configured");
    }
  };

  /** Why plans cannot be drafted on this server (said to the person who asked); empty when they can. */
  Optional<String> unavailable();

  /** The planner profile's name. */
  String profile();

  /** Runs the planner once with {@code prompt} on standard input, to its end or its timeout. */
  Answer ask(RepositoryId repository, int issue, String baseBranch, String prompt, int round) throws IOException;

  /**
   * What the planner said: its output (hostile text), and whether it exited 0; {@code summary} is how
   * it ended, in the App's words (exit status, time-out).
   */
  record Answer(boolean succeeded, String summary, String output) {}
}
