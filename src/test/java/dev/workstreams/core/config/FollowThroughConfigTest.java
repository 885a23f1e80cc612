package dev.workstreams.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.workstreams.core.followthrough.FollowThroughSettings;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FollowThroughConfigTest {

  private final RepoConfigParser parser = new RepoConfigParser();

  @Test
  void readsMaxRevisionsAgentTimeBudgetAndRerunFailedChecks() {
    RepoConfig config = assertInstanceOf(RepoConfigResult.Valid.class,
        parser.parse("max_revisions: 2\nagent_time_budget: 1h30m\nrerun_failed_checks: true\n")).config();
    assertEquals(new FollowThroughSettings(2, 90 * 60, OptionalLong.empty(), true), config.followThrough());
  }

  @Test
  void takesYamlsOtherSpellingsOfTrue() {
    RepoConfig config = assertInstanceOf(RepoConfigResult.Valid.class, parser.parse("rerun_failed_checks: yes\n")).config();
    assertEquals(true, config.followThrough().rerunFailedChecks());
  }

  @Test
  void defaultsToThreeRevisionsTwoHoursAndNoRerun() {
    assertEquals(FollowThroughSettings.DEFAULTS, RepoConfig.DEFAULTS.followThrough());
    assertEquals(3, RepoConfig.DEFAULTS.followThrough().maxRevisions());
    assertEquals(2 * 3600, RepoConfig.DEFAULTS.followThrough().agentTimeBudgetSeconds());
  }

  @Test
  void refusesWrongValuesWithTheirLines() {
    List<ConfigProblem> problems = assertInstanceOf(RepoConfigResult.Invalid.class,
        parser.parse("max_revisions: -1\nagent_time_budget: soon\nrerun_failed_checks: maybe\n")).problems();
    assertEquals(List.of(
        new ConfigProblem(1, "max_revisions must be a whole number from 0 to 20, got `-1`"),
        new ConfigProblem(2, "agent_time_budget must be a duration like `2h`, `45m` or `1h30m`, got `soon`"),
        new ConfigProblem(3, "rerun_failed_checks must be `true` or `false`, got `maybe`")), problems);
  }
}
