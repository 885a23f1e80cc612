package dev.workstreams.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanBlockFinderTest {

  @Test
  void findsAPlanBlockWithItsFirstLine() {
    Optional<PlanBlock> block = PlanBlockFinder.find("Intro\n\n```plan\ntasks: []\n```\n");

    assertEquals(Optional.of(new PlanBlock("tasks: []\n", 4)), block);
  }

  @Test
  void readsTheInfoStringAfterSpacesAndIgnoresTheRestOfTheLine() {
    assertEquals(Optional.of(new PlanBlock("tasks: []\n", 2)), PlanBlockFinder.find("~~~~   PLAN extra words\ntasks: []\n~~~~\n"));
  }

  @Test
  void closesOnlyWithAFenceOfTheSameCharacterAtLeastAsLong() {
    String body = "````plan\na: 1\n```\n~~~~\nb: 2\n   `````  \nafter\n";

    assertEquals(Optional.of(new PlanBlock("a: 1\n```\n~~~~\nb: 2\n", 2)), PlanBlockFinder.find(body));
  }

  @Test
  void removesTheOpeningFencesIndentationFromTheContent() {
    assertEquals(Optional.of(new PlanBlock("tasks:\n - x\n", 2)),
        PlanBlockFinder.find("  ```plan\n  tasks:\n   - x\n  ```\n"));
  }

  @Test
  void skipsYamlBlocksWithoutTopLevelTasksAndIndentedFences() {
    String body = "    ```plan\n    tasks: []\n    ```\n```yaml\nkey: 1\n```\n```yaml\ntasks:\n```\n";

    assertEquals(Optional.of(new PlanBlock("tasks:\n", 8)), PlanBlockFinder.find(body));
  }

  @Test
  void aBacktickFenceWhoseInfoStringHoldsABacktickIsNoFence() {
    assertTrue(PlanBlockFinder.find("```plan `x`\ntasks: []\n```\n").isEmpty());
  }

  @Test
  void aFenceOfManySpacesAndAStrayBacktickIsNoFence() {
    assertTrue(PlanBlockFinder.find("```" + " ".repeat(160_000) + "`\n").isEmpty());
  }

  @Test
  void anUnclosedFenceRunsToTheEnd() {
    assertEquals(Optional.of(new PlanBlock("tasks: []\n" + " ".repeat(100_000) + "\n", 2)),
        PlanBlockFinder.find("```plan\ntasks: []\n" + " ".repeat(100_000) + "\n"));
  }
}
