package dev.workstreams.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

  @Test
  void aPushToTheDefaultBranchThatChangesTheFileTouchesTheConfig() {
    assertTrue(ConfigFile.touchesConfig("refs/heads/main", "main", List.of("README.md", ".github/workstreams.yml")));
  }

  @Test
  void aPushElsewhereOrWithoutTheFileDoesNot() {
    assertFalse(ConfigFile.touchesConfig("refs/heads/feature", "main", List.of(".github/workstreams.yml")));
    assertFalse(ConfigFile.touchesConfig("refs/tags/main", "main", List.of(".github/workstreams.yml")));
    assertFalse(ConfigFile.touchesConfig("refs/heads/main", "main", List.of(".github/workflows/ci.yml")));
    assertFalse(ConfigFile.touchesConfig("refs/heads/main", "main", List.of()));
  }
}
