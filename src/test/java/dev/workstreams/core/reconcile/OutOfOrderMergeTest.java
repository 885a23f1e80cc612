package dev.workstreams.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.workstreams.core.reconcile.OutOfOrderMerge.Skipped;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutOfOrderMergeTest {

  @Test
  void namesTheSkippedDependencyAndItsPullRequest() {
    OutOfOrderMerge merge = new OutOfOrderMerge("api", 102, List.of(new Skipped("schema", Optional.of(101), false)));

    assertEquals("""
        <!-- workstreams:out-of-order api -->
        **Merged out of order**: #102 (`api`) was merged before its dependency `schema` (#101).

        Nothing is blocked. Until the skipped work is merged, the base branch may hold code that expects it: \
        check that the base branch still builds.
        """, merge.comment());
  }

  @Test
  void listsSeveralSkippedDependenciesWithWhatBecameOfThem() {
    OutOfOrderMerge merge = new OutOfOrderMerge("ui", 103, List.of(
        new Skipped("api", Optional.of(102), false),
        new Skipped("auth", Optional.of(104), true),
        new Skipped("schema", Optional.empty(), false)));

    assertEquals("**Merged out of order**: #103 (`ui`) was merged before its dependencies `api` (#102), "
            + "`auth` (#104, closed without merging) and `schema` (no pull request yet).",
        merge.comment().lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void eachTaskHasItsOwnMarker() {
    assertEquals("<!-- workstreams:out-of-order api -->", OutOfOrderMerge.marker("api"));
    assertFalse(OutOfOrderMerge.marker("api-v2").contains(OutOfOrderMerge.marker("api")));
  }

  @Test
  void aMergeThatSkippedNothingIsNoOutOfOrderMerge() {
    assertThrows(IllegalArgumentException.class, () -> new OutOfOrderMerge("api", 102, List.of()));
  }
}
