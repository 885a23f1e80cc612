package dev.workstreams.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedPathsTest {

  private static final List<String> DEFAULTS = RepoConfig.DEFAULT_PROTECTED;

  @Test
  void blocksTheDefaultProtectedPathsEvenForATaskThatOwnsThemWhenAWriterLabelled() {
    ProtectedPaths paths = ProtectedPaths.forTask(DEFAULTS, List.of(".github/**", "CODEOWNERS", "src/**"), false);

    assertTrue(paths.blocks(".github/workflows/ci.yml"));
    assertTrue(paths.blocks(".github/workflows/nested/deploy.yaml"));
    assertTrue(paths.blocks("CODEOWNERS"));
    assertTrue(paths.blocks(".github/CODEOWNERS"));
    assertTrue(paths.blocks(".github/workstreams.yml"));
    assertFalse(paths.blocks(".github/dependabot.yml"));
    assertFalse(paths.blocks("src/CODEOWNERS"));
    assertFalse(paths.blocks("src/Main.java"));
  }

  @Test
  void letsAnAdminLabelledPlanChangeTheProtectedPathsItsTaskOwns() {
    ProtectedPaths paths = ProtectedPaths.forTask(DEFAULTS, List.of(".github/workflows/**"), true);

    assertFalse(paths.blocks(".github/workflows/ci.yml"));
    assertTrue(paths.blocks("CODEOWNERS"), "an admin's plan still needs the task to own the path");
  }

  @Test
  void usesTheRepositorysOwnListAndAnEmptyListProtectsNothing() {
    assertTrue(ProtectedPaths.forTask(List.of("deploy/**"), List.of("deploy/**"), false).blocks("deploy/prod.yml"));
    assertFalse(ProtectedPaths.forTask(List.of("deploy/**"), List.of(), false).blocks(".github/workflows/ci.yml"));
    assertFalse(ProtectedPaths.forTask(List.of(), List.of(), false).blocks("CODEOWNERS"));
  }
}
