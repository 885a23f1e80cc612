package dev.workstreams.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class AttemptKeyTest {

  @Test
  void namesTheArtifactAndTheRunTitle() {
    AttemptKey key = new AttemptKey(12, "auth", 2);
    assertEquals("12-auth-a2", key.text());
    assertEquals("workstreams-12-auth-a2", key.artifactName());
    assertEquals("workstreams 12-auth-a2", key.runTitle());
    assertTrue(key.ownsArtifact("workstreams-12-auth-a2"));
    assertFalse(key.ownsArtifact("workstreams-12-auth-a1"), "an earlier attempt's artifact");
    assertFalse(key.ownsArtifact("workstreams-12-auth-a2-extra"));
  }

  @Test
  void findsTheKeyInARunTitleOnlyAsTheWorkflowWritesIt() {
    assertEquals(Optional.of(new AttemptKey(7, "api-v2", 1)), AttemptKey.inRunTitle("workstreams 7-api-v2-a1"));
    assertEquals(Optional.of(new AttemptKey(7, "api", 3)), AttemptKey.inRunTitle("Agent: workstreams 7-api-a3 by bot"));
    assertEquals(Optional.empty(), AttemptKey.inRunTitle("workstreams 7-api"));
    assertEquals(Optional.empty(), AttemptKey.inRunTitle("workstreams 0-api-a1"));
    assertEquals(Optional.empty(), AttemptKey.inRunTitle("xworkstreams 7-api-a1"));
    assertEquals(Optional.empty(), AttemptKey.parse("7-API-a1"));
  }

  @Property
  void readsBackWhatItWrites(@ForAll @IntRange(min = 1, max = 1_000_000) int issue,
      @ForAll @StringLength(min = 1, max = 40) @Chars({'a', 'z', '0', '9', '-'}) String task,
      @ForAll @IntRange(min = 1, max = 999) int attempt) {
    if (task.startsWith("-")) {
      return;
    }
    AttemptKey key = new AttemptKey(issue, task, attempt);
    assertEquals(Optional.of(key), AttemptKey.parse(key.text()));
    assertEquals(Optional.of(key), AttemptKey.inRunTitle(key.runTitle()));
  }
}
