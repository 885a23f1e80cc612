package dev.workstreams.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.workstreams.core.schedule.WorkDuration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys drafting and the simulation read: {@code review_time} and {@code draft_label}. */
class DraftingConfigTest {

  private final RepoConfigParser parser = new RepoConfigParser();

  @Test
  void defaultsToHalfAnHourOfReviewAndThePlanDraftLabel() {
    RepoConfig config = valid("trigger_label: plan\n");

    assertEquals(WorkDuration.ofMinutes(30), config.reviewTime());
    assertEquals("plan:draft", config.draftLabel());
    assertEquals(WorkDuration.ofMinutes(30), RepoConfig.DEFAULTS.reviewTime());
  }

  @Test
  void readsBoth() {
    RepoConfig config = valid("review_time: 1h15m\ndraft_label: needs-plan\n");

    assertEquals(WorkDuration.ofMinutes(75), config.reviewTime());
    assertEquals("needs-plan", config.draftLabel());
  }

  @Test
  void refusesAReviewTimeWithoutUnitAndAnEmptyDraftLabelWithTheirLines() {
    List<ConfigProblem> problems =
        assertInstanceOf(RepoConfigResult.Invalid.class, parser.parse("max_parallel: 2\nreview_time: 30\ndraft_label: ''\n"))
            .problems();

    assertEquals(List.of(
        new ConfigProblem(2, "review_time must be a duration such as `45m`, `2h` or `1h30m` (hours `h`, minutes `m`, "
            + "seconds `s`; above zero, at most 999h), got `30`"),
        new ConfigProblem(3, "draft_label must be a label name of 1 to 50 characters")), problems);
  }

  private RepoConfig valid(String yaml) {
    return assertInstanceOf(RepoConfigResult.Valid.class, parser.parse(yaml)).config();
  }
}
