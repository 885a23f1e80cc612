package dev.workstreams.core.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.workstreams.core.ownership.ConflictWarning.Touched;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictWarningTest {

  @Test
  void namesEachWorkstreamWithItsPlanPullRequestAndTheFilesItOwns() {
    String comment = ConflictWarning.comment(List.of(
        new Touched(7, "schema", 101, List.of("db/a.sql")),
        new Touched(9, "api", 204, List.of("api/1", "api/2", "api/3", "api/4", "api/5", "api/6", "api/7"))));

    assertEquals("""
        This pull request changes files that open workstreams own, so it may conflict with them:

        - task `schema` of plan #7 (#101): `db/a.sql`
        - task `api` of plan #9 (#204): `api/1`, `api/2`, `api/3`, `api/4`, `api/5` and 2 more

        Merging it first leaves those workstreams to resolve the conflicts, and the other way round; consider waiting \
        for them or talking to their authors.
        """, comment);
  }

  @Test
  void saysWhenTheConflictIsGone() {
    assertEquals("This pull request no longer changes files that open workstreams own.\n", ConflictWarning.cleared());
  }
}
