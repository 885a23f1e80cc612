package dev.workstreams.adapter.github.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {

  private static final TestKeys KEYS = TestKeys.generate();

  @Test
  void readsThePkcs1KeyGitHubHandsOut() {
    PrivateKey key = PrivateKeys.fromPem(KEYS.pkcs1Pem());

    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), key.getEncoded());
  }

  @Test
  void readsPkcs8() {
    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), PrivateKeys.fromPem(KEYS.pkcs8Pem()).getEncoded());
  }

  @Test
  void readsAKeyWithLiteralBackslashNInsteadOfLineBreaks() {
    assertTrue(KEYS.pkcs1OneLine().contains("\\n"));
    assertFalse(KEYS.pkcs1OneLine().contains("\n"));

    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), PrivateKeys.fromPem(KEYS.pkcs1OneLine()).getEncoded());
  }

  @Test
  void readsAKeyWithWindowsLineEndingsAndSurroundingSpace() {
    String pem = "\n  " + KEYS.pkcs8Pem().replace("\n", "\r\n") + "  \n";

    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), PrivateKeys.fromPem(pem).getEncoded());
  }

  @Test
  void explainsTextThatIsNotPem() {
    InvalidPrivateKeyException e = assertThrows(InvalidPrivateKeyException.class, () -> PrivateKeys.fromPem("my-key"));

    assertTrue(e.getMessage().startsWith("the App's private key is not PEM text"), e.getMessage());
  }

  @Test
  void explainsADamagedKeyWithoutShowingIt() {
    String[] lines = KEYS.pkcs1Pem().split("\n");
    lines[5] = "";
    String damaged = String.join("\n", lines);

    InvalidPrivateKeyException e = assertThrows(InvalidPrivateKeyException.class, () -> PrivateKeys.fromPem(damaged));

    assertEquals("the App's private key is damaged or not an RSA key: Java could not read it (InvalidKeySpecException)",
        e.getMessage());
    assertEquals(null, e.getCause());
  }

  @Test
  void explainsBase64Damage() {
    String damaged = "-----BEGIN RSA PRIVATE KEY-----\nMIIE*pA!\n-----END RSA PRIVATE KEY-----";

    InvalidPrivateKeyException e = assertThrows(InvalidPrivateKeyException.class, () -> PrivateKeys.fromPem(damaged));

    assertEquals("the App's private key is damaged: its PEM body is not valid base64", e.getMessage());
  }

  @Test
  void refusesEncryptedAndOtherKinds() {
    assertThrows(InvalidPrivateKeyException.class, () -> PrivateKeys.fromPem(
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"));
    assertThrows(InvalidPrivateKeyException.class, () -> PrivateKeys.fromPem(
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----"));
    InvalidPrivateKeyException e = assertThrows(InvalidPrivateKeyException.class, () -> PrivateKeys.fromPem(
        "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----"));
    assertTrue(e.getMessage().contains("\"OPENSSH PRIVATE KEY\""), e.getMessage());
  }
}
