package dev.workstreams.adapter.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSealTest {

  private static final byte[] APP_KEY = "the App's private key bytes, long enough".getBytes(StandardCharsets.UTF_8);

  @Test
  void opensWhatItSealedAndNeverShowsTheTokenInTheSealedForm() {
    TokenSeal seal = TokenSeal.derivedFrom(APP_KEY, new SecureRandom());
    String sealed = seal.seal("ghu_secretToken123");
    assertFalse(sealed.contains("ghu_secretToken123"));
    assertEquals("ghu_secretToken123", seal.open(sealed));
  }

  @Test
  void sealsTheSameTokenDifferentlyEachTime() {
    TokenSeal seal = TokenSeal.derivedFrom(APP_KEY, new SecureRandom());
    assertNotEquals(seal.seal("ghu_x"), seal.seal("ghu_x"));
  }

  @Test
  void anotherInstanceOfTheSameAppOpensIt() {
    String sealed = TokenSeal.derivedFrom(APP_KEY, new SecureRandom()).seal("ghu_shared");
    assertEquals("ghu_shared", TokenSeal.derivedFrom(APP_KEY.clone(), new SecureRandom()).open(sealed));
  }

  @Test
  void anotherAppsKeyOrATamperedValueDoesNotOpen() {
    String sealed = TokenSeal.derivedFrom(APP_KEY, new SecureRandom()).seal("ghu_x");
    TokenSeal other = TokenSeal.derivedFrom("a different App's private key material".getBytes(StandardCharsets.UTF_8),
        new SecureRandom());
    assertThrows(IllegalArgumentException.class, () -> other.open(sealed));

    byte[] bytes = Base64.getUrlDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThrows(IllegalArgumentException.class, () -> TokenSeal.derivedFrom(APP_KEY, new SecureRandom()).open(tampered));
  }
}
