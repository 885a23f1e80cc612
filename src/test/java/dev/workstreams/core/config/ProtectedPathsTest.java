package dev.workstreams.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
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

  @Test
  void saysWhenATaskOwnsProtectedPathsWithAnExample() {
    assertEquals(Optional.of("task `ci` owns `.github/**`, which covers paths the repository config `protected` lists"
            + " (`.github/workflows/**`, e.g. `.github/workflows/a`): its agent's changes to them will be left out of its"
            + " pushes, because only a plan labelled by an admin may change them"),
        ProtectedPaths.ownedButLeftOut(DEFAULTS, "ci", List.of("src/ci/**", ".github/**")));
    assertEquals(Optional.empty(), ProtectedPaths.ownedButLeftOut(DEFAULTS, "api", List.of("src/**", "docs/CODEOWNERS")));
  }
}
