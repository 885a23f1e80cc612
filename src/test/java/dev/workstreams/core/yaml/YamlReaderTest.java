package dev.workstreams.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.workstreams.core.yaml.YamlNode.Entry;
import dev.workstreams.core.yaml.YamlNode.YamlList;
import dev.workstreams.core.yaml.YamlNode.YamlMap;
import dev.workstreams.core.yaml.YamlNode.YamlNull;
import dev.workstreams.core.yaml.YamlNode.YamlScalar;
import dev.workstreams.core.yaml.YamlNode.YamlScalar.Type;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  private final YamlReader reader = new YamlReader(64 * 1024, 32);

  @Test
  void keepsEveryEntryWithItsLineAndWhatTheParserTookEachScalarFor() throws YamlError {
    YamlMap root = assertInstanceOf(YamlMap.class, reader.read("""
        a: text
        b: 4
        c: 1.5
        d: true
        e: ~
        a: again
        f: [x]
        """));
    assertEquals(List.of("a", "b", "c", "d", "e", "a", "f"), root.entries().stream().map(Entry::key).toList());
    assertEquals(new YamlScalar("4", Type.INTEGER, OptionalLong.of(4), 2), root.entries().get(1).value());
    assertEquals(Type.DECIMAL, ((YamlScalar) root.entries().get(2).value()).type());
    assertEquals(Type.BOOLEAN, ((YamlScalar) root.entries().get(3).value()).type());
    assertEquals(new YamlNull(5), root.entries().get(4).value());
    assertEquals(7, assertInstanceOf(YamlList.class, root.entries().get(6).value()).line());
    assertEquals(List.of(6), RepeatedKeys.in(root).stream().map(Entry::line).toList());
    assertEquals(6, ((YamlMap) RepeatedKeys.firstOnly(root)).entries().size());
  }

  @Test
  void givesAWholeNumberTheValueTheParserDecodes() throws YamlError {
    YamlMap root = assertInstanceOf(YamlMap.class, reader.read("hex: 0x10\nunderscored: 1_0\nplain: 7\ntext: '7'\n"));
    assertEquals(List.of(OptionalLong.of(16), OptionalLong.of(10), OptionalLong.of(7), OptionalLong.empty()),
        root.entries().stream().map(e -> ((YamlScalar) e.value()).whole()).toList());
    assertEquals("0x10", ((YamlScalar) root.entries().get(0).value()).text());
  }

  @Test
  void passesLinesThroughTheCallersMapping() throws YamlError {
    YamlMap root = assertInstanceOf(YamlMap.class, reader.read("a: 1\nb: 2\n", line -> line + 10));
    assertEquals(12, root.entries().get(1).line());
    YamlError error = assertThrows(YamlError.class, () -> reader.read("a: 1\nb: *x\n", line -> line + 10));
    assertEquals(12, error.line());
  }

  @Test
  void refusesAliasesSecondDocumentsAndBrokenText() {
    YamlError alias = assertThrows(YamlError.class, () -> reader.read("a: &x [1]\nb: *x\n"));
    assertEquals(YamlError.Kind.ALIAS, alias.kind());
    assertEquals(2, alias.line());
    YamlError documents = assertThrows(YamlError.class, () -> reader.read("a: 1\n---\nb: 2\n"));
    assertEquals(YamlError.Kind.MORE_DOCUMENTS, documents.kind());
    YamlError broken = assertThrows(YamlError.class, () -> reader.read("a: [1,\n"));
    assertEquals(YamlError.Kind.SYNTAX, broken.kind());
  }

  @Test
  void refusesNestingDeeperThanTheBound() {
    String deep = "[".repeat(33) + "]".repeat(33);
    assertEquals(YamlError.Kind.SYNTAX, assertThrows(YamlError.class, () -> reader.read(deep)).kind());
  }
}
