package dev.workstreams.core.plan;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PlanParserProperties {

  private final PlanChecker checker = new PlanChecker();

  @Property(tries = 500)
  void randomTextNeverThrows(@ForAll String body) {
    assertNotNull(checker.check(body, List.of()));
  }

  @Property(tries = 500)
  void randomYamlishTextInAPlanBlockNeverThrows(@ForAll("yamlish") String yaml) {
    assertNotNull(checker.check("```plan\n" + yaml + "\n```\n", List.of()));
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings()
        .withChars("tasks:id-owns[]{},*&!|>\"' \n\t#?%@`~\\/abc12")
        .ofMaxLength(200)
        .map(s -> "tasks:\n" + s);
  }
}
