package dev.workstreams.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DraftCommandsTest {

  @Test
  void readsDraftAndAccept() {
    assertEquals(Optional.of(new CommentCommand.Draft()), CommentCommand.parse("/workstreams draft"));
    assertEquals(Optional.of(new CommentCommand.Accept()), CommentCommand.parse("Looks good.\n/workstreams Accept\n"));
  }

  @Test
  void extraWordsMakeThemUnknown() {
    assertInstanceOf(CommentCommand.Unknown.class, CommentCommand.parse("/workstreams draft please").orElseThrow());
    assertInstanceOf(CommentCommand.Unknown.class, CommentCommand.parse("/workstreams accept all").orElseThrow());
  }
}
