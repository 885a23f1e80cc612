package dev.workstreams.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangedPathsTest {

  @Test
  void differentFilesDoNotOverlap() {
    assertEquals(List.of(), ChangedPaths.overlapping(Set.of("src/a/A.java", "README.md"), Set.of("src/b/B.java", "docs/x.md")));
    assertEquals(List.of(), ChangedPaths.overlapping(Set.of(), Set.of("src/b/B.java")));
  }

  @Test
  void theSameFileOverlaps() {
    assertFalse(ChangedPaths.overlapping(Set.of("src/a/A.java", "package-lock.json"), Set.of("package-lock.json")).isEmpty());
  }

  @Test
  void aFileWhereTheOtherSideHasAFolderOverlapsOnEitherSide() {
    assertFalse(ChangedPaths.overlapping(Set.of("src/x"), Set.of("a", "b", "src/x/y/Z.java")).isEmpty());
    assertFalse(ChangedPaths.overlapping(Set.of("a", "b", "src/x/y/Z.java"), Set.of("src/x")).isEmpty());
    assertFalse(ChangedPaths.overlapping(Set.of("src/x/y"), Set.of("src/x/y/Z.java", "c", "d")).isEmpty());
  }

  @Test
  void aSharedPrefixThatIsNoFolderDoesNotOverlap() {
    assertEquals(List.of(), ChangedPaths.overlapping(Set.of("src/x"), Set.of("src/xy/Z.java", "src/x.java")));
    assertEquals(List.of(), ChangedPaths.overlapping(Set.of("src/x/A.java"), Set.of("src/x/B.java")));
  }

  @Test
  void overlappingNamesTheSharedPathsAndTheFileWhereAFolderGoes() {
    assertEquals(List.of("lock.json", "x"),
        ChangedPaths.overlapping(Set.of("x", "lock.json", "a"), Set.of("x/y/z", "lock.json", "b")));
    assertEquals(List.of(), ChangedPaths.overlapping(Set.of("a/b"), Set.of("a/c")));
  }
}
