package dev.workstreams.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.reconcile.Markers.TaskRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkersTest {

  @Test
  void readsTheIssueAndTaskOfATaskBranch() {
    assertEquals(Optional.of(new TaskRef(7, "team-api")), Markers.taskOfBranch(Markers.branch(7, "team-api")));
    assertEquals(Optional.of(new TaskRef(12, "3-docs")), Markers.taskOfBranch("workstreams/12-3-docs"));
  }

  @Test
  void otherBranchesAreNoTaskBranches() {
    assertEquals(Optional.empty(), Markers.taskOfBranch("main"));
    assertEquals(Optional.empty(), Markers.taskOfBranch("feature/workstreams/7-api"));
    assertEquals(Optional.empty(), Markers.taskOfBranch("workstreams/7-API"));
    assertEquals(Optional.empty(), Markers.taskOfBranch("workstreams/api"));
    assertEquals(Optional.empty(), Markers.taskOfBranch("workstreams/99999999999-api"));
    assertEquals(Optional.empty(), Markers.taskOfBranch(null));
  }
}
