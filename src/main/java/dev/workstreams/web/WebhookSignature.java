package dev.workstreams.web;

import dev.workstreams.config.Secret;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw
 * body under the webhook secret. Only that form is accepted (GitHub's older {@code sha1=} header is
 * weaker and never enough), and the comparison takes the same time wherever the first difference is.
 */
public final class WebhookSignature {
  private static final String PREFIX = "sha256=";
  private static final int HEX_LENGTH = 64;

  private final SecretKeySpec key;
  // Mac objects are not thread-safe and costly enough to build that the intake path keeps one per thread.
  private final ThreadLocal<Mac> macs;

  public WebhookSignature(Secret secret) {
    this.key = new SecretKeySpec(secret.utf8(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public boolean matches(byte[] body, String header) {
    return claimedDigest(header).map(claimed -> matchesDigest(sign(body), claimed)).orElse(false);
  }

  /** The digest a header claims, when it has the one accepted form; decided without the body. */
  Optional<byte[]> claimedDigest(String header) {
    if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + HEX_LENGTH) {
      return Optional.empty();
    }
    return Optional.ofNullable(decodeHex(header.substring(PREFIX.length())));
  }

  /** This thread's HMAC, reset: fed the body chunk by chunk as it is read, then finished. */
  Mac streaming() {
    Mac mac = macs.get();
    mac.reset();
    return mac;
  }

  /** Compared in the same time wherever the first difference is. */
  static boolean matchesDigest(byte[] computed, byte[] claimed) {
    return MessageDigest.isEqual(computed, claimed);
  }

  /** {@code sha256=<hex>} for a body, as GitHub would send it; used by tests and the benchmark. */
  public String headerFor(byte[] body) {
    StringBuilder hex = new StringBuilder(PREFIX);
    for (byte b : sign(body)) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private byte[] sign(byte[] body) {
    return streaming().doFinal(body);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java runtime has HmacSHA256; the message names no key material.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] decodeHex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(hex.charAt(2 * i), 16);
      int low = Character.digit(hex.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes[i] = (byte) ((high << 4) | low);
    }
    return bytes;
  }
}
