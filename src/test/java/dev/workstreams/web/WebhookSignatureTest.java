package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // GitHub's documented test vector (docs: "Validating webhook deliveries").
  private static final String SECRET = "It's a Secret to Everybody";
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  private final WebhookSignature signature = new WebhookSignature(Secret.of(SECRET));

  @Test
  void producesGitHubsTestVector() {
    assertEquals(EXPECTED, signature.headerFor(BODY));
  }

  @Test
  void acceptsGitHubsTestVector() {
    assertTrue(signature.matches(BODY, EXPECTED));
  }

  @Test
  void acceptsUppercaseHex() {
    assertTrue(signature.matches(BODY, "sha256=" + EXPECTED.substring(7).toUpperCase()));
  }

  @Test
  void rejectsAMissingHeader() {
    assertFalse(signature.matches(BODY, null));
  }

  @Test
  void rejectsTheSha1Form() {
    assertFalse(signature.matches(BODY, "sha1=" + EXPECTED.substring(7)));
  }

  @Test
  void rejectsATruncatedSignature() {
    assertFalse(signature.matches(BODY, EXPECTED.substring(0, EXPECTED.length() - 2)));
  }

  @Test
  void rejectsAnotherBody() {
    assertFalse(signature.matches("Hello, World?".getBytes(StandardCharsets.UTF_8), EXPECTED));
  }

  @Test
  void rejectsAnotherSecret() {
    assertFalse(new WebhookSignature(Secret.of("another secret")).matches(BODY, EXPECTED));
  }

  @Test
  void rejectsNonHexCharacters() {
    assertFalse(signature.matches(BODY, "sha256=" + "z".repeat(64)));
  }
}
