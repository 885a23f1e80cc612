package dev.workstreams.adapter.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random values the browser holds (session ids, OAuth states, CSRF tokens), their stored hashes and comparisons. */
public final class Tokens {

  private final SecureRandom random;

  public Tokens(SecureRandom random) {
    this.random = random;
  }

  /** 256 random bits, URL-safe. */
  public String next() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  /** In constant time for equal lengths, so a CSRF token cannot be guessed byte by byte from timings. */
  public static boolean same(String expected, String given) {
    if (given == null || expected == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
