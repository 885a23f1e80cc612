package dev.workstreams.adapter.github.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCredentialsTest {

  private static final TestKeys KEYS = TestKeys.generate();

  @Test
  void withoutAppIdThereAreNoCredentials() {
    assertEquals(Optional.empty(), AppCredentials.fromEnvironment(Map.of("PRIVATE_KEY", KEYS.pkcs1Pem())));
    assertEquals(Optional.empty(), AppCredentials.fromEnvironment(Map.of("APP_ID", " ")));
  }

  @Test
  void readsTheKeyFromPrivateKey() {
    AppCredentials credentials = AppCredentials.fromEnvironment(Map.of("APP_ID", "12", "PRIVATE_KEY", KEYS.pkcs1OneLine())).orElseThrow();

    assertEquals(12, credentials.appId());
    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), credentials.privateKey().getEncoded());
  }

  @Test
  void readsTheKeyFromPrivateKeyPath(@TempDir Path dir) throws IOException {
    Path pem = Files.writeString(dir.resolve("app.pem"), KEYS.pkcs1Pem());

    AppCredentials credentials = AppCredentials.fromEnvironment(Map.of("APP_ID", "12", "PRIVATE_KEY_PATH", pem.toString())).orElseThrow();

    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), credentials.privateKey().getEncoded());
  }

  @Test
  void namesTheVariableThatIsWrong(@TempDir Path dir) {
    assertEquals("APP_ID must be the App's numeric id, got twelve", assertThrows(IllegalArgumentException.class,
        () -> AppCredentials.fromEnvironment(Map.of("APP_ID", "twelve", "PRIVATE_KEY", KEYS.pkcs1Pem()))).getMessage());
    assertEquals("APP_ID is set, but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is", assertThrows(IllegalArgumentException.class,
        () -> AppCredentials.fromEnvironment(Map.of("APP_ID", "12"))).getMessage());
    String missing = dir.resolve("missing.pem").toString();
    assertEquals("PRIVATE_KEY_PATH " + missing + " cannot be read (NoSuchFileException)", assertThrows(IllegalArgumentException.class,
        () -> AppCredentials.fromEnvironment(Map.of("APP_ID", "12", "PRIVATE_KEY_PATH", missing))).getMessage());
  }

  @Test
  void neverShowsTheKey() {
    AppCredentials credentials = AppCredentials.of(12, KEYS.pkcs8Pem());

    assertEquals("AppCredentials[appId=12, privateKey=(hidden)]", credentials.toString());
    assertFalse(credentials.toString().contains(KEYS.pkcs1Base64().substring(0, 20)));
    assertTrue(assertThrows(InvalidPrivateKeyException.class, () -> AppCredentials.of(12, "garbage")).getMessage()
        .startsWith("the App's private key is not PEM text"));
  }
}
