package dev.workstreams.adapter.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void comparesCsrfAndStateValuesExactly() {
    assertTrue(Tokens.same("abc", "abc"));
    assertFalse(Tokens.same("abc", "abd"));
    assertFalse(Tokens.same("abc", "ab"));
    assertFalse(Tokens.same("abc", null));
    assertFalse(Tokens.same(null, "abc"));
  }

  @Test
  void storesOnlyAHashOfWhatTheBrowserHolds() {
    String value = new Tokens(new SecureRandom()).next();
    assertEquals(43, value.length());
    assertEquals(64, Tokens.hash(value).length());
    assertFalse(Tokens.hash(value).contains(value));
    assertNotEquals(Tokens.hash(value), Tokens.hash(value + "x"));
  }
}
