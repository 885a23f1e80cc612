package dev.workstreams.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.command.CommentCommand.Cancel;
import dev.workstreams.core.command.CommentCommand.Retry;
import dev.workstreams.core.command.CommentCommand.Status;
import dev.workstreams.core.command.CommentCommand.Unknown;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommentCommandTest {

  @Test
  void readsTheThreeCommands() {
    assertEquals(Optional.of(new Status()), CommentCommand.parse("/workstreams status"));
    assertEquals(Optional.of(new Retry("team-api")), CommentCommand.parse("Thanks!\r\n/workstreams retry team-api\r\n"));
    assertEquals(Optional.of(new Cancel("docs")), CommentCommand.parse("/workstreams CANCEL docs"));
  }

  @Test
  void ignoresCommentsWithoutACommandLine() {
    assertEquals(Optional.empty(), CommentCommand.parse("I will run /workstreams status later"));
    assertEquals(Optional.empty(), CommentCommand.parse("> quoted\n    /workstreams status in a code block"));
    assertEquals(Optional.empty(), CommentCommand.parse(null));
  }

  @Test
  void answersAnythingElseWithTheUsage() {
    assertEquals(Optional.of(new Unknown("/workstreams")), CommentCommand.parse("/workstreams"));
    assertEquals(Optional.of(new Unknown("/workstreams retry")), CommentCommand.parse("/workstreams retry"));
    assertEquals(Optional.of(new Unknown("/workstreams retry Bad_Id")), CommentCommand.parse("/workstreams retry Bad_Id"));
    assertEquals(Optional.of(new Unknown("/workstreams merge all")), CommentCommand.parse("/workstreams merge all"));
  }

  @Test
  void readsReviseOnItsOwnLine() {
    assertEquals(Optional.of(new CommentCommand.Revise()), CommentCommand.parse("Looks off.\n/workstreams revise\nPlease fix"));
    assertEquals(Optional.of(new Unknown("/workstreams revise now")), CommentCommand.parse("/workstreams revise now"));
  }
}
