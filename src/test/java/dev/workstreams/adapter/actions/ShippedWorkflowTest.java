package dev.workstreams.adapter.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.core.actions.AttemptKey;
import dev.workstreams.core.yaml.YamlNode;
import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import dev.workstreams.core.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example workflow and the action under {@code action/} agree with what the App sends and looks for. */
class ShippedWorkflowTest {

  static YamlMap read(String file) throws Exception {
    return assertInstanceOf(YamlMap.class, new YamlReader(1 << 20, 50).read(Files.readString(Path.of("action", file))));
  }

  static YamlNode at(YamlMap map, String... keys) {
    YamlNode node = map;
    for (String key : keys) {
      node = ((YamlMap) node).entry(key).orElseThrow(() -> new AssertionError("no " + key)).value();
    }
    return node;
  }

  @Test
  void theExampleWorkflowDeclaresExactlyTheDispatchInputsAndTitlesItsRunsWithTheAttemptKey() throws Exception {
    YamlMap workflow = read("workstreams-agent.yml");

    YamlMap inputs = (YamlMap) at(workflow, "on", "workflow_dispatch", "inputs");
    assertEquals(ActionsAgents.INPUTS, inputs.entries().stream().map(Entry::key).toList());
    String title = ((YamlScalar) at(workflow, "run-name")).text();
    assertEquals("workstreams ${{ inputs.attempt_key }}", title);
    assertEquals(new AttemptKey(12, "auth", 1), AttemptKey.inRunTitle(title.replace("${{ inputs.attempt_key }}", "12-auth-a1"))
        .orElseThrow());
    assertEquals("read", ((YamlScalar) at(workflow, "permissions", "contents")).text(), "the workflow never pushes");
  }

  @Test
  void theActionUploadsTheArtifactTheAppLooksFor() throws Exception {
    YamlMap action = read("action.yml");

    String steps = Files.readString(Path.of("action", "action.yml"));
    assertTrue(steps.contains("name: workstreams-${{ inputs.attempt-key }}"), "artifact " + AttemptKey.ARTIFACT_PREFIX + "<key>");
    assertTrue(steps.contains("run-agent.sh"));
    assertEquals(List.of("head", "branch", "attempt-key", "prompt-comment", "agent-command", "github-token"),
        ((YamlMap) at(action, "inputs")).entries().stream().map(Entry::key).toList());
    assertEquals("composite", ((YamlScalar) at(action, "runs", "using")).text());
  }
}
