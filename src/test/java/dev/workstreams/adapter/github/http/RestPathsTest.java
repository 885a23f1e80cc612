package dev.workstreams.adapter.github.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RestPathsTest {

  @Test
  void aBranchKeepsItsSlashesAndEscapesEverythingThatWouldBreakThePath() {
    assertEquals("workstreams/12-api", RestPaths.segments("workstreams/12-api"));
    assertEquals("fix/%2312%20100%25%3Fdone", RestPaths.segments("fix/#12 100%?done"));
  }

  @Test
  void aLabelOrALoginIsOneSegment() {
    assertEquals("merge-order%3A1", RestPaths.segment("merge-order:1"));
    assertEquals("area%2Fapi", RestPaths.segment("area/api"));
    assertEquals("workstreams%5Bbot%5D", RestPaths.segment("workstreams[bot]"));
    assertEquals("%F0%9F%90%9B%20bug", RestPaths.segment("🐛 bug"));
  }

  @Test
  void aFilePathKeepsItsFolders() {
    assertEquals(".github/workstreams.yml", RestPaths.segments(".github/workstreams.yml"));
    assertEquals("docs/a%20b%2Bc.md", RestPaths.segments("docs/a b+c.md"));
  }

  @Test
  void aQueryValueEscapesItsSeparators() {
    assertEquals("octo%3Aworkstreams%2F7-api%26x%3D1", RestPaths.query("octo:workstreams/7-api&x=1"));
  }
}
