package dev.workstreams.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void theOneConfigurationCarriesTheWrittenOutParserLimits() {
    StreamReadConstraints limits = Json.mapper().getFactory().streamReadConstraints();
    assertAll(
        () -> assertEquals(Json.MAX_STRING_LENGTH, limits.getMaxStringLength()),
        () -> assertEquals(Json.MAX_NESTING_DEPTH, limits.getMaxNestingDepth()),
        () -> assertEquals(Json.MAX_NUMBER_LENGTH, limits.getMaxNumberLength()),
        () -> assertEquals(Json.MAX_NAME_LENGTH, limits.getMaxNameLength()));
  }

  @Test
  void aReaderDerivedFromTheMapperKeepsItsLimits() throws Exception {
    String tooDeep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertThrows(StreamConstraintsException.class, () -> Json.mapper().reader().readTree(tooDeep));
    String deepEnough = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
    assertEquals(Json.MAX_NESTING_DEPTH - 1, depth(Json.mapper(), deepEnough));
  }

  @Test
  void reconfiguringOneSitesMapperLeavesTheNextMapperAsConfigured() {
    ObjectMapper pretty = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectMapper next = Json.mapper();
    assertNotSame(pretty, next);
    assertEquals(false, next.isEnabled(SerializationFeature.INDENT_OUTPUT));
  }

  private static int depth(ObjectMapper mapper, String json) throws Exception {
    var node = mapper.readTree(json);
    int depth = 0;
    while (node.size() > 0) {
      node = node.get(0);
      depth++;
    }
    return depth;
  }
}
