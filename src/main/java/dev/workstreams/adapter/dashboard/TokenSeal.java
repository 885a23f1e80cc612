package dev.workstreams.adapter.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a person's user-to-server token for the session table: AES-256-GCM with a random 96-bit
 * nonce, under a key derived with HKDF-SHA256 (RFC 5869) from the App's own secret material (its
 * private key), so every instance of the App derives the same key and nothing new has to be kept.
 * A sealed value read from another App's database, or tampered with, does not open.
 */
public final class TokenSeal {

  private static final String INFO = "workstreams dashboard user token v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  private TokenSeal(byte[] key, SecureRandom random) {
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
  }

  /** @param secretMaterial the App's private key bytes (PKCS#8), or any long-lived secret of the App */
  public static TokenSeal derivedFrom(byte[] secretMaterial, SecureRandom random) {
    if (secretMaterial.length < 16) {
      throw new IllegalArgumentException("the App's secret material is too short to derive a key from");
    }
    return new TokenSeal(hkdf(secretMaterial, INFO.getBytes(StandardCharsets.UTF_8)), random);
  }

  public String seal(String token) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
    }
  }

  /** @throws IllegalArgumentException when the value was not sealed under this key or was altered */
  public String open(String sealed) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(sealed);
      if (bytes.length <= NONCE_BYTES) {
        throw new IllegalArgumentException("not a sealed token");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the sealed token does not open under this App's key", e);
    }
  }

  // HKDF with an all-zero salt (RFC 5869 2.2) and one block of output: 32 bytes for AES-256.
  private static byte[] hkdf(byte[] material, byte[] info) {
    try {
      Mac extract = Mac.getInstance("HmacSHA256");
      extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      byte[] prk = extract.doFinal(material);
      Mac expand = Mac.getInstance("HmacSHA256");
      expand.init(new SecretKeySpec(prk, "HmacSHA256"));
      expand.update(info);
      expand.update((byte) 1);
      return expand.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
    }
  }
}
