package dev.workstreams.workflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.port.IssueComment;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCommentCommandsTest {

  private final PlanFixture fixture = new PlanFixture();

  @Test
  void statusIsAnsweredOnceWithThePlansTableEvenWhenTheDeliveryRepeats() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    fixture.commented("/workstreams status", 501, "writer");
    fixture.commented("/workstreams status", 501, "writer");

    List<IssueComment> replies = replies(501);
    assertEquals(1, replies.size());
    assertTrue(replies.get(0).body().contains("schema"), replies.get(0).body());
  }

  @Test
  void someoneWithoutWriteAccessIsToldSoAndNoRetryIsRequested() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    fixture.commented("/workstreams retry schema", 502, "reader");

    assertTrue(replies(502).get(0).body().contains("@reader, only people with write"), replies(502).get(0).body());
    assertTrue(fixture.store.workstreams(fixture.github.repository(), 7).stream().allMatch(w -> w.requested().isEmpty()));
  }

  @Test
  void aCommandForATaskThePlanDoesNotHaveNamesTheUsage() throws Exception {
    fixture.labelled(PlanFixture.EXAMPLE, "plan", "writer");

    fixture.commented("/workstreams retry nonsense", 503, "writer");

    assertTrue(replies(503).get(0).body().contains("this plan has no task `nonsense`"), replies(503).get(0).body());
  }

  @Test
  void aCommandBeforeAnyAcceptedPlanSaysWhatToDoFirst() throws Exception {
    fixture.commented("/workstreams status", 504, "writer");

    assertTrue(replies(504).get(0).body().contains("no accepted plan yet"), replies(504).get(0).body());
  }

  @Test
  void anOrdinaryCommentCostsNothing() throws Exception {
    fixture.commented("Looks good to me", 505, "writer");

    assertEquals(List.of(), fixture.github.calls());
  }

  private List<IssueComment> replies(long commentId) {
    return fixture.github.commentsOn(7).stream().filter(c -> c.body().contains("<!-- workstreams:reply " + commentId + " -->"))
        .toList();
  }
}
