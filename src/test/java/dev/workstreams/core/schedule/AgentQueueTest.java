package dev.workstreams.core.schedule;

import static dev.workstreams.core.schedule.WorkstreamState.CLOSED;
import static dev.workstreams.core.schedule.WorkstreamState.FAILED;
import static dev.workstreams.core.schedule.WorkstreamState.MERGED;
import static dev.workstreams.core.schedule.WorkstreamState.PUSHED;
import static dev.workstreams.core.schedule.WorkstreamState.QUEUED;
import static dev.workstreams.core.schedule.WorkstreamState.RUNNING;
import static dev.workstreams.core.schedule.WorkstreamState.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.schedule.AgentQueue.Decision;
import dev.workstreams.core.schedule.AgentQueue.Entry;
import dev.workstreams.core.schedule.AgentQueue.Placement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentQueueTest {

  private static Entry task(String id, WorkstreamState state, String... deps) {
    return new Entry(id, List.of(deps), state);
  }

  @Test
  void startsReadyTasksUpToMaxParallelAndQueuesTheRestInOrder() {
    Decision d = AgentQueue.decide(List.of(task("a", QUEUED), task("b", QUEUED), task("c", QUEUED), task("d", QUEUED), task("e", QUEUED)), 2, 4);

    assertEquals(List.of("a", "b"), d.start());
    assertEquals(Map.of("c", new Placement(QUEUED, "1st in line"), "d", new Placement(QUEUED, "2nd in line"),
        "e", new Placement(QUEUED, "3rd in line")), d.waiting());
  }

  @Test
  void workInFlightTakesCapacityUntilMerged() {
    List<Entry> tasks = List.of(task("a", RUNNING), task("b", PUSHED), task("c", FAILED), task("d", QUEUED), task("e", MERGED));

    assertEquals(List.of(), AgentQueue.decide(tasks, 3, 4).start());
    assertEquals(List.of("d"), AgentQueue.decide(tasks, 4, 4).start());
  }

  @Test
  void theInstanceLimitCapsStartsToo() {
    assertEquals(List.of("a"), AgentQueue.decide(List.of(task("a", QUEUED), task("b", QUEUED)), 4, 1).start());
  }

  @Test
  void aDependentWaitsForItsDependencyToBeMerged() {
    Decision waiting = AgentQueue.decide(List.of(task("schema", PUSHED), task("api", WAITING, "schema")), 4, 4);
    Decision ready = AgentQueue.decide(List.of(task("schema", MERGED), task("api", WAITING, "schema")), 4, 4);

    assertEquals(Map.of("api", new Placement(WAITING, "for `schema` to be merged")), waiting.waiting());
    assertEquals(List.of("api"), ready.start());
  }

  @Test
  void aFailedOrClosedDependencyBlocksItsDependentsAndTheirs() {
    Decision d = AgentQueue.decide(List.of(task("a", FAILED), task("b", CLOSED), task("c", WAITING, "a"),
        task("d", WAITING, "b"), task("e", WAITING, "c")), 4, 4);

    assertEquals(new Placement(WorkstreamState.BLOCKED, "`a` needs attention"), d.waiting().get("c"));
    assertEquals(new Placement(WorkstreamState.BLOCKED, "`b` was closed without merging"), d.waiting().get("d"));
    assertEquals(WAITING, d.waiting().get("e").state());
  }

  @Test
  void ordinalsReadNaturally() {
    assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th"),
        List.of(1, 2, 3, 4, 11, 12, 13, 21, 112).stream().map(AgentQueue::ordinal).toList());
  }
}
