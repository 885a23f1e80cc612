package dev.workstreams.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EventRouterTest {
  private final List<String> ran = new ArrayList<>();
  private final EventRouter router = new EventRouter();

  @Test
  void runsHandlersForTheEventThenForItsAction() throws Exception {
    router.on("issues.labeled", c -> ran.add("labeled"));
    router.on("issues", c -> ran.add("any issue event"));
    router.on("issues.opened", c -> ran.add("opened"));

    router.route(context("issues", "labeled"));

    assertEquals(List.of("any issue event", "labeled"), ran);
  }

  @Test
  void routesAnEventWithoutActionToItsEventHandlersOnly() throws Exception {
    router.on("ping", c -> ran.add("ping"));
    router.on("push", c -> ran.add("push"));

    router.route(context("ping", null));

    assertEquals(List.of("ping"), ran);
  }

  @Test
  void runsNothingForAnEventNobodyListensTo() throws Exception {
    router.on("issues", c -> ran.add("issues"));

    router.route(context("star", "created"));

    assertEquals(List.of(), ran);
  }

  @Test
  void stopsAtTheFirstHandlerThatThrows() {
    router.on("issues", c -> {
      throw new IllegalStateException("boom");
    });
    router.on("issues.labeled", c -> ran.add("labeled"));

    assertThrows(IllegalStateException.class, () -> router.route(context("issues", "labeled")));
    assertEquals(List.of(), ran);
  }

  @Test
  void refusesNamesThatAreNotEventOrEventDotAction() {
    assertThrows(IllegalArgumentException.class, () -> router.on("issues:labeled", c -> {}));
    assertThrows(IllegalArgumentException.class, () -> router.on("Issues", c -> {}));
  }

  @Test
  void namesAContextEventDotAction() {
    assertEquals("issues.labeled", context("issues", "labeled").name());
    assertEquals("ping", context("ping", null).name());
  }

  private static EventContext context(String event, String action) {
    return new EventContext("d-1", event, Optional.ofNullable(action), OptionalLong.empty(), Optional.empty(),
        JsonNodeFactory.instance.objectNode());
  }
}
